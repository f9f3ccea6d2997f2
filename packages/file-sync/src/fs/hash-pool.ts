import path from 'node:path';
import { errnoError } from './copy-file-system.js';
import { createWorkerJobRunner, type JobRunner } from './job-runner.js';

export interface FileHash {
  readonly sha256: string;
  readonly size: number;
}

/** SHA-256 of whole files, computed on worker threads so that hashing uses every core. */
export interface HashPool {
  hash(file: string): Promise<FileHash>;
  /** Many files under one folder (store-relative paths); an Error (with its errno code) for each file that cannot be read. */
  hashMany(base: string, paths: readonly string[]): Promise<(FileHash | Error)[]>;
  /** Bytes hashed so far. */
  readonly bytesHashed: number;
  close(): Promise<void>;
}

const BATCH = 32;

/** A hash pool over a job runner (the copy's own workers, or dedicated ones). */
export function hashPoolOf(runner: JobRunner): HashPool {
  let bytesHashed = 0;
  const hashMany = async (base: string, paths: readonly string[]): Promise<(FileHash | Error)[]> => {
    const batches: string[][] = [];
    for (let i = 0; i < paths.length; i += BATCH) batches.push(paths.slice(i, i + BATCH));
    const results = await Promise.all(batches.map((batch) => runner.run({ kind: 'hash', sourceBase: base, destinationBase: base, paths: batch })));
    const out: (FileHash | Error)[] = [];
    results.forEach((result, b) => {
      const failures = new Map(result.failures.map((f) => [f.index, f]));
      (batches[b] as string[]).forEach((file, i) => {
        const failure = failures.get(i);
        if (failure) {
          out.push(Object.assign(errnoError(failure.code, failure.message), { path: path.join(base, file) }));
        } else {
          const size = result.sizes?.[i] ?? 0;
          bytesHashed += size;
          out.push({ sha256: result.sha256?.[i] as string, size });
        }
      });
    });
    return out;
  };
  return {
    async hash(file) {
      const [result] = await hashMany(path.dirname(file), [path.basename(file)]);
      if (result instanceof Error) throw result;
      return result as FileHash;
    },
    hashMany,
    get bytesHashed() {
      return bytesHashed;
    },
    close: () => runner.close(),
  };
}

/** A hash pool with `size` dedicated worker threads (1 MB reads). */
export function createHashPool(size: number): HashPool {
  return hashPoolOf(createWorkerJobRunner(size));
}
