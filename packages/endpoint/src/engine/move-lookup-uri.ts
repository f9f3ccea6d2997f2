import type { ProgressListener } from '@pcmig/core';
import type { Deployment } from '../deployment/deployment.js';
import { firstValue, type DirectoryEntry, type NewDirectoryEntry } from '../directory/directory.js';
import { LyncAttribute } from '../directory/lync-attributes.js';
import { endpointErrors } from '../errors/endpoint-errors.js';
import { assertSipDomain, parseSipAddress } from '../sip/sip-address.js';
import type { TopologyPool } from '../topology/topology.js';
import { endpointEntry, findSipHolders, toEndpoint } from './directory-objects.js';
import { describeHolders, sipAddressInUse } from './sip-in-use.js';
import { activeJournalFile, archiveJournal, newJournal, noteJournalStep, readActiveJournal, withEndpointOperationsLock, writeActiveJournal } from './lookup-move-journal.js';
import { choosePool, requireServicesStopped } from './pools.js';
import { inspectInterruptedMove, recoverInterruptedMove } from './recover-lookup-move.js';
import { describeRestore, restoreUser } from './restore-user.js';
import type { EngineAction, EngineResult, PersistentChatEndpoint, RecoveryReport } from './results.js';
import { withDeployment, type DeploymentRef } from './with-deployment.js';

export const MOVE_LOOKUP_URI_ACTIVITY = 'Move-CsPersistentChatLookupUri';

export interface MoveLookupUriParams {
  readonly deployment?: DeploymentRef;
  /** The legacy Group Chat pool whose Lookup service URI moves; default: the only legacy pool. */
  readonly legacyPoolFqdn?: string;
  /** The Persistent Chat pool the endpoint points to; default: the only Persistent Chat pool. */
  readonly persistentChatPoolFqdn?: string;
  readonly whatIf?: boolean;
  readonly onProgress?: ProgressListener;
}

export interface MoveLookupUriResult extends EngineResult {
  readonly sipAddress: string;
  readonly legacyPoolFqdn: string;
  readonly persistentChatPoolFqdn: string;
  /** Whether the URI came from deployment.json or from the ocschat@ convention. */
  readonly lookupSipAddressSource: 'topology' | 'convention';
  /** The endpoint created (under -WhatIf: the one that would be). */
  readonly endpoint: PersistentChatEndpoint;
  /** The Lookup Server account removed (or that would be); null when the move was already done. */
  readonly removedUser: { readonly dn: string; readonly guid: string | null; readonly displayName: string | null } | null;
  /** The URI already belonged to an endpoint of that pool: nothing to do. */
  readonly alreadyMoved: boolean;
  /** The archived journal of this move (journal/history), null under -WhatIf or when nothing was done. */
  readonly journal: string | null;
}

interface MovePlan {
  readonly legacy: TopologyPool;
  readonly target: TopologyPool;
  readonly user: DirectoryEntry | null;
  readonly endpoint: NewDirectoryEntry | PersistentChatEndpoint;
  readonly sipAddress: string;
}

/**
 * Moves the legacy Lookup Server URI onto a Persistent Chat endpoint as one unit (migration
 * step 8, R18): deletes the user account the legacy pool's Lookup service uses, then creates
 * the endpoint contact with the identical SIP URI and display name. A journal written before
 * each step lets a failure — or a crash or kill between the steps — end with the account
 * restored exactly as it was.
 */
export function moveLookupUri(params: MoveLookupUriParams = {}): Promise<MoveLookupUriResult> {
  return withDeployment(params.deployment, async (deployment) => {
    if (params.whatIf) return planOnly(deployment, params);
    return withEndpointOperationsLock(deployment, async () => {
      const recovered = await recoverInterruptedMove(deployment);
      const plan = await planMove(deployment, params, null);
      if (plan.user === null) return alreadyMovedResult(plan, recovered, false);
      return execute(deployment, plan as MovePlan & { user: DirectoryEntry; endpoint: NewDirectoryEntry }, params, recovered);
    });
  });
}

