import fs from 'node:fs';
import path from 'node:path';
import type { PersistentChatStore } from '../db/repositories/persistent-chat-store.js';
import { isPcmigError } from '../errors/pcmig-error.js';
import { importErrors } from './import-errors.js';

/**
 * R14: back up the target before the first write. SQLite: an online backup to a new file (never
 * over an existing one). SQL Server: BACKUP DATABASE … WITH COPY_ONLY (the customer's backup
 * chain is untouched) to a path on the server; a relative name lands in the server's default
 * backup folder.
 */
export async function backupTarget(store: PersistentChatStore, destination: string | undefined, now: Date): Promise<string> {
  const location = store.connection.location;
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  let target: string;
  if (location.engine === 'sqlite') {
    if (destination !== undefined) {
      target = path.resolve(destination);
      if (fs.existsSync(target)) {
        throw importErrors.create('PCMIG-IMP-003', { message: `${target} already exists.`, target });
      }
    } else {
      const base = path.join(path.dirname(location.path), `${path.basename(location.path, path.extname(location.path))}.pre-import-${stamp}`);
      target = `${base}.db`;
      for (let i = 2; fs.existsSync(target); i += 1) target = `${base}-${i}.db`;
    }
  } else {
    target = destination ?? `${location.database}-pre-import-${stamp}.bak`;
  }
  try {
    await store.backupTo(target);
  } catch (error) {
    throw importErrors.create('PCMIG-IMP-004', {
      message: `Backing up ${store.description} to ${target} failed.`,
      target,
      cause: error,
      ...(isPcmigError(error) ? { reason: { cause: error.id } } : {}),
    });
  }
  return target;
}
