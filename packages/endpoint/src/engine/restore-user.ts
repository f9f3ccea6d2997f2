import type { Deployment } from '../deployment/deployment.js';
import { diffAttributes, type DirectoryEntry, type RestoreOutcome } from '../directory/directory.js';

export interface VerifiedRestore {
  readonly outcome: RestoreOutcome;
  /** Attributes that differ from the snapshot after the restore (empty: exact). */
  readonly differences: ReturnType<typeof diffAttributes>;
}

/** Restores a deleted user account from its snapshot and compares the result with the snapshot. */
export async function restoreUser(deployment: Deployment, snapshot: DirectoryEntry): Promise<VerifiedRestore> {
  const outcome = await deployment.directory.restore(snapshot);
  const differences = [
    ...diffAttributes(snapshot.attributes, outcome.entry.attributes),
    ...diffAttributes(snapshot.binaryAttributes ?? {}, outcome.entry.binaryAttributes ?? {}),
  ];
  return { outcome, differences };
}

export function describeRestore(outcome: RestoreOutcome): string {
  if (outcome.method === 'reanimated') return 'reanimated from its Active Directory tombstone (same objectGUID and objectSid)';
  if (outcome.identityPreserved) return 'restored with its identity';
  return 're-added with every attribute it had (the directory assigned it a new entry identity)';
}
