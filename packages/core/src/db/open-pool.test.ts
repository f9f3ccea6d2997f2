import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { PcmigError } from '../errors/pcmig-error.js';
import { createPool, openPool } from './open-pool.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-open-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function failure(work: () => Promise<unknown>): Promise<PcmigError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(PcmigError);
    return error as PcmigError;
  }
  throw new Error('expected a failure');
}

async function newPool(name: string, flavour: 'pc2013' | 'lync2010' | 'ocs2007r2') {
  const file = path.join(dir, name);
  const pool = await createPool({ dbInstance: file, flavour });
  await pool.close();
  return file;
}

describe('openPool bad input', () => {
  it('PCMIG-DB-002 for a missing file, and creates nothing', async () => {
    const file = path.join(dir, 'missing.db');
    const error = await failure(() => openPool({ dbInstance: file, access: 'write' }));
    expect(error.id).toBe('PCMIG-DB-002');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('PCMIG-DB-009 for a file that is not a database, left unchanged', async () => {
    const file = path.join(dir, 'notes.db');
    fs.writeFileSync(file, 'this is not sqlite '.repeat(100));
    const before = hash(file);
    const error = await failure(() => openPool({ dbInstance: file, access: 'read' }));
    expect(error.id).toBe('PCMIG-DB-009');
    expect(hash(file)).toBe(before);
  });

  it('PCMIG-DB-004 for a database without the pool schema, naming what is missing', async () => {
    const empty = path.join(dir, 'empty.db');
    new Database(empty).exec('CREATE TABLE unrelated (x INTEGER)');
    expect((await failure(() => openPool({ dbInstance: empty, access: 'read' }))).id).toBe('PCMIG-DB-004');

    const file = await newPool('damaged.db', 'lync2010');
    const db = new Database(file);
    db.exec('ALTER TABLE tblNode DROP COLUMN topic; DROP TABLE tblTree');
    db.close();
    const before = hash(file);
    const error = await failure(() => openPool({ dbInstance: file, access: 'read' }));
    expect(error.id).toBe('PCMIG-DB-004');
    expect(error.reason).toMatchObject({ flavour: 'lync2010', missingTables: ['tblTree'], missingColumns: ['tblNode.topic'] });
    expect(hash(file)).toBe(before);
  });

  it('PCMIG-DB-005 for a newer Group Chat schema version', async () => {
    const file = await newPool('newer.db', 'lync2010');
    const db = new Database(file);
    db.prepare("UPDATE tblVersion SET versionNumber = '5.0.8308.0'").run();
    db.close();
    const error = await failure(() => openPool({ dbInstance: file, access: 'read' }));
    expect(error.id).toBe('PCMIG-DB-005');
    expect(error.message).toContain('5.0.8308.0');
  });

  it('PCMIG-DB-006 when another process holds the database locked', async () => {
    const file = await newPool('locked.db', 'pc2013');
    const holder = new Database(file);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const error = await failure(() => openPool({ dbInstance: file, access: 'read', busyTimeoutMs: 50 }));
      expect(error.id).toBe('PCMIG-DB-006');
      expect(error.category).toBe('ResourceBusy');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('PCMIG-DB-008 when a Group Chat database is given as the import target', async () => {
    const file = await newPool('legacy-as-target.db', 'ocs2007r2');
    const error = await failure(() => openPool({ dbInstance: file, access: 'read', role: 'target' }));
    expect(error.id).toBe('PCMIG-DB-008');
  });

  it('PCMIG-DB-010 when creating a pool over an existing database', async () => {
    const file = await newPool('exists.db', 'pc2013');
    const before = hash(file);
    expect((await failure(() => createPool({ dbInstance: file, flavour: 'pc2013' }))).id).toBe('PCMIG-DB-010');
    expect(hash(file)).toBe(before);
  });

  it('PCMIG-DB-014 when writing through a read-only connection, and the file is unchanged', async () => {
    const file = await newPool('readonly.db', 'pc2013');
    const before = hash(file);
    const pool = await openPool({ dbInstance: file, access: 'read' });
    try {
      const error = await failure(() => pool.connection.execute("INSERT INTO tblServerIdentity (serverID, serverAddress) VALUES (1, 'x')"));
      expect(error.id).toBe('PCMIG-DB-014');
    } finally {
      await pool.close();
    }
    expect(hash(file)).toBe(before);
  });

  it('opening a source for reading never changes the file', async () => {
    const file = await newPool('untouched.db', 'lync2010');
    const before = hash(file);
    const pool = await openPool({ dbInstance: file, access: 'read' });
    await pool.connection.query('SELECT * FROM tblNode');
    await pool.close();
    expect(hash(file)).toBe(before);
  });
});