async function planOnly(deployment: Deployment, params: MoveLookupUriParams): Promise<MoveLookupUriResult> {
  const interrupted = await inspectInterruptedMove(deployment);
  const journal = interrupted?.state === 'user-removed' ? await readActiveJournal(deployment) : null;
  const plan = await planMove(deployment, params, journal?.user ?? null);
  if (plan.user === null) return alreadyMovedResult(plan, null, true);
  const restore: EngineAction[] = journal
    ? [{ code: 'restore-user', target: journal.user.dn, sipAddress: journal.sipAddress, description: `Restore user account ${journal.user.dn}, deleted by the move interrupted on ${journal.startedAt}.` }]
    : [];
  const pools = await deployment.topology.pools();
  return {
    ...describePlan(plan as MovePlan & { user: DirectoryEntry; endpoint: NewDirectoryEntry }, pools),
    whatIf: true,
    actions: [...restore, ...moveActions(plan as MovePlan & { user: DirectoryEntry; endpoint: NewDirectoryEntry })],
    warnings: interrupted && interrupted.state !== 'user-removed' ? [`An earlier move left its journal (${interrupted.journal}); it will be closed first.`] : [],
    recovered: null,
    journal: null,
  };
}

/** Validates everything and decides what the move does; `pendingUser` is an account an interrupted move will restore first. */
async function planMove(deployment: Deployment, params: MoveLookupUriParams, pendingUser: DirectoryEntry | null): Promise<MovePlan> {
  const legacy = await choosePool(deployment, 'legacy', params.legacyPoolFqdn);
  const target = await choosePool(deployment, 'persistent-chat', params.persistentChatPoolFqdn);
  requireServicesStopped(legacy, 'moving its Lookup Server URI');
  const address = parseSipAddress(legacy.lookupSipAddress!);
  assertSipDomain(address, deployment.sipDomains);

  const holders = await findSipHolders(deployment, address.uri);
  const users = holders.filter((holder) => holder.kind === 'user');
  if (pendingUser && !users.some((user) => user.dn === pendingUser.dn)) {
    users.push({ dn: pendingUser.dn, kind: 'user', displayName: firstValue(pendingUser.attributes, LyncAttribute.displayName), sipAddress: address.uri, persistentChatEndpoint: false, entry: pendingUser });
  }
  const others = holders.filter((holder) => holder.kind !== 'user');
  const pools = await deployment.topology.pools();

  if (users.length === 0) {
    const done = others.length === 1 && others[0]!.persistentChatEndpoint ? toEndpoint(others[0]!.entry, pools) : null;
    if (done && done.persistentChatPoolFqdn === target.fqdn) return { legacy, target, user: null, endpoint: done, sipAddress: done.sipAddress };
    if (others.length > 0) throw sipAddressInUse(address.uri, others, `${address.uri} is no longer on a user account: ${describeHolders(others)} holds it. If the URI was moved to another pool before, check Get-CsPersistentChatEndpoint.`);
    throw endpointErrors.create('PCMIG-EP-008', {
      message: `No user account holds ${address.uri}, the Lookup Server URI of ${legacy.fqdn}${legacy.lookupSipAddressSource === 'convention' ? ' (by the ocschat@ convention: deployment.json names none)' : ''}.`,
      target: address.uri,
      reason: { legacyPool: legacy.fqdn, source: legacy.lookupSipAddressSource },
    });
  }
  if (users.length > 1) {
    throw endpointErrors.create('PCMIG-EP-009', {
      message: `${users.length} user accounts hold ${address.uri}: ${users.map((user) => user.dn).join('; ')}.`,
      target: address.uri,
      reason: { users: users.map((user) => user.dn) },
    });
  }
  if (others.length > 0) {
    throw sipAddressInUse(address.uri, others, `Besides the Lookup Server account ${users[0]!.dn}, ${describeHolders(others)} holds ${address.uri}. Remove that object first.`);
  }
  const user = pendingUser && users[0]!.dn === pendingUser.dn ? pendingUser : ((await deployment.directory.read(users[0]!.dn)) ?? users[0]!.entry);
  const sipAddress = firstValue(user.attributes, LyncAttribute.sipAddress) ?? address.uri;
  const endpoint = endpointEntry(deployment, sipAddress, target, firstValue(user.attributes, LyncAttribute.displayName));
  return { legacy, target, user, endpoint, sipAddress };
}

