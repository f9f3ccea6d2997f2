import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../model/constants.js';
import { openPool } from '../db/open-pool.js';
import { SourceReader } from '../db/repositories/source-reader.js';
import { importPersistentChatData } from './import-persistent-chat-data.js';
import { alice, bob, carol, category, group, messages, room, sales, ScenarioFolder, type SourceSpec } from '../plan/test-support/scenario.js';

/**
 * Crash safety, for real: the import runs in a child process (core compiled to JavaScript) that is
 * SIGKILLed at many points of its work; the same import is then run again, and the target must
 * end exactly as after one uninterrupted run — every table, row for row.
 */

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const buildDir = path.join(packageRoot, '.cache', `resume-after-kill-${process.pid}`);
const NOW = '2014-01-01T00:00:00.000Z';
const PER_TRANSACTION = 40;

const CHILD = `
import { importPersistentChatData } from './import/index.js';
import { openPool } from './db/open-pool.js';
import { SourceReader } from './db/repositories/source-reader.js';
const [source, target, now, perTransaction, backup] = process.argv.slice(2);
const pool = await openPool({ dbInstance: source, access: 'read' });
const fixed = new Date(now);
const result = await importPersistentChatData({
  dbInstance: target,
  source: new SourceReader(pool),
  now: () => fixed,
  messagesPerTransaction: Number(perTransaction),
  ...(backup === 'none' ? { backup: false } : {}),
  onProgress: (event) => process.stdout.write('PROGRESS ' + event.status + '\\n'),
});
process.stdout.write('RESULT ' + result.status + ' ' + JSON.stringify(result.written) + '\\n');
await pool.close();
`;

