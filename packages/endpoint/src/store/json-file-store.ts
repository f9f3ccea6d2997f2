import fs from 'node:fs/promises';
import type { z } from 'zod';
import { withFileLock, type LockOwner } from './file-lock.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** How a store reports its failures (each store in its own error area). */
export interface JsonStoreErrors {
  missing(file: string): Error;
  damaged(file: string, why: string, cause?: unknown): Error;
  busy(lockFile: string, owner: LockOwner | null): Error;
  writeFailed(file: string, cause: unknown): Error;
}

/**
 * One JSON document in a file, read whole and replaced whole. Reads need no lock (a rename is
 * atomic, so a reader sees one complete version); every change runs under the store's lock
 * file, re-reads the current version and writes the new one atomically, so concurrent writers
 * serialise and a crash leaves the previous version intact.
 */
export class JsonFileStore<T> {
  readonly lockFile: string;

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly errors: JsonStoreErrors,
    private readonly lockTimeoutMs = 10_000,
  ) {
    this.lockFile = `${file}.lock`;
  }

  async exists(): Promise<boolean> {
    return fs.access(this.file).then(
      () => true,
      () => false,
    );
  }

  async read(): Promise<T> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw this.errors.missing(this.file);
      throw this.errors.damaged(this.file, 'it cannot be read', error);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw this.errors.damaged(this.file, 'it is not valid JSON', error);
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw this.errors.damaged(this.file, `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`, parsed.error);
    }
    return parsed.data;
  }

  /** Writes the first version; refuses if the file exists. */
  async create(value: T): Promise<void> {
    await this.locked(async () => {
      if (await this.exists()) throw this.errors.damaged(this.file, 'it already exists');
      await this.write(value);
    });
  }

  /**
   * Applies a change under the lock. `change` returns the new document (or the same object for
   * no change) and a result; if it throws, nothing is written.
   */
  async update<R>(change: (current: T) => Promise<{ value: T; result: R }> | { value: T; result: R }): Promise<R> {
    return this.locked(async () => {
      const current = await this.read();
      const { value, result } = await change(current);
      if (value !== current) await this.write(value);
      return result;
    });
  }

  /** Holds the store's lock for a longer unit of work (the caller reads and writes inside). */
  locked<R>(work: () => Promise<R>): Promise<R> {
    return withFileLock(this.lockFile, { timeoutMs: this.lockTimeoutMs, busyError: (lock, owner) => this.errors.busy(lock, owner) }, work);
  }

  /** Replaces the document; only call inside locked(). */
  async write(value: T): Promise<void> {
    const checked = this.schema.parse(value);
    try {
      await writeFileAtomic(this.file, `${JSON.stringify(checked, null, 2)}\n`);
    } catch (error) {
      throw this.errors.writeFailed(this.file, error);
    }
  }
}
