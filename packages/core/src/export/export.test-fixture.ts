import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPool, type PoolDatabase } from '../db/open-pool.js';
import type { SourceFlavour } from '../model/constants.js';
import { writeSamplePool, type SamplePool } from '../test-support/sample-pool.js';

export interface SampleFile {
  readonly dbInstance: string;
  readonly sample: SamplePool;
  /** SHA-256 of the database file, to prove a source was left untouched. */
  digest(): string;
}

/** A scratch folder with sample pools as database files, removed by dispose(). */
export class ExportScratch {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-export-'));
  private counter = 0;

  async pool(flavour: SourceFlavour, extra?: (pool: PoolDatabase) => Promise<void>): Promise<SampleFile> {
    const dbInstance = path.join(this.dir, `${flavour}-${++this.counter}.db`);
    const pool = await createPool({ dbInstance, flavour });
    let sample: SamplePool;
    try {
      sample = await writeSamplePool(pool);
      await extra?.(pool);
    } finally {
      await pool.close();
    }
    return { dbInstance, sample, digest: () => crypto.createHash('sha256').update(fs.readFileSync(dbInstance)).digest('hex') };
  }

  file(name: string): string {
    return path.join(this.dir, name);
  }

  /** Files in the folder other than databases (packages, reports, leftovers). */
  outputs(): string[] {
    return fs
      .readdirSync(this.dir)
      .filter((f) => !/\.db(-wal|-shm|-journal)?$/.test(f))
      .sort();
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
