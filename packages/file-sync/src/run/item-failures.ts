import { isPcmigError, type PcmigError } from '@pcmig/core/errors';
import { fsErrors } from '../errors.js';
import { errorCode } from '../fs/copy-file-system.js';
import type { CopyItem } from '../plan/copy-item.js';
import { classifyFailure } from './retry-policy.js';

/** Stops the whole run (destination full or read-only). */
export class FatalCopyError extends Error {
  constructor(readonly error: PcmigError) {
    super(error.message);
  }
}

/** The copy's SHA-256 differs from the source's. */
export class VerifyMismatch extends Error {
  constructor(readonly mismatch: { readonly source: string; readonly copy: string }) {
    super(`SHA-256 of the copy ${mismatch.copy} differs from the source's ${mismatch.source}`);
  }
}

/** The run-stopping errors of the destination: full, or read-only. */
export function destinationFatal(error: Error, target: string): PcmigError | undefined {
  const kind = classifyFailure(error);
  if (kind === 'no-space') return fsErrors.create('PCMIG-FS-006', { message: `The destination is full; ${target} was not written.`, target, cause: error });
  if (kind === 'read-only') return fsErrors.create('PCMIG-FS-005', { message: `The destination became read-only while writing ${target}.`, target, cause: error });
  return undefined;
}

const VERBS: Record<CopyItem['action'], string> = {
  'create-dir': 'created',
  copy: 'copied',
  replace: 'copied',
  touch: 'updated',
  skip: 'checked',
  delete: 'removed',
  extra: 'checked',
  'remove-partial': 'removed',
};

/** The error of an item that failed for good: PCMIG-FS-009 for a verification mismatch, else PCMIG-FS-008 with the cause. */
export function itemFailure(item: CopyItem, attempts: number, error: unknown): PcmigError {
  if (isPcmigError(error)) return error;
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (error instanceof VerifyMismatch) {
    return fsErrors.create('PCMIG-FS-009', {
      message: `${item.path}: the copy's SHA-256 differs from the source's after ${tries}.`,
      target: item.path,
      reason: { source: error.mismatch.source, copy: error.mismatch.copy, attempts },
    });
  }
  return fsErrors.create('PCMIG-FS-008', {
    message: `${item.path} could not be ${VERBS[item.action]} (${tries}).`,
    target: item.path,
    reason: { code: errorCode(error) || undefined, attempts },
    cause: error,
  });
}
