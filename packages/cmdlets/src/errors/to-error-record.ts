import type { ErrorRecordData } from '@pcmig/core/errors';
import { HostError } from './host-error.js';

const ID_PATTERN = /^PCMIG-[A-Z]+-\d{3}$/;

/** Whether a thrown value carries a pcmig error record (a PcmigError of any area, or a HostError). */
export function isRecordError(value: unknown): value is { id: string; toRecord(): ErrorRecordData } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string' &&
    ID_PATTERN.test((value as { id: string }).id) &&
    typeof (value as { toRecord?: unknown }).toRecord === 'function'
  );
}

/**
 * The error record of anything a cmdlet throws: pcmig errors keep theirs; anything else is a
 * defect and becomes PCMIG-HOST-013 with the original as its cause (the stack stays out of the
 * record: it is for developers and may hold paths of the build machine).
 */
export function toErrorRecord(error: unknown): ErrorRecordData {
  if (isRecordError(error)) return error.toRecord();
  if ((error as { code?: unknown } | null)?.code === 'ERR_MODULE_NOT_FOUND') {
    return new HostError('PCMIG-HOST-015', { message: 'A module the cmdlet needs is missing.', cause: error }).toRecord();
  }
  const message = error instanceof Error ? error.message : String(error);
  return new HostError('PCMIG-HOST-013', { message: `Unexpected error: ${message}`, cause: error }).toRecord();
}
