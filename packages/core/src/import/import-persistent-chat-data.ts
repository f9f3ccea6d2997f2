import { PersistentChatStore } from '../db/repositories/persistent-chat-store.js';
import { isPcmigError } from '../errors/pcmig-error.js';
import { dateToTicks } from '../model/ticks.js';
import { describePlan } from '../plan/describe-plan.js';
import { planMigration } from '../plan/plan-migration.js';
import type { MigrationPlan } from '../plan/plan-types.js';
import { readTargetSnapshot } from '../plan/target-snapshot.js';
import { relieveHeapNow } from '../runtime/heap-relief.js';
import { applyPlan } from './apply-plan.js';
import { backupTarget } from './backup-target.js';
import { importErrors } from './import-errors.js';
import { renderImportReport, type ReportOutcome } from './import-report.js';
import type { ImportOptions, ImportResult, WrittenCounts } from './import-types.js';
import { openImportSource } from './open-import-source.js';
import { openTarget } from './open-target.js';
import { writeReportFile } from './write-report.js';

const NOTHING: WrittenCounts = { principals: 0, addins: 0, categories: 0, rooms: 0, messages: 0 };
export const DEFAULT_MESSAGES_PER_TRANSACTION = 50_000;

/**
 * Import-CsPersistentChatData: plan (always), then — unless -WhatIf — refuse a plan with errors,
 * ask for confirmation, back up the target (R14) and apply the plan crash-safely. With -WhatIf
 * the target is opened read-only and stays byte-identical. -Report writes the HTML report in
 * every case, a refusal included.
 */
export async function importPersistentChatData(options: ImportOptions): Promise<ImportResult> {
  const now = options.now ?? (() => new Date());
  const perTransaction = options.messagesPerTransaction ?? DEFAULT_MESSAGES_PER_TRANSACTION;
  if (!Number.isSafeInteger(perTransaction) || perTransaction < 1 || perTransaction > 1_000_000) {
    throw importErrors.create('PCMIG-IMP-005', { message: `messagesPerTransaction must be 1 to 1,000,000 (got ${perTransaction}).`, target: 'messagesPerTransaction' });
  }
  const opened = await openImportSource(options);
  try {
    const target = await openTarget({
      dbInstance: options.dbInstance,
      ...(options.dbName !== undefined ? { dbName: options.dbName } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      whatIf: options.whatIf ?? false,
    });
    const pool = target.pool;
    try {
      const store = new PersistentChatStore(pool);
      const snapshot = { ...(await readTargetSnapshot(store)), description: target.description };
      const plan = await planMigration(opened.source, snapshot, {
        ...(options.categorySeparator !== undefined ? { categorySeparator: options.categorySeparator } : {}),
        ...(options.shortenLongNames !== undefined ? { shortenLongNames: options.shortenLongNames } : {}),
        ...(options.rootRoomsCategory !== undefined ? { rootRoomsCategory: options.rootRoomsCategory } : {}),
        force: options.force ?? false,
        now: now(),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      // Planning leaves its garbage behind; the import starts from the plan alone.
      relieveHeapNow();
      const description = describePlan(plan);
      const report = (status: ReportOutcome, extra: { backupPath?: string | null; written?: WrittenCounts; error?: string } = {}) =>
        options.report === undefined
          ? null
          : writeReportFile(options.report, renderImportReport(plan, { status, backupPath: extra.backupPath ?? null, ...(extra.written ? { written: extra.written } : {}), ...(extra.error ? { error: extra.error } : {}) }));
      const result = (status: ImportResult['status'], reportPath: string | null, backupPath: string | null = null, written = NOTHING): ImportResult => ({
        status,
        plan,
        description,
        backupPath,
        reportPath,
        written,
      });

      if (options.whatIf) return result('what-if', report('what-if'));
      if (plan.totals.findings.error > 0) {
        const reportPath = report('refused');
        throw refusal(plan, reportPath);
      }
      const run = snapshot.ledger.runs.find((r) => r.runKey === plan.runKey);
      if (plan.status === 'complete') return result('already-imported', report('already-imported'), run?.backupPath ?? null);
      if (options.confirm && !(await options.confirm(plan, description))) return result('declined', report('declined'));

      const backupPath =
        plan.status === 'resume' ? (run?.backupPath ?? null) : options.backup === false ? null : await backupTarget(store, options.backup, now());
      const instant = run && plan.status === 'resume' ? run.startedOn : dateToTicks(now());
      let written: WrittenCounts;
      try {
        written = await applyPlan({
          plan,
          snapshot,
          store,
          source: opened.source,
          instant,
          backupPath,
          perTransaction,
          now,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        });
      } catch (error) {
        const stopped =
          isPcmigError(error) && error.id === 'PCMIG-IMP-008'
            ? error
            : importErrors.create('PCMIG-IMP-007', {
                message: `The import into ${target.description} stopped part-way: ${isPcmigError(error) ? error.shortMessage : error instanceof Error ? error.message : String(error)}`,
                target: target.description,
                reason: { runKey: plan.runKey },
                cause: error,
              });
        try {
          report('failed', { backupPath, error: stopped.shortMessage });
        } catch {
          // The import's own error matters more than the report's.
        }
        throw stopped;
      }
      return result(plan.status === 'resume' ? 'resumed' : 'imported', report(plan.status === 'resume' ? 'resumed' : 'imported', { backupPath, written }), backupPath, written);
    } finally {
      await target.close();
    }
  } finally {
    await opened.close();
  }
}

function refusal(plan: MigrationPlan, reportPath: string | null) {
  const errors = plan.findings.filter((f) => f.severity === 'error');
  const codes = [...new Set(errors.map((f) => f.code))];
  return importErrors.create('PCMIG-IMP-002', {
    message: `The plan has ${errors.length} error(s) (${codes.join(', ')}); nothing was imported. First: ${errors[0]?.message ?? ''}`,
    reason: {
      errors: errors.slice(0, 100).map((f) => ({ code: f.code, path: f.path, message: f.message })),
      errorCount: errors.length,
      ...(reportPath ? { report: reportPath } : {}),
    },
  });
}
