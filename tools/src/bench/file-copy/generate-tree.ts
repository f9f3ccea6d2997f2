import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A file store to generate: how many files, and their sizes. */
export interface TreeShape {
  readonly files: number;
  /** Sizes before scaling; with `totalBytes`, they are scaled to add up to it exactly. */
  readonly size: (n: number, random: () => number) => number;
  readonly totalBytes?: number;
  readonly rooms: number;
}

/** 20,000 files, 1 GiB, sizes mixed as chat uploads are: mostly documents, some images, a few large files. */
export const LARGE_TREE: TreeShape = {
  files: 20_000,
  totalBytes: 1024 ** 3,
  rooms: 400,
  size: (_n, random) => {
    const r = random();
    if (r < 0.8) return 1024 + Math.floor(random() * 40 * 1024);
    if (r < 0.98) return 40 * 1024 + Math.floor(random() * 160 * 1024);
    return 200 * 1024 + Math.floor(random() * 1300 * 1024);
  },
};

/** 100,000 files of 1–4 KB. */
export const SMALL_TREE: TreeShape = {
  files: 100_000,
  rooms: 1000,
  size: (_n, random) => 1024 + Math.floor(random() * 3073),
};

export function scaled(shape: TreeShape, factor: number): TreeShape {
  return {
    ...shape,
    files: Math.max(10, Math.round(shape.files * factor)),
    rooms: Math.max(2, Math.round(shape.rooms * factor)),
    ...(shape.totalBytes !== undefined ? { totalBytes: Math.round(shape.totalBytes * factor) } : {}),
  };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['report.docx', 'Q3 plan – données.xlsx', 'diagram.png', 'minutes.txt', 'build log.zip', 'screenshot.jpg', 'Angebot (final).pdf', '設計書.pptx'];

/**
 * Writes a store laid out as pcmig's simulated pools are (docs/legacy-schema.md D2):
 * `<room guid>/<upload n>/<file name>`, plus a few empty room folders. Content is random
 * (incompressible) and deterministic for a seed.
 */
export function generateTree(root: string, shape: TreeShape, seed = 1): { files: number; bytes: number; folders: number } {
  const random = mulberry32(seed);
  const sizes = Array.from({ length: shape.files }, (_, n) => shape.size(n, random));
  if (shape.totalBytes !== undefined) {
    const sum = sizes.reduce((a, b) => a + b, 0);
    let total = 0;
    for (let n = 0; n < sizes.length; n += 1) {
      sizes[n] = Math.max(1, Math.floor(((sizes[n] as number) * shape.totalBytes) / sum));
      total += sizes[n] as number;
    }
    sizes[sizes.length - 1] = (sizes.at(-1) as number) + (shape.totalBytes - total);
  }
  const pool = crypto.randomBytes(32 * 1024 * 1024);
  const roomGuids = Array.from({ length: shape.rooms }, (_, n) => `00000000-0000-4000-8000-${(0x100 + n).toString(16).padStart(12, '0')}`);
  fs.mkdirSync(root, { recursive: true });
  let folders = 0;
  for (const guid of roomGuids) {
    fs.mkdirSync(path.join(root, guid));
    folders += 1;
  }
  let bytes = 0;
  for (let n = 0; n < sizes.length; n += 1) {
    const size = sizes[n] as number;
    // The last rooms stay empty: empty folders are part of the store too.
    const room = roomGuids[n % Math.max(1, shape.rooms - 2)] as string;
    const folder = path.join(root, room, String(n));
    fs.mkdirSync(folder);
    folders += 1;
    const offset = Math.floor(random() * (pool.length - Math.min(size, pool.length)));
    const content = size <= pool.length ? pool.subarray(offset, offset + size) : Buffer.concat(Array.from({ length: Math.ceil(size / pool.length) }, () => pool)).subarray(0, size);
    fs.writeFileSync(path.join(folder, NAMES[n % NAMES.length] as string), content);
    bytes += size;
  }
  return { files: sizes.length, bytes, folders };
}
