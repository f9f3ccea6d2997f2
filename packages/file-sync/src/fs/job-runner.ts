import crypto from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { newFileMode, nodeFileSystem, type CopyFileSystem, type FileOps } from './copy-file-system.js';
import { JOB_FUNCTIONS_BODY, JOB_WORKER_SOURCE } from './job-source.js';

export type JobKind = 'copy' | 'touch' | 'mkdir' | 'remove' | 'hash' | 'apply';

/** Per-path operations of an 'apply' batch. */
export const APPLY_OPS = { mkdir: 0, copy: 1, touch: 2 } as const;

/** Folders listed by a scan, each with its entries (see job-source.ts, scanBatch). */
export interface ScanResult {
  /** Store-relative folder paths, in listing order. */
  readonly folders: readonly string[];
  /** Entries per folder (0 when the listing failed). */
  readonly counts: Int32Array;
  /** Per folder: '' or the errno code of a failed listing. */
  readonly errors: readonly string[];
  /** All entry names, folder after folder, joined with NUL. */
  readonly names: string;
  /** 0 file, 1 folder, 2 link, 3 other, 4 gone, 5 unreadable. */
  readonly kinds: Uint8Array;
  readonly sizes: Float64Array;
  readonly mtimes: Float64Array;
}

/** Many jobs of one kind, by store-relative path (see job-source.ts). */
export interface JobBatch {
  readonly kind: JobKind;
  readonly sourceBase: string;
  readonly destinationBase: string;
  readonly paths: readonly string[];
  /** copy, touch: the modification time to set, per path. */
  readonly mtimes?: readonly number[];
  /** remove: whether the path is a folder. */
  readonly folders?: readonly boolean[];
  /** apply: the operation per path (APPLY_OPS). */
  readonly ops?: readonly number[];
  readonly verify?: boolean;
  /** copy: temporary names are `<prefix><start + index>`. */
  readonly partialPrefix?: string;
  readonly partialStart?: number;
}

export interface JobFailure {
  readonly index: number;
  readonly code: string;
  readonly message: string;
  readonly mismatch?: { readonly source: string; readonly copy: string };
}

export interface BatchResult {
  readonly ok: Uint8Array;
  readonly sha256: readonly (string | undefined)[] | null;
  readonly sizes: Float64Array | null;
  readonly failures: readonly JobFailure[];
}

export interface JobRunner {
  run(batch: JobBatch): Promise<BatchResult>;
  /** Lists folders under `base` (recursively unless `shallow`), with every entry's lstat. */
  scan(base: string, paths: readonly string[], shallow: boolean): Promise<ScanResult>;
  /** Answers every batch not yet started with CANCELLED failures (the run is stopping). */
  cancelPending(): void;
  close(): Promise<void>;
}

export const CANCELLED_CODE = 'ECANCELED';

interface WireBatch {
  readonly kind: JobKind | 'scan';
  readonly sourceBase: string;
  readonly destinationBase: string;
  readonly paths: string;
  readonly mtimes: Float64Array | null;
  readonly folders: Uint8Array | null;
  readonly ops: Uint8Array | null;
  readonly verify: boolean;
  readonly partialPrefix: string;
  readonly partialStart: number;
  /** copy without verify: the mode the copy gets (that of a newly created file). */
  readonly fileMode: number;
  readonly shallow: boolean;
}

let fileMode: number | undefined;

function scanWire(base: string, paths: readonly string[], shallow: boolean): WireBatch {
  return { kind: 'scan', sourceBase: base, destinationBase: base, paths: paths.join('\0'), mtimes: null, folders: null, ops: null, verify: false, partialPrefix: '', partialStart: 0, fileMode: 0, shallow };
}

function toWire(batch: JobBatch): WireBatch {
  return {
    kind: batch.kind,
    sourceBase: batch.sourceBase,
    destinationBase: batch.destinationBase,
    paths: batch.paths.join('\0'),
    mtimes: batch.mtimes ? Float64Array.from(batch.mtimes) : null,
    folders: batch.folders ? Uint8Array.from(batch.folders, (f) => (f ? 1 : 0)) : null,
    ops: batch.ops ? Uint8Array.from(batch.ops) : null,
    verify: batch.verify === true,
    partialPrefix: batch.partialPrefix ?? '',
    partialStart: batch.partialStart ?? 0,
    // Read once, before the first copy batch: the umask is the process's, not the batch's.
    fileMode: (fileMode ??= newFileMode()),
    shallow: false,
  };
}

function cancelled(batch: JobBatch): BatchResult {
  return {
    ok: new Uint8Array(batch.paths.length),
    sha256: null,
    sizes: null,
    failures: batch.paths.map((_, index) => ({ index, code: CANCELLED_CODE, message: 'not started: the run is stopping' })),
  };
}

