import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileStore } from './copy-file-store.js';
import type { CopyItemResult } from './plan/copy-item.js';
import { LOCK_PATH, isPartialName } from './paths/store-paths.js';
import { transpilePackage } from './test-support/transpile-package.js';
import { bytesFor, hashTree, listTree, tempDirs, writeTree } from './test-support/trees.js';

const dirs = tempDirs('pcmig-resume-');
let compiled: { dir: string; cleanup(): void };
let childScript: string;

beforeAll(() => {
  compiled = transpilePackage();
  childScript = path.join(compiled.dir, 'copy-child.mjs');
  fs.writeFileSync(
    childScript,
    [
      "import { copyFileStore } from './index.js';",
      'const [source, destination, verify] = process.argv.slice(2);',
      "process.stdout.write('started\\n');",
      "await copyFileStore({ source, destination, verify: verify === '1', threads: 4, retry: 0, onItem: (item) => { if (item.action === 'copy') process.stdout.write('copied\\n'); } });",
      "process.stdout.write('finished\\n');",
    ].join('\n'),
  );
});
afterAll(() => {
  compiled.cleanup();
  dirs.cleanup();
});

const FILES = 150;

function store(): Record<string, Buffer | null> {
  const spec: Record<string, Buffer | null> = { 'empty-room/': null, 'room-9/old/': null };
  for (let i = 0; i < FILES; i += 1) {
    // Mostly small files and some up to 1.5 MB, so that a kill often lands inside a file.
    const size = i % 10 === 0 ? 600_000 + ((i * 7919) % 900_000) : 1 + ((i * 104_729) % 60_000);
    spec[`room-${i % 7}/${Math.floor(i / 7)}/upload-${i}.bin`] = bytesFor(i, size);
  }
  return spec;
}

/** Runs the copy in a child process and kills it with SIGKILL once it has copied `killAfter` files. */
function copyAndKill(source: string, destination: string, verify: boolean, killAfter: number): Promise<{ signal: NodeJS.Signals | null; finished: boolean; copied: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, source, destination, verify ? '1' : '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let copied = 0;
    let finished = false;
    let stderr = '';
    let buffered = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (data: string) => {
      buffered += data;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'copied') copied += 1;
        if (line === 'finished') finished = true;
        if ((line === 'started' && killAfter === 0) || (line === 'copied' && copied >= killAfter)) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve({ signal, finished, copied });
    });
  });
}

describe('resume after a kill', () => {
  const seed = crypto.randomInt(1, 1_000_000);
  const kills = [0, 1, 2, 3].map((n) => ({ verify: n % 2 === 1, killAfter: n === 0 ? 0 : 1 + ((seed * (n + 3)) % Math.floor(FILES * 0.7)) }));

  it.each(kills)(`ends complete and correct, copying only what is missing (seed ${seed}; kill after $killAfter files, verify $verify)`, async ({ verify, killAfter }) => {
    const source = dirs.make('src');
    const destination = path.join(dirs.make('dst'), 'store');
    writeTree(source, store());
    const sourceHashes = hashTree(source);

    const killed = await copyAndKill(source, destination, verify, killAfter);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.finished).toBe(false);

    // Whatever holds a final name is a complete, correct copy; unfinished files are temporary names.
    const present = fs.existsSync(destination) ? hashTree(destination) : new Map<string, string>();
    const partials: string[] = [];
    for (const [rel, hash] of present) {
      if (isPartialName(path.posix.basename(rel))) partials.push(rel);
      else expect(hash, rel).toBe(sourceHashes.get(rel));
    }
    const missing = [...sourceHashes.keys()].filter((rel) => !present.has(rel)).sort();

    const items: CopyItemResult[] = [];
    const resumed = await copyFileStore({ source, destination, verify, onItem: (item) => items.push(item) });
    expect(resumed.status).toBe('Success');
    expect(items.filter((i) => i.action === 'copy').map((i) => i.path).sort()).toEqual(missing);
    expect(items.filter((i) => i.action === 'replace')).toEqual([]);
    expect(items.filter((i) => i.action === 'remove-partial').map((i) => i.path).sort()).toEqual(partials.sort());
    expect(hashTree(destination)).toEqual(sourceHashes);
    expect(listTree(destination)).toEqual(listTree(source));
    expect(fs.existsSync(path.join(destination, LOCK_PATH))).toBe(false);
  });
});
