import type { Change } from './copy-item.js';

/**
 * Modification times closer than this are the same time. Like rsync's default (whole
 * seconds), it absorbs the different clock resolutions of the two sides (NTFS keeps 100 ns,
 * a Linux file system nanoseconds, an SMB mount or a NAS sometimes less) so that a re-run
 * never recopies a file only because its time was rounded on the way. Files of a chat file
 * store are written once, on upload, so a same-size change within a second does not occur;
 * -Checksum compares content for those who want certainty.
 */
export const MTIME_WINDOW_MS = 1000;

export function sameTime(a: number, b: number): boolean {
  return Math.abs(a - b) < MTIME_WINDOW_MS;
}

/** What differs between a source file and its destination copy by metadata (size, time). */
export function metadataChanges(source: { size: number; mtimeMs: number }, destination: { size: number; mtimeMs: number }): Change[] {
  const changes: Change[] = [];
  if (source.size !== destination.size) changes.push('size');
  if (!sameTime(source.mtimeMs, destination.mtimeMs)) changes.push('time');
  return changes;
}
