import type { Deployment } from '../deployment/deployment.js';
import { endpointErrors } from '../errors/endpoint-errors.js';
import { activeJournalFile, archiveJournal, noteJournalStep, readActiveJournal, type LookupMoveJournal } from './lookup-move-journal.js';
import { describeRestore, restoreUser } from './restore-user.js';
import type { EngineAction, RecoveryReport } from './results.js';

/** An interrupted lookup URI move, as the directory shows it now. */
export interface InterruptedMove {
  readonly journal: string;
  readonly startedAt: string;
  readonly sipAddress: string;
  readonly userDn: string;
  readonly endpointDn: string;
  /**
   * user-removed: the half-done move (account deleted, endpoint missing) that the next
   * endpoint command repairs by restoring the account; completed / unchanged: only the
   * journal is left; inconsistent: both exist (PCMIG-EP-014).
   */
  readonly state: 'user-removed' | 'completed' | 'unchanged' | 'inconsistent';
}

async function stateOf(deployment: Deployment, journal: LookupMoveJournal): Promise<InterruptedMove['state']> {
  const [user, endpoint] = await Promise.all([deployment.directory.read(journal.user.dn), deployment.directory.read(journal.endpoint.dn)]);
  if (endpoint && !user) return 'completed';
  if (!endpoint && user) return 'unchanged';
  if (!endpoint && !user) return 'user-removed';
  return 'inconsistent';
}

/** Reports an interrupted move without changing anything (Get- commands, -WhatIf). */
export async function inspectInterruptedMove(deployment: Deployment): Promise<InterruptedMove | null> {
  const journal = await readActiveJournal(deployment);
  if (!journal) return null;
  return {
    journal: activeJournalFile(deployment),
    startedAt: journal.startedAt,
    sipAddress: journal.sipAddress,
    userDn: journal.user.dn,
    endpointDn: journal.endpoint.dn,
    state: await stateOf(deployment, journal),
  };
}

/**
 * Repairs a move that a crash or kill interrupted, bringing the directory back to where the
 * move started (or acknowledging that it had finished). Call it holding the endpoint
 * operations lock. Returns null when nothing was interrupted.
 */
export async function recoverInterruptedMove(deployment: Deployment): Promise<RecoveryReport | null> {
  const journal = await readActiveJournal(deployment);
  if (!journal) return null;
  const state = await stateOf(deployment, journal);
  const base = { startedAt: journal.startedAt, sipAddress: journal.sipAddress };
  if (state === 'inconsistent') {
    throw endpointErrors.create('PCMIG-EP-014', {
      message: `The move of ${journal.sipAddress} started ${journal.startedAt} was interrupted, and now both the user ${journal.user.dn} and the endpoint ${journal.endpoint.dn} exist (journal ${activeJournalFile(deployment)}).`,
      target: activeJournalFile(deployment),
      reason: { userDn: journal.user.dn, endpointDn: journal.endpoint.dn },
    });
  }
  if (state === 'completed' || state === 'unchanged') {
    const archived = await archiveJournal(deployment, journal, state);
    return { ...base, journal: archived, outcome: state, identityPreserved: null, actions: [] };
  }
  await noteJournalStep(deployment, journal, 'rolling-back');
  let restored;
  try {
    restored = await restoreUser(deployment, journal.user);
  } catch (error) {
    throw endpointErrors.create('PCMIG-EP-011', {
      message: `The move of ${journal.sipAddress} was interrupted after ${journal.user.dn} was deleted, and the account cannot be restored yet (journal ${activeJournalFile(deployment)}).`,
      target: activeJournalFile(deployment),
      reason: { journal: activeJournalFile(deployment), userDn: journal.user.dn },
      cause: error,
    });
  }
  const notes = restored.differences.map((d) => `${d.attribute}: expected ${JSON.stringify(d.expected)}, found ${JSON.stringify(d.actual)}`);
  const archived = await archiveJournal(deployment, journal, 'user-restored', [describeRestore(restored.outcome), ...notes]);
  if (restored.differences.length > 0) {
    throw endpointErrors.create('PCMIG-EP-012', {
      message: `${journal.user.dn} was restored after an interrupted move but differs from the original in ${restored.differences.map((d) => d.attribute).join(', ')} (journal ${archived}).`,
      target: journal.user.dn,
      reason: { differences: restored.differences, journal: archived },
    });
  }
  const action: EngineAction = {
    code: 'restore-user',
    target: journal.user.dn,
    sipAddress: journal.sipAddress,
    description: `Restore user account ${journal.user.dn} (${journal.sipAddress}), deleted by an interrupted move: ${describeRestore(restored.outcome)}.`,
  };
  return { ...base, journal: archived, outcome: 'user-restored', identityPreserved: restored.outcome.identityPreserved, actions: [action] };
}