async function execute(
  deployment: Deployment,
  plan: MovePlan & { user: DirectoryEntry; endpoint: NewDirectoryEntry },
  params: MoveLookupUriParams,
  recovered: RecoveryReport | null,
): Promise<MoveLookupUriResult> {
  const progress = (status: string, percentComplete: number, completed = false) =>
    params.onProgress?.({ activity: MOVE_LOOKUP_URI_ACTIVITY, status, percentComplete, current: Math.round(percentComplete / 50), total: 2, ...(completed ? { completed } : {}) });
  const { directory } = deployment;
  const journal = newJournal({
    legacyPoolFqdn: plan.legacy.fqdn,
    persistentChatPoolFqdn: plan.target.fqdn,
    sipAddress: plan.sipAddress,
    user: plan.user,
    endpoint: plan.endpoint,
  });
  await writeActiveJournal(deployment, journal);

  progress(`Deleting the Lookup Server user account ${plan.user.dn}`, 0);
  try {
    await directory.delete(plan.user.dn);
  } catch (error) {
    // The server may have deleted it before the connection failed: look before deciding.
    const after = await directory.read(plan.user.dn).catch(() => undefined);
    if (after) {
      await archiveJournal(deployment, journal, 'unchanged', [`delete failed: ${(error as Error).message}`]);
      throw error;
    }
    if (after === undefined) throw interrupted(deployment, plan, error);
  }
  await noteJournalStep(deployment, journal, 'user-removed');

  progress(`Creating the Persistent Chat endpoint ${plan.sipAddress}`, 50);
  let created: DirectoryEntry | null = null;
  try {
    created = await directory.add(plan.endpoint);
  } catch (createError) {
    created = await directory.read(plan.endpoint.dn).catch(() => null);
    if (!created) await rollBack(deployment, plan, journal, createError);
  }
  const warnings: string[] = [];
  let archived: string | null = null;
  try {
    archived = await archiveJournal(deployment, { ...journal, step: 'endpoint-created' }, 'completed');
  } catch (error) {
    // The move is done; an unarchived journal is closed by the next endpoint command.
    warnings.push(`The move is complete, but its journal could not be archived (${(error as Error).message}); the next endpoint command closes it.`);
  }
  progress('Done', 100, true);
  const pools = await deployment.topology.pools();
  return {
    ...describePlan(plan, pools),
    endpoint: toEndpoint(created!, pools),
    whatIf: false,
    actions: moveActions(plan),
    warnings,
    recovered,
    journal: archived,
  };
}

