import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openPool } from '@pcmig/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { GeneratedDeployment } from './result-types.js';
import { cleanUp, generate } from './test-support/generated.js';

afterAll(cleanUp);

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every file of a folder with its hash, by relative path. */
function treeHashes(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(root, full)] = sha256(full);
    }
  };
  walk(root);
  return out;
}

/**
 * The result without what depends on where and how fast it ran, and on the embedded directory
 * (it assigns the Lookup account's objectGUID itself).
 */
function portable(result: GeneratedDeployment): unknown {
  const { timings: _timings, ...rest } = result;
  const text = JSON.stringify({ ...rest, directory: { ...rest.directory, lookupAccount: { ...rest.directory.lookupAccount, guid: '<directory>' } } });
  return JSON.parse(text.split(result.out).join('<out>'));
}

describe('determinism', () => {
  const options = { size: 'tiny', flavour: 'lync2010', seed: 424242, target: { fill: 'partial' }, plant: { missingFiles: 1, foreignForestPrincipals: 1, unknownAuthors: 1 } } as const;

  it('gives byte-identical databases, file stores and reports for the same seed', async () => {
    const first = await generate('det-a', options);
    const second = await generate('det-b', options);
    expect(sha256(second.legacy.database.dbInstance)).toBe(sha256(first.legacy.database.dbInstance));
    expect(sha256(second.target!.database.dbInstance)).toBe(sha256(first.target!.database.dbInstance));
    const files = treeHashes(first.legacy.fileStore);
    expect(Object.keys(files).length).toBeGreaterThan(0);
    expect(treeHashes(second.legacy.fileStore)).toEqual(files);
    expect(portable(second)).toEqual(portable(first));
  });

  it('gives another deployment for another seed', async () => {
    const first = await generate('det-c', options);
    const other = await generate('det-d', { ...options, seed: 424243 });
    expect(sha256(other.legacy.database.dbInstance)).not.toBe(sha256(first.legacy.database.dbInstance));
    expect(other.directory.users.map((u) => u.guid)).not.toEqual(first.directory.users.map((u) => u.guid));
  });

  it('leaves a consistent database with a rollback journal and no temporary files', async () => {
    const result = await generate('det-e', { size: 'tiny', flavour: 'ocs2007r2', seed: 1 });
    const legacyFolder = path.dirname(result.legacy.database.dbInstance);
    expect(fs.readdirSync(legacyFolder).sort()).toEqual(['filestore', 'groupchat.db']);
    expect(fs.readdirSync(path.dirname(result.target!.database.dbInstance)).sort()).toEqual(['filestore', 'mgc.db']);
    const pool = await openPool({ dbInstance: result.legacy.database.dbInstance, access: 'read' });
    try {
      const db = pool.connection;
      expect(await db.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'delete' }]);
      expect(await db.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(await db.query('PRAGMA foreign_key_check')).toEqual([]);
      expect(await db.query("SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'PK_tblChat'")).toEqual([{ name: 'PK_tblChat' }]);
    } finally {
      await pool.close();
    }
  });
});
