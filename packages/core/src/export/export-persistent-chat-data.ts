import fs from 'node:fs';
import { openPool, type PoolDatabase } from '../db/open-pool.js';
import { SourceReader } from '../db/repositories/source-reader.js';
import { SYSTEM_PRINCIPAL_ID } from '../model/constants.js';
import type { ProgressListener } from '../model/progress.js';
import { dateToTicks } from '../model/ticks.js';
import { MemorySink, openPackage, writePackage, type PackageManifest } from '../package/index.js';
import { disableExportedNodes } from './disable-exported-nodes.js';
import { expErrors } from './errors.js';
import { assertReportWritable, PackageDestination, writeReportFile } from './export-destination.js';
import { validateExportOptions, type ExportOptions, type ExportParameters } from './export-options.js';
import type { DisabledNodes, ExportResult } from './export-result.js';
import { renderExportReport } from './render-export-report.js';
import { SelectedSource } from './select-source.js';
import { scaleProgress } from './scale-progress.js';
import { summarizeExport } from './summarize-export.js';

export const EXPORT_ACTIVITY = 'Export-CsPersistentChatData';

/**
 * Export-CsPersistentChatData: reads a Group Chat or Persistent Chat database and writes one
 * package (docs/package-format.md). The source is opened read-only; with -DisableExportedNodes
 * it is opened a second time, for writing, only after the package is complete and verified.
 * Bad parameters fail before the database is opened; any failure leaves no package behind.
 */
export async function exportPersistentChatData(options: ExportOptions): Promise<ExportResult> {
  const now = options.now ?? (() => new Date());
  const parameters = validateExportOptions(options, now());
  const progress: ProgressListener = options.onProgress ?? (() => undefined);
  if (parameters.report) await assertReportWritable(parameters.report);
  const destination = parameters.fileName ? await PackageDestination.create(parameters.fileName, parameters.force) : null;
  const memory = destination ? null : new MemorySink();

  let pool: PoolDatabase | undefined;
  let manifest: PackageManifest;
  let size: number;
  let source: SelectedSource;
  try {
    progress({ activity: EXPORT_ACTIVITY, status: 'Opening the source database', percentComplete: 0 });
    pool = await openPool({
      dbInstance: options.dbInstance,
      ...(options.dbName !== undefined ? { dbName: options.dbName } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      access: 'read',
      role: 'source',
    });
    progress({ activity: EXPORT_ACTIVITY, status: 'Reading categories and rooms', percentComplete: 1 });
    source = await SelectedSource.create(new SourceReader(pool), parameters);
    ({ manifest, size } = await writePackage(source, destination?.sink ?? (memory as MemorySink), {
      contextCategoryIds: [...source.plan.resolution.context],
      onProgress: scaleProgress(progress, 2, 90, EXPORT_ACTIVITY),
      activity: EXPORT_ACTIVITY,
    }));
    await destination?.commit();
  } catch (error) {
    await destination?.discard();
    await pool?.close();
    throw error;
  }
  const bytes = memory ? memory.bytes() : null;

  let disabled: DisabledNodes | null = null;
  await pool.close();
  const summary = summarizeExport(source, manifest);
  const roomNames = new Map(source.plan.rooms.map((r) => [r.id, r.name]));
  if (parameters.disableExportedNodes) {
    disabled = await verifyThenDisable(options, parameters, source, bytes, now, progress);
  }

  const result: ExportResult = {
    fileName: parameters.fileName,
    bytes,
    size,
    level: parameters.level,
    manifest,
    counts: manifest.counts,
    startDate: parameters.startDateAsDate,
    cut: {
      messages: manifest.months.reduce((n, m) => n + m.cut, 0),
      rooms: manifest.messagesCut.map((c) => ({ roomId: c.roomId, name: roomNames.get(c.roomId) ?? String(c.roomId), count: c.count })),
      months: manifest.months,
    },
    disabled,
    reportFileName: parameters.report,
    categories: summary.categories,
    rooms: summary.rooms,
    federated: summary.federated,
    notices: summary.notices,
  };
  if (parameters.report) {
    progress({ activity: EXPORT_ACTIVITY, status: 'Writing the report', percentComplete: 99 });
    await writeReportFile(parameters.report, renderExportReport(result, { generatedAt: now(), scopeMatches: source.plan.resolution.matches }));
  }
  progress({ activity: EXPORT_ACTIVITY, status: 'Export complete', percentComplete: 100, completed: true });
  return result;
}

/** -DisableExportedNodes: verify the package end to end, then disable in one transaction. */
async function verifyThenDisable(
  options: ExportOptions,
  parameters: ExportParameters,
  source: SelectedSource,
  bytes: Uint8Array | null,
  now: () => Date,
  progress: ProgressListener,
): Promise<DisabledNodes> {
  progress({ activity: EXPORT_ACTIVITY, status: 'Verifying the package', percentComplete: 91 });
  const written = parameters.fileName ? await openPackage({ fileName: parameters.fileName }).catch((cause) => Promise.reject(unverified(parameters, cause))) : await openPackage({ bytes: bytes as Uint8Array });
  try {
    await written.verify({ deep: true, onProgress: scaleProgress(progress, 91, 97, EXPORT_ACTIVITY) });
  } catch (cause) {
    await written.close();
    throw unverified(parameters, cause);
  }
  await written.close();

  progress({ activity: EXPORT_ACTIVITY, status: 'Disabling the exported categories and rooms', percentComplete: 98 });
  let writable: PoolDatabase;
  try {
    writable = await openPool({
      dbInstance: options.dbInstance,
      ...(options.dbName !== undefined ? { dbName: options.dbName } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      access: 'write',
      role: 'source',
    });
  } catch (cause) {
    throw expErrors.create('PCMIG-EXP-012', { message: 'The source database could not be opened for writing.', cause, ...(parameters.fileName ? { target: parameters.fileName } : {}) });
  }
  try {
    return await disableExportedNodes(writable, source.plan, { id: SYSTEM_PRINCIPAL_ID, on: dateToTicks(now()) });
  } catch (cause) {
    throw expErrors.create('PCMIG-EXP-012', { message: 'Disabling the exported nodes failed and was rolled back.', cause, ...(parameters.fileName ? { target: parameters.fileName } : {}) });
  } finally {
    await writable.close();
  }
}

function unverified(parameters: ExportParameters, cause: unknown) {
  // A package that fails its own verification is not left where someone could import it.
  if (parameters.fileName) fs.rmSync(parameters.fileName, { force: true });
  return expErrors.create('PCMIG-EXP-011', { message: 'The package just written failed its verification.', cause, ...(parameters.fileName ? { target: parameters.fileName } : {}) });
}
