import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LARGE_TREE, SMALL_TREE, generateTree, scaled } from './generate-tree.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function walk(root: string): { files: number; bytes: number; sizes: number[] } {
  const out = { files: 0, bytes: 0, sizes: [] as number[] };
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else {
        const size = fs.statSync(full).size;
        out.files += 1;
        out.bytes += size;
        out.sizes.push(size);
      }
    }
  };
  visit(root);
  return out;
}

describe('generateTree', () => {
  it('writes the mixed-size tree to the exact total, one folder per upload', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-gen-'));
    made.push(root);
    const shape = scaled(LARGE_TREE, 0.01);
    const result = generateTree(root, shape, 3);
    const seen = walk(root);
    expect(result).toEqual({ files: 200, bytes: shape.totalBytes, folders: 4 + 200 });
    expect(seen.files).toBe(200);
    expect(seen.bytes).toBe(shape.totalBytes);
    expect(Math.max(...seen.sizes)).toBeGreaterThan(4 * Math.min(...seen.sizes));
    expect(fs.readdirSync(root)).toHaveLength(4);
  });

  it('writes small files of 1–4 KB', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-gen-'));
    made.push(root);
    generateTree(root, scaled(SMALL_TREE, 0.002), 4);
    const seen = walk(root);
    expect(seen.files).toBe(200);
    expect(Math.min(...seen.sizes)).toBeGreaterThanOrEqual(1024);
    expect(Math.max(...seen.sizes)).toBeLessThanOrEqual(4096);
  });
});