const spec: SourceSpec = {
  principals: [alice, bob, carol, sales, group(6, 'Ops')],
  affiliations: [
    { principalId: 2, affiliationId: 2, index: -1 },
    { principalId: 2, affiliationId: 5, index: 1 },
    { principalId: 3, affiliationId: 6, index: 1 },
  ],
  categories: [category(10, ROOT_NODE_ID, 'Engineering', { invitations: true }), category(11, 10, 'Platform', { roleDefinerId: 11, overrideMembers: true })],
  rooms: [
    room(100, 10, 'general'),
    room(101, 11, 'builds', { behavior: 5 }),
    room(102, ROOT_NODE_ID, 'lobby'),
    room(103, 11, 'old', { disabled: true }),
    room(104, 10, 'design'),
    room(105, 11, 'releases'),
  ],
  roles: [
    { nodeId: ROOT_NODE_ID, principalId: 2, role: 'Manager' },
    { nodeId: 11, principalId: 5, role: 'Member' },
    { nodeId: 100, principalId: 3, role: 'Member' },
    { nodeId: 101, principalId: 4, role: 'Voiced' },
    { nodeId: 104, principalId: 6, role: 'Member' },
  ],
  scopes: [{ nodeId: ROOT_NODE_ID, principalId: 5, denied: false }],
  messages: [
    ...messages(100, 700, [2, 3]),
    ...messages(101, 450, [4]),
    ...messages(102, 1, [2]),
    ...messages(103, 50, [2]),
    ...messages(104, 600, [3, 4, 2]),
    ...messages(105, 650, [2]),
  ],
};

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function dump(file: string, options: { withoutBackupPath?: boolean } = {}): Record<string, unknown[]> {
  // Read-write: a killed run leaves a hot journal, which SQLite rolls back on open.
  const db = new Database(file);
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const out: Record<string, unknown[]> = {};
    for (const table of tables) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => `"${c.name}"`);
      const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY ${columns.join(', ')}`).all() as Record<string, unknown>[];
      out[table] = options.withoutBackupPath && table === 'pcmigImportRun' ? rows.map(({ backupPath: _b, ...rest }) => rest) : rows;
    }
    out.indexes = db.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index' ORDER BY name").all();
    out.integrity = db.prepare('PRAGMA integrity_check').all();
    return out;
  } finally {
    db.close();
  }
}

interface ChildRun {
  readonly lines: string[];
  readonly killed: boolean;
  readonly code: number | null;
  readonly applyMs?: number;
}

/** Runs the import in a child; with killAfterApplyMs, SIGKILLs it that long after its writes began. */
function runChild(source: string, target: string, killAfterApplyMs?: number, backup = 'default'): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(buildDir, 'child.mjs'), source, target, NOW, String(PER_TRANSACTION), backup], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    let applyStarted: number | undefined;
    let planned = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        // The clock starts at the first event after planning: past the backup a fresh run takes
        // (its length varies with the machine's load), where the writes begin.
        if (planned && applyStarted === undefined && line.startsWith('PROGRESS ')) {
          applyStarted = Date.now();
          if (killAfterApplyMs !== undefined) {
            setTimeout(() => {
              killed = child.kill('SIGKILL');
            }, killAfterApplyMs);
          }
        }
        if (line === 'PROGRESS Planning: done') planned = true;
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (!killed && code !== 0) reject(new Error(`child failed (${code ?? signal}): ${stderr}`));
      else resolve({ lines, killed: killed && signal === 'SIGKILL', code, ...(applyStarted !== undefined ? { applyMs: Date.now() - applyStarted } : {}) });
    });
  });
}

describe('an import killed at any moment and run again', () => {
  const folder = new ScenarioFolder();
  let sourcePath: string;
  let pristine: string;

  beforeAll(async () => {
    // Compile core as it ships (dist layout) into a private folder; other packages' type errors do not stop emission.
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    fs.rmSync(buildDir, { recursive: true, force: true });
    try {
      execFileSync(process.execPath, [tsc, '-p', path.join(packageRoot, 'tsconfig.lib.json'), '--outDir', buildDir, '--tsBuildInfoFile', path.join(buildDir, '.tsbuildinfo'), '--declaration', 'false', '--sourceMap', 'false'], {
        stdio: 'pipe',
      });
    } catch {
      // Emission happens despite type errors elsewhere; the checks below tell whether what we need is there.
    }
    expect(fs.existsSync(path.join(buildDir, 'import', 'index.js'))).toBe(true);
    fs.writeFileSync(path.join(buildDir, 'child.mjs'), CHILD);

    sourcePath = (await folder.source(spec)).path;
    const target = await folder.target({
      principals: [bob],
      categories: [category(50, ROOT_NODE_ID, 'Engineering', { invitations: false }, false)],
      rooms: [room(60, 50, 'general', {}, false)],
      messages: messages(60, 7, [3], '2013-06-01T00:00:00Z'),
    });
    await target.pool.close();
    pristine = target.path;
  });
  afterAll(async () => {
    await folder.dispose();
    fs.rmSync(buildDir, { recursive: true, force: true });
  });

  it('ends exactly as one uninterrupted run, with no message duplicated or lost', async () => {
    const reference = folder.file('reference.db');
    fs.copyFileSync(pristine, reference);
    const uninterrupted = await runChild(sourcePath, reference, undefined, 'none');
    expect(uninterrupted.lines.at(-1)).toMatch(/^RESULT imported /);
    const expected = dump(reference);
    const applyMs = Math.max(uninterrupted.applyMs ?? 0, 50);

    const work = folder.file('work.db');
    fs.copyFileSync(pristine, work);
    const pristineDump = dump(pristine);
    let kills = 0;
    let whatIfChecked = false;
    const killedAt = new Set<string>();
    // A chain of runs, each killed a little further into its work: the first ones during the
    // ledger's first transaction, principals, add-ins, categories and rooms, the next ones in
    // successive message transactions and the key rebuild — until a run gets to finish.
    const step = Math.max(5, Math.round(applyMs / 20));
    const delays = [0, 1, 2, 4, 8, 16, ...Array.from({ length: 40 }, () => step)];
    for (const delay of delays) {
      const run = await runChild(sourcePath, work, delay);
      if (!run.killed) break;
      kills += 1;
      const journal = `${work}-journal`;
      if (!whatIfChecked && fs.existsSync(journal) && fs.statSync(journal).size > 0) {
        // -WhatIf right after a crash: plans the resume without rolling back the target's journal itself.
        whatIfChecked = true;
        const before = [sha(work), sha(journal)];
        const pool = await openPool({ dbInstance: sourcePath, access: 'read' });
        const whatIf = await importPersistentChatData({ dbInstance: work, source: new SourceReader(pool), whatIf: true, now: () => new Date(NOW) });
        await pool.close();
        expect(['fresh', 'resume']).toContain(whatIf.plan.status);
        expect(whatIf.plan.totals.findings.error).toBe(0);
        expect([sha(work), sha(journal)]).toEqual(before);
      }
      const state = dump(work);
      expect(state.integrity).toEqual([{ integrity_check: 'ok' }]);
      // Never a duplicate: the message key may be dropped mid-load, so check it directly.
      const db = new Database(work);
      const duplicates = db.prepare('SELECT channelId, chatId, COUNT(*) AS n FROM tblChat GROUP BY channelId, chatId HAVING n > 1').all();
      // Where the kill landed: how far the committed state had got.
      const ledger = db.prepare("SELECT name FROM sqlite_schema WHERE name = 'pcmigImportStep'").all().length > 0;
      const done = ledger ? (db.prepare('SELECT COUNT(*) AS n FROM pcmigImportStep WHERE done = 1').get() as { n: number }).n : -1;
      const chats = (db.prepare('SELECT COUNT(*) AS n FROM tblChat').get() as { n: number }).n;
      killedAt.add(`${done}|${chats}`);
      db.close();
      expect(duplicates).toEqual([]);
    }
    expect(kills).toBeGreaterThanOrEqual(6);
    expect(killedAt.size).toBeGreaterThanOrEqual(4);
    expect(whatIfChecked).toBe(true);
    const final = await runChild(sourcePath, work);
    expect(final.lines.at(-1)).toMatch(/^RESULT (resumed|imported|already-imported) /);
    expect(dump(work, { withoutBackupPath: true })).toEqual(dump(reference, { withoutBackupPath: true }));
    expect(expected.tblChat).toHaveLength(7 + 700 + 450 + 1 + 600 + 650);

    // The backup the ledger names was taken before the first write: it holds the pristine target.
    const db = new Database(work, { readonly: true });
    const [run] = db.prepare('SELECT backupPath FROM pcmigImportRun').all() as { backupPath: string }[];
    db.close();
    expect(run?.backupPath && fs.existsSync(run.backupPath)).toBeTruthy();
    const { integrity: _a, ...pristineTables } = pristineDump;
    const { integrity: _b, ...backupTables } = dump(run!.backupPath);
    expect(backupTables).toEqual(pristineTables);
  });
});
