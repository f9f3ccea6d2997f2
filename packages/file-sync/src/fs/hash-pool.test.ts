import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesFor, sha256, tempDirs } from '../test-support/trees.js';
import { createHashPool } from './hash-pool.js';

const dirs = tempDirs('pcmig-hash-');
afterEach(() => dirs.cleanup());

describe('createHashPool', () => {
  it('hashes files of every size around the 1 MB read size, in parallel', async () => {
    const dir = dirs.make();
    const sizes = [0, 1, 1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 1, 3 * 1024 * 1024 + 5];
    const files = sizes.map((size, i) => {
      const file = path.join(dir, `f${i}`);
      fs.writeFileSync(file, bytesFor(i, size));
      return { file, size, expected: sha256(bytesFor(i, size)) };
    });
    const pool = createHashPool(2);
    try {
      const hashes = await Promise.all(files.map((f) => pool.hash(f.file)));
      expect(hashes).toEqual(files.map((f) => ({ sha256: f.expected, size: f.size })));
      expect(pool.bytesHashed).toBe(sizes.reduce((a, b) => a + b, 0));
    } finally {
      await pool.close();
    }
  });

  it('rejects with the errno code of a file it cannot read, and keeps working', async () => {
    const dir = dirs.make();
    fs.writeFileSync(path.join(dir, 'ok'), 'ok');
    const pool = createHashPool(1);
    try {
      await expect(pool.hash(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(pool.hash(path.join(dir, 'ok'))).resolves.toEqual({ sha256: sha256('ok'), size: 2 });
    } finally {
      await pool.close();
    }
    await expect(pool.hash(path.join(dir, 'ok'))).rejects.toThrow(/closed/);
  });
});