interface Pending {
  readonly wire: WireBatch;
  /** For cancelling: the batch a run() was given (absent for scans, which are not cancelled). */
  readonly batch?: JobBatch;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

interface Lane {
  readonly worker: Worker;
  readonly inFlight: Pending[];
}

/** Batches queued per worker, so that a worker never waits for its next message. */
const DEPTH = 2;

/**
 * Runs batches on `size` worker threads doing synchronous I/O. Workers start on first use and do
 * not keep the process alive while idle.
 */
export function createWorkerJobRunner(size: number): JobRunner {
  const lanes: Lane[] = [];
  const queue: Pending[] = [];
  let closed = false;

  const dispatch = () => {
    while (queue.length > 0) {
      let lane = lanes.reduce<Lane | undefined>((best, l) => (l.inFlight.length < DEPTH && (!best || l.inFlight.length < best.inFlight.length) ? l : best), undefined);
      if ((!lane || lane.inFlight.length > 0) && lanes.length < size) lane = startLane();
      if (!lane) return;
      const pending = queue.shift() as Pending;
      lane.inFlight.push(pending);
      lane.worker.ref();
      const { wire } = pending;
      lane.worker.postMessage(wire, [wire.mtimes?.buffer, wire.folders?.buffer, wire.ops?.buffer].filter((b): b is ArrayBuffer => b !== undefined));
    }
  };

  const startLane = (): Lane => {
    const lane: Lane = { worker: new Worker(JOB_WORKER_SOURCE, { eval: true }), inFlight: [] };
    lane.worker.on('message', (result: unknown) => {
      const pending = lane.inFlight.shift();
      if (lane.inFlight.length === 0) lane.worker.unref();
      pending?.resolve(result);
      dispatch();
    });
    lane.worker.on('error', (error) => {
      // A crashed worker fails its batches; the next dispatch starts a replacement.
      lanes.splice(lanes.indexOf(lane), 1);
      for (const pending of lane.inFlight.splice(0)) pending.reject(error);
      dispatch();
    });
    lane.worker.unref();
    lanes.push(lane);
    return lane;
  };

  return {
    run(batch) {
      if (closed) return Promise.reject(new Error('The job runner is closed.'));
      if (batch.paths.length === 0) return Promise.resolve({ ok: new Uint8Array(0), sha256: null, sizes: null, failures: [] });
      return new Promise<BatchResult>((resolve, reject) => {
        queue.push({ wire: toWire(batch), batch, resolve: resolve as (result: unknown) => void, reject });
        dispatch();
      });
    },
    scan(base, paths, shallow) {
      if (closed) return Promise.reject(new Error('The job runner is closed.'));
      return new Promise<ScanResult>((resolve, reject) => {
        queue.push({ wire: scanWire(base, paths, shallow), resolve: resolve as (result: unknown) => void, reject });
        dispatch();
      });
    },
    cancelPending() {
      const keep: Pending[] = [];
      for (const pending of queue.splice(0)) {
        if (pending.batch) pending.resolve(cancelled(pending.batch));
        else keep.push(pending);
      }
      queue.push(...keep);
    },
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error('The job runner was closed.'));
      await Promise.all(lanes.splice(0).map((lane) => lane.worker.terminate()));
    },
  };
}

type JobFunctions = {
  hashFile(path: string): { sha256: string; size: number };
  runBatch(batch: WireBatch): BatchResult;
  scanBatch(batch: WireBatch): ScanResult;
};

/** Builds the job functions over a file-system seam (the same source the workers run). */
export function jobFunctions(ops: FileOps, sep = path.sep): JobFunctions {
  // The shared job source, see job-source.ts.
  const build = new Function('fs', 'crypto', 'sep', JOB_FUNCTIONS_BODY) as (fs: FileOps, c: typeof crypto, s: string) => JobFunctions;
  return build(ops, crypto, sep);
}

/** Runs batches on the calling thread through a file-system seam (used when a seam is injected). */
export function createInProcessJobRunner(ops: FileOps): JobRunner {
  const { runBatch, scanBatch } = jobFunctions(ops);
  let closed = false;
  return {
    run: async (batch) => {
      if (closed) throw new Error('The job runner is closed.');
      if (batch.paths.length === 0) return { ok: new Uint8Array(0), sha256: null, sizes: null, failures: [] };
      return runBatch(toWire(batch));
    },
    scan: async (base, paths, shallow) => {
      if (closed) throw new Error('The job runner is closed.');
      return scanBatch(scanWire(base, paths, shallow));
    },
    cancelPending: () => undefined,
    close: async () => {
      closed = true;
    },
  };
}

/** Worker threads on the real file system; the calling thread on an injected seam. */
export function createJobRunner(fileSystem: CopyFileSystem, threads: number): JobRunner {
  return fileSystem === nodeFileSystem ? createWorkerJobRunner(threads) : createInProcessJobRunner(fileSystem.ops);
}
