import path from 'node:path';
import type { ResolvedOptions } from '../copy-options.js';
import { fsErrors } from '../errors.js';
import { errorCode, type CopyFileSystem } from '../fs/copy-file-system.js';
import { isWithin } from '../paths/store-paths.js';

export interface Roots {
  /** Source root, resolved through links. */
  readonly source: string;
  /** Destination root, resolved through links as far as it exists. */
  readonly destination: string;
  readonly destinationExists: boolean;
  /** The deepest existing folder of the destination path (the destination itself when it exists). */
  readonly existingAncestor: string;
}

const DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);

/** Resolves a path through links as far as it exists; the rest is appended unchanged. */
function resolveExisting(fs: CopyFileSystem, target: string): { resolved: string; existing: string; exists: boolean } {
  const rest: string[] = [];
  let current = target;
  for (;;) {
    try {
      const real = fs.realpath(current);
      return { resolved: rest.length === 0 ? real : path.join(real, ...rest.reverse()), existing: real, exists: rest.length === 0 };
    } catch (error) {
      const parent = path.dirname(current);
      if ((errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') || parent === current) throw error;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

/**
 * Checks the two folders before anything is read or written: the source exists and is a folder,
 * the destination is (or can become) a folder that does not overlap the source, the log lies
 * outside both, and the destination can be written.
 */
export function resolveRoots(options: ResolvedOptions): Roots {
  const { fileSystem: fs } = options;
  let source: string;
  try {
    source = fs.realpath(options.source);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
      throw fsErrors.create('PCMIG-FS-002', { message: `The source folder ${options.source} does not exist.`, target: options.source, cause: error });
    }
    throw fsErrors.create('PCMIG-FS-007', { message: `The source folder ${options.source} cannot be read.`, target: options.source, cause: error });
  }
  if (fs.lstat(source).kind !== 'dir') {
    throw fsErrors.create('PCMIG-FS-003', { message: `The source ${options.source} is not a folder.`, target: options.source });
  }

  let destination: ReturnType<typeof resolveExisting>;
  try {
    destination = resolveExisting(fs, options.destination);
  } catch (error) {
    throw fsErrors.create('PCMIG-FS-005', { message: `The destination ${options.destination} cannot be reached.`, target: options.destination, cause: error });
  }
  if (fs.lstat(destination.existing).kind !== 'dir') {
    throw fsErrors.create('PCMIG-FS-003', {
      message: `The destination ${destination.exists ? options.destination : destination.existing} is not a folder.`,
      target: options.destination,
    });
  }
  if (isWithin(destination.resolved, source) || isWithin(source, destination.resolved)) {
    throw fsErrors.create('PCMIG-FS-004', {
      message: `The destination ${options.destination} and the source ${options.source} overlap.`,
      target: options.destination,
      reason: { source, destination: destination.resolved },
    });
  }
  if (options.log !== undefined) {
    const log = resolveExisting(fs, options.log).resolved;
    if (isWithin(log, source) || isWithin(log, destination.resolved)) {
      throw fsErrors.create('PCMIG-FS-010', { message: `The log file ${options.log} is inside the source or destination folder.`, target: options.log });
    }
  }
  try {
    fs.checkWritable(destination.existing);
  } catch (error) {
    if (DENIED.has(errorCode(error))) {
      throw fsErrors.create('PCMIG-FS-005', { message: `The destination ${destination.existing} cannot be written.`, target: options.destination, cause: error });
    }
    throw error;
  }
  return { source, destination: destination.resolved, destinationExists: destination.exists, existingAncestor: destination.existing };
}
