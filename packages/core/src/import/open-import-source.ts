import type { SourceData } from '../model/source-data.js';
import { openPackage } from '../package/index.js';
import { importErrors } from './import-errors.js';

export interface OpenedSource {
  readonly source: SourceData;
  close(): Promise<void>;
}

/**
 * The import's source: a SourceData given directly (a legacy pool database through SourceReader),
 * or a package (-FileName / -ByteInput) opened with the package reader. Exactly one must be given.
 * The package's entries are checked as they are read; the planner reads all of them before the
 * first write, so a damaged package fails while the target is still untouched.
 */
export async function openImportSource(options: { source?: SourceData; fileName?: string; bytes?: Uint8Array }): Promise<OpenedSource> {
  const given = [options.source !== undefined, options.fileName !== undefined, options.bytes !== undefined].filter(Boolean).length;
  if (given !== 1) {
    throw importErrors.create('PCMIG-IMP-001', {
      message: given === 0 ? 'No source was given.' : 'More than one source was given (-FileName, -ByteInput and a source are exclusive).',
    });
  }
  if (options.source) return { source: options.source, close: async () => undefined };
  const pkg = await openPackage(options.fileName !== undefined ? { fileName: options.fileName } : { bytes: options.bytes as Uint8Array });
  return { source: pkg, close: () => pkg.close() };
}
