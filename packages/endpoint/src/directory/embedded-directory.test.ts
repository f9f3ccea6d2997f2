import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectPcmigError } from '../test-support/for-each-directory.js';
import { spawnTsChild, waitForExit, waitForLine } from '../test-support/run-ts-child.js';
import { EmbeddedDirectory } from './embedded-directory.js';
import { provisionDirectory } from './provision-directory.js';

const FOREST = 'DC=contoso,DC=com';
const CONTAINER = `CN=Users,${FOREST}`;
const dirs: string[] = [];
async function newDirectory(): Promise<{ directory: EmbeddedDirectory; file: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-embedded-'));
  dirs.push(dir);
  const file = path.join(dir, 'directory.json');
  const directory = await EmbeddedDirectory.create(file);
  await provisionDirectory(directory, FOREST);
  return { directory, file };
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('EmbeddedDirectory', () => {
  it('keeps every change of concurrent writer processes', async () => {
    const { directory, file } = await newDirectory();
    const writers = ['a', 'b', 'c'].map((prefix) => waitForExit(spawnTsChild('embedded-writer.ts', [file, prefix, '8', CONTAINER])));
    const results = await Promise.all(writers);
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const contacts = await directory.search({ base: CONTAINER, scope: 'one', objectClasses: ['contact'] });
    expect(contacts).toHaveLength(24);
    expect(new Set(contacts.map((entry) => entry.dn)).size).toBe(24);
  });

  it('survives a writer killed at any moment: the file stays whole and the next writer takes over its lock', async () => {
    const { directory, file } = await newDirectory();
    const child = spawnTsChild('embedded-writer.ts', [file, 'k', '0', CONTAINER]);
    const exited = waitForExit(child);
    await waitForLine(child, 'wrote 5');
    child.kill('SIGKILL');
    await exited;
    const before = await directory.search({ base: CONTAINER, scope: 'one' });
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(() => JSON.parse(fs.readFileSync(file, 'utf8'))).not.toThrow();
    await directory.add({ dn: `CN=after,${CONTAINER}`, attributes: { objectClass: ['top', 'contact'], cn: ['after'] } });
    expect(await directory.search({ base: CONTAINER, scope: 'one' })).toHaveLength(before.length + 1);
  });

  it('refuses a damaged file (PCMIG-DIR-008) and never rewrites it', async () => {
    const { directory, file } = await newDirectory();
    fs.writeFileSync(file, '{"version":1,"entries":[{"dn":');
    await expectPcmigError(directory.read(FOREST), 'PCMIG-DIR-008');
    await expectPcmigError(directory.add({ dn: `CN=x,${CONTAINER}`, attributes: { objectClass: ['contact'] } }), 'PCMIG-DIR-008');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"version":1,"entries":[{"dn":');
    fs.writeFileSync(file, JSON.stringify({ version: 2, entries: [] }));
    const error = await expectPcmigError(directory.read(FOREST), 'PCMIG-DIR-008');
    expect(error.shortMessage).toContain('version');
  });

  it('reports a lock held by a live process once the wait is over (PCMIG-DIR-009), naming the holder', async () => {
    const { file } = await newDirectory();
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, hostname: os.hostname(), token: 't', acquiredAt: '2026-01-01T00:00:00.000Z' }));
    const impatient = new EmbeddedDirectory(file, { lockTimeoutMs: 100 });
    const error = await expectPcmigError(impatient.add({ dn: `CN=x,${CONTAINER}`, attributes: { objectClass: ['contact'] } }), 'PCMIG-DIR-009');
    expect(error.shortMessage).toContain(`process ${process.pid}`);
    expect(await impatient.read(`CN=x,${CONTAINER}`)).toBeNull();
  });

  it('reports a missing file (PCMIG-DIR-013) and refuses entries without objectClass (PCMIG-DIR-014)', async () => {
    const { directory, file } = await newDirectory();
    await expectPcmigError(directory.add({ dn: `CN=x,${CONTAINER}`, attributes: { cn: ['x'] } }), 'PCMIG-DIR-014');
    await expectPcmigError(directory.add({ dn: `CN=x,${CONTAINER}`, attributes: { objectClass: ['contact'], 'bad name': ['v'] } }), 'PCMIG-DIR-014');
    fs.rmSync(file);
    await expectPcmigError(directory.read(FOREST), 'PCMIG-DIR-013');
  });
});
