import os from 'node:os';
import path from 'node:path';
import type { ProgressListener } from '@pcmig/core';
import { fsErrors } from './errors.js';
import { nodeFileSystem, type CopyFileSystem } from './fs/copy-file-system.js';
import { DEFAULT_MAX_PATH_LENGTH } from './paths/ntfs-names.js';
import type { CopyItemResult } from './plan/copy-item.js';

/**
 * Options of Copy-CsPersistentChatFileStore; each maps to the cmdlet parameter of the same name
 * (-Source, -Destination, -WhatIf, -Checksum, -Verify, -Mirror, -Threads, -Retry, -Wait, -Log).
 */
export interface CopyOptions {
  /** The legacy file store (the whole uploaded-files folder). */
  readonly source: string;
  /** The Persistent Chat file store folder. Created if missing. */
  readonly destination: string;
  /** Plan only: list every item the run would perform; write nothing to the destination. */
  readonly whatIf?: boolean;
  /** Decide by content (SHA-256 of both sides) instead of size and modification time. */
  readonly checksum?: boolean;
  /** Hash every copied file on both sides before it takes its final name; write the manifest with hashes. */
  readonly verify?: boolean;
  /** Also remove destination entries that the source does not have. */
  readonly mirror?: boolean;
  /** Files copied at the same time (default from the CPU count, see DEFAULT_THREADS). */
  readonly threads?: number;
  /** Retries of a failed item (default 3). */
  readonly retry?: number;
  /** Seconds between retries (default 5). */
  readonly waitSeconds?: number;
  /** A text log of the run (overwritten). */
  readonly log?: string;
  /** Store-relative paths longer than this (UTF-16 code units) are reported (default 200). */
  readonly maxPathLength?: number;
  readonly onProgress?: ProgressListener;
  /** Called once per item: planned (WhatIf) or performed (done, failed, vanished). */
  readonly onItem?: (item: CopyItemResult) => void;
  /** Stops the run between files; unfinished files are removed (PCMIG-FS-013). */
  readonly signal?: AbortSignal;
  /** The file-system seam (tests inject failures through it). */
  readonly fileSystem?: CopyFileSystem;
}

export const DEFAULT_RETRY = 3;
export const DEFAULT_WAIT_SECONDS = 5;
export const LIMITS = { threads: [1, 64], retry: [0, 100], waitSeconds: [0, 3600], maxPathLength: [1, 32767] } as const;

/** Default -Threads: twice the CPUs (copies wait on I/O), at least 4, at most 16. */
export const DEFAULT_THREADS = Math.min(16, Math.max(4, os.availableParallelism() * 2));

export interface ResolvedOptions {
  readonly source: string;
  readonly destination: string;
  readonly whatIf: boolean;
  readonly checksum: boolean;
  readonly verify: boolean;
  readonly mirror: boolean;
  readonly threads: number;
  readonly retry: number;
  readonly waitSeconds: number;
  readonly log: string | undefined;
  readonly maxPathLength: number;
  readonly fileSystem: CopyFileSystem;
}

function bounded(name: keyof typeof LIMITS, value: number | undefined, fallback: number): number {
  const [min, max] = LIMITS[name];
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw fsErrors.create('PCMIG-FS-001', { message: `${name} must be a whole number from ${min} to ${max}; got ${String(value)}.`, target: name, reason: { option: name, value, min, max } });
  }
  return value;
}

function folder(name: 'source' | 'destination', value: string | undefined): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw fsErrors.create('PCMIG-FS-001', { message: `${name} is required.`, target: name, reason: { option: name } });
  }
  return path.resolve(value);
}

/** Validates options and fills in defaults (paths made absolute, not yet resolved through links). */
export function resolveOptions(options: CopyOptions): ResolvedOptions {
  return {
    source: folder('source', options.source),
    destination: folder('destination', options.destination),
    whatIf: options.whatIf === true,
    checksum: options.checksum === true,
    verify: options.verify === true,
    mirror: options.mirror === true,
    threads: bounded('threads', options.threads, DEFAULT_THREADS),
    retry: bounded('retry', options.retry, DEFAULT_RETRY),
    waitSeconds: bounded('waitSeconds', options.waitSeconds, DEFAULT_WAIT_SECONDS),
    log: options.log === undefined || options.log === '' ? undefined : path.resolve(options.log),
    maxPathLength: bounded('maxPathLength', options.maxPathLength, DEFAULT_MAX_PATH_LENGTH),
    fileSystem: options.fileSystem ?? nodeFileSystem,
  };
}