/** The endpoint could not be created: bring the account back, prove it is as it was, and say so. */
async function rollBack(deployment: Deployment, plan: MovePlan & { user: DirectoryEntry }, journal: ReturnType<typeof newJournal>, createError: unknown): Promise<never> {
  await noteJournalStep(deployment, journal, 'rolling-back');
  let restored;
  try {
    restored = await restoreUser(deployment, plan.user);
  } catch (restoreError) {
    throw interrupted(deployment, plan, restoreError, createError);
  }
  const notes = [`endpoint not created: ${(createError as Error).message}`, describeRestore(restored.outcome)];
  notes.push(...restored.differences.map((d) => `${d.attribute}: expected ${JSON.stringify(d.expected)}, found ${JSON.stringify(d.actual)}`));
  const archived = await archiveJournal(deployment, journal, 'rolled-back', notes);
  if (restored.differences.length > 0) {
    throw endpointErrors.create('PCMIG-EP-012', {
      message: `The endpoint for ${plan.sipAddress} could not be created, and the restored ${plan.user.dn} differs from the original in ${restored.differences.map((d) => d.attribute).join(', ')} (journal ${archived}).`,
      target: plan.user.dn,
      reason: { differences: restored.differences, journal: archived },
      cause: createError,
    });
  }
  throw endpointErrors.create('PCMIG-EP-010', {
    message: `The Persistent Chat endpoint for ${plan.sipAddress} could not be created; the user account ${plan.user.dn} was ${describeRestore(restored.outcome)}.`,
    target: plan.sipAddress,
    reason: { userDn: plan.user.dn, identityPreserved: restored.outcome.identityPreserved, restoreMethod: restored.outcome.method, journal: archived },
    cause: createError,
  });
}

function interrupted(deployment: Deployment, plan: MovePlan & { user: DirectoryEntry }, error: unknown, createError?: unknown): Error {
  const journal = activeJournalFile(deployment);
  return endpointErrors.create('PCMIG-EP-011', {
    message: `The move of ${plan.sipAddress} stopped after the user account ${plan.user.dn} was deleted${createError ? ` (the endpoint could not be created: ${(createError as Error).message})` : ''}, and the account is not restored yet (journal ${journal}).`,
    target: journal,
    reason: { journal, userDn: plan.user.dn },
    cause: error,
  });
}

function describePlan(plan: MovePlan & { user: DirectoryEntry; endpoint: NewDirectoryEntry }, pools: readonly TopologyPool[]) {
  return {
    sipAddress: plan.sipAddress,
    legacyPoolFqdn: plan.legacy.fqdn,
    persistentChatPoolFqdn: plan.target.fqdn,
    lookupSipAddressSource: plan.legacy.lookupSipAddressSource ?? 'topology',
    endpoint: toEndpoint(plan.endpoint, pools),
    removedUser: { dn: plan.user.dn, guid: plan.user.guid, displayName: firstValue(plan.user.attributes, LyncAttribute.displayName) },
    alreadyMoved: false,
  } as const;
}

function moveActions(plan: MovePlan & { user: DirectoryEntry; endpoint: NewDirectoryEntry }): EngineAction[] {
  const displayName = firstValue(plan.user.attributes, LyncAttribute.displayName);
  return [
    {
      code: 'remove-user',
      target: plan.user.dn,
      sipAddress: plan.sipAddress,
      displayName,
      description: `Delete the Lookup Server user account ${plan.user.dn} (${plan.sipAddress}) of ${plan.legacy.product} pool ${plan.legacy.fqdn}.`,
    },
    {
      code: 'create-endpoint',
      target: plan.endpoint.dn,
      sipAddress: plan.sipAddress,
      displayName,
      persistentChatPoolFqdn: plan.target.fqdn,
      description: `Create the Persistent Chat endpoint ${plan.endpoint.dn} with SIP address ${plan.sipAddress}${displayName ? ` and display name "${displayName}"` : ''} on pool ${plan.target.fqdn}.`,
    },
  ];
}

function alreadyMovedResult(plan: MovePlan, recovered: RecoveryReport | null, whatIf: boolean): MoveLookupUriResult {
  const endpoint = plan.endpoint as PersistentChatEndpoint;
  return {
    sipAddress: plan.sipAddress,
    legacyPoolFqdn: plan.legacy.fqdn,
    persistentChatPoolFqdn: plan.target.fqdn,
    lookupSipAddressSource: plan.legacy.lookupSipAddressSource ?? 'topology',
    endpoint,
    removedUser: null,
    alreadyMoved: true,
    whatIf,
    actions: [],
    warnings: [`${plan.sipAddress} is already the Persistent Chat endpoint ${endpoint.identity} of ${plan.target.fqdn}; nothing to do.`],
    recovered,
    journal: null,
  };
}
