import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Deployment } from '../deployment/deployment.js';
import type { DirectoryEntry, NewDirectoryEntry } from '../directory/directory.js';
import { endpointErrors } from '../errors/endpoint-errors.js';
import { withFileLock } from '../store/file-lock.js';
import { writeFileAtomic } from '../store/write-file-atomic.js';

const attributeMap = z.record(z.string(), z.array(z.string()));

const journalSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  startedAt: z.string(),
  legacyPoolFqdn: z.string(),
  persistentChatPoolFqdn: z.string(),
  sipAddress: z.string(),
  /** The user account exactly as it was before it was deleted. */
  user: z.object({ dn: z.string(), guid: z.string().nullable(), attributes: attributeMap, binaryAttributes: attributeMap.optional() }),
  /** The endpoint to create (its DN is fixed up front, so a later run can tell whether it exists). */
  endpoint: z.object({ dn: z.string(), attributes: attributeMap }),
  step: z.enum(['started', 'user-removed', 'endpoint-created', 'rolling-back']),
  /** Set when the journal is archived. */
  finishedAt: z.string().optional(),
  outcome: z.enum(['completed', 'rolled-back', 'unchanged', 'user-restored']).optional(),
  notes: z.array(z.string()).optional(),
});
export type LookupMoveJournal = z.infer<typeof journalSchema>;

const ACTIVE_FILE = 'lookup-move.json';
const LOCK_FILE = 'endpoint-operations.lock';
const HISTORY_FOLDER = 'history';

export function activeJournalFile(deployment: Deployment): string {
  return path.join(deployment.journalFolder, ACTIVE_FILE);
}

/**
 * Runs directory-changing endpoint commands one at a time per deployment; a lock left by a
 * killed process is taken over (file-lock.ts).
 */
export function withEndpointOperationsLock<T>(deployment: Deployment, work: () => Promise<T>): Promise<T> {
  const lockFile = path.join(deployment.journalFolder, LOCK_FILE);
  return withFileLock(
    lockFile,
    {
      timeoutMs: 30_000,
      busyError: (file, owner) =>
        endpointErrors.create('PCMIG-EP-015', {
          message: `Another endpoint command holds ${file}${owner ? ` (process ${owner.pid} on ${owner.hostname} since ${owner.acquiredAt})` : ''}.`,
          target: file,
        }),
    },
    work,
  );
}

export async function readActiveJournal(deployment: Deployment): Promise<LookupMoveJournal | null> {
  const file = activeJournalFile(deployment);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw endpointErrors.create('PCMIG-EP-013', { message: `The move journal ${file} cannot be read.`, target: file, cause: error });
  }
  try {
    return journalSchema.parse(JSON.parse(text));
  } catch (error) {
    throw endpointErrors.create('PCMIG-EP-013', { message: `The move journal ${file} is damaged.`, target: file, cause: error });
  }
}

export function newJournal(fields: {
  legacyPoolFqdn: string;
  persistentChatPoolFqdn: string;
  sipAddress: string;
  user: DirectoryEntry;
  endpoint: NewDirectoryEntry;
}): LookupMoveJournal {
  return {
    version: 1,
    id: randomUUID(),
    startedAt: new Date().toISOString(),
    legacyPoolFqdn: fields.legacyPoolFqdn,
    persistentChatPoolFqdn: fields.persistentChatPoolFqdn,
    sipAddress: fields.sipAddress,
    user: {
      dn: fields.user.dn,
      guid: fields.user.guid,
      attributes: copy(fields.user.attributes),
      ...(fields.user.binaryAttributes ? { binaryAttributes: copy(fields.user.binaryAttributes) } : {}),
    },
    endpoint: { dn: fields.endpoint.dn, attributes: copy(fields.endpoint.attributes) },
    step: 'started',
  };
}

/** Writes the journal durably before the step it announces. */
export async function writeActiveJournal(deployment: Deployment, journal: LookupMoveJournal): Promise<void> {
  await writeFileAtomic(activeJournalFile(deployment), `${JSON.stringify(journalSchema.parse(journal), null, 2)}\n`);
}

/**
 * Records the step reached. Only informational — recovery decides from what the directory shows —
 * so a failure to write it must not stop a move between its two steps.
 */
export async function noteJournalStep(deployment: Deployment, journal: LookupMoveJournal, step: LookupMoveJournal['step']): Promise<void> {
  await writeActiveJournal(deployment, { ...journal, step }).catch(() => undefined);
}

/** Moves the finished journal to journal/history: the audit trail of every move. Returns its path. */
export async function archiveJournal(deployment: Deployment, journal: LookupMoveJournal, outcome: NonNullable<LookupMoveJournal['outcome']>, notes: string[] = []): Promise<string> {
  const folder = path.join(deployment.journalFolder, HISTORY_FOLDER);
  await fs.mkdir(folder, { recursive: true });
  const stamp = journal.startedAt.replace(/[:.]/g, '-');
  const file = path.join(folder, `lookup-move-${stamp}-${journal.id.slice(0, 8)}.json`);
  const finished: LookupMoveJournal = { ...journal, finishedAt: new Date().toISOString(), outcome, ...(notes.length > 0 ? { notes } : {}) };
  await writeFileAtomic(file, `${JSON.stringify(finished, null, 2)}\n`);
  await fs.rm(activeJournalFile(deployment), { force: true });
  return file;
}

function copy(map: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(map).map(([name, values]) => [name, [...values]]));
}
