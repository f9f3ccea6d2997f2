import { openPool } from '../db/open-pool.js';
import { SourceReader } from '../db/repositories/source-reader.js';
import type { SourceData } from '../model/source-data.js';
import { dateToTicks } from '../model/ticks.js';
import { openPackage } from '../package/index.js';
import { verifyErrors } from './verify-errors.js';
import type { VerifyOptions } from './verify-types.js';

/** The source to compare with: a legacy (or Persistent Chat) database opened read-only, a package, or a SourceData. */
export async function openVerifySource(options: VerifyOptions): Promise<{ source: SourceData; close(): Promise<void> }> {
  const given = [options.source, options.sourceDbInstance, options.fileName, options.bytes].filter((v) => v !== undefined).length;
  if (given !== 1) {
    throw verifyErrors.create('PCMIG-VER-001', { message: given === 0 ? 'No source was given.' : 'More than one source was given.' });
  }
  if (options.source) return { source: options.source, close: async () => undefined };
  if (options.sourceDbInstance !== undefined) {
    const pool = await openPool({
      dbInstance: options.sourceDbInstance,
      ...(options.sourceDbName !== undefined ? { dbName: options.sourceDbName } : {}),
      access: 'read',
      role: 'source',
      ...(options.sourceCredentials ? { credentials: options.sourceCredentials } : {}),
    });
    return { source: new SourceReader(pool, options.startDate ? { startDate: dateToTicks(options.startDate) } : {}), close: () => pool.close() };
  }
  const pkg = await openPackage(options.fileName !== undefined ? { fileName: options.fileName } : { bytes: options.bytes as Uint8Array });
  return { source: pkg, close: () => pkg.close() };
}
