import { PersistentChatStore } from '../db/repositories/persistent-chat-store.js';
import { isPcmigError } from '../errors/pcmig-error.js';
import { openTarget } from '../import/open-target.js';
import { writeReportFile } from '../import/write-report.js';
import { readTargetSnapshot } from '../plan/target-snapshot.js';
import { checkCoverage } from './check-coverage.js';
import { checkMessages, VERIFY_ACTIVITY } from './check-messages.js';
import { checkNodes } from './check-nodes.js';
import { expectedPlan } from './expected-plan.js';
import { openVerifySource } from './open-verify-source.js';
import { renderVerificationReport } from './verification-report.js';
import { verifyErrors } from './verify-errors.js';
import type { VerificationCheck, VerificationResult, VerifyOptions } from './verify-types.js';

/**
 * Test-CsPersistentChatMigration: compares a source (the legacy database or the package) with
 * the target after the import — categories and rooms under their converted names, their settings
 * after conversion, every role list, add-ins, principals, and per room the message count and a
 * content hash. One result per check and an overall verdict; a source object missing from the
 * target passes only when a finding of the plan explains it. Reads only (the target opens
 * read-only, as for -WhatIf).
 */
export async function testPersistentChatMigration(options: VerifyOptions): Promise<VerificationResult> {
  const opened = await openVerifySource(options);
  try {
    const target = await openTarget({
      dbInstance: options.dbInstance,
      ...(options.dbName !== undefined ? { dbName: options.dbName } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      whatIf: true,
    });
    try {
      const store = new PersistentChatStore(target.pool);
      const snapshot = { ...(await readTargetSnapshot(store)), description: target.description };
      options.onProgress?.({ activity: VERIFY_ACTIVITY, status: 'Planning the expected conversion of the source' });
      const { plan, basis } = await expectedPlan(opened.source, snapshot, {
        ...(options.categorySeparator !== undefined ? { categorySeparator: options.categorySeparator } : {}),
        ...(options.shortenLongNames !== undefined ? { shortenLongNames: options.shortenLongNames } : {}),
        ...(options.rootRoomsCategory !== undefined ? { rootRoomsCategory: options.rootRoomsCategory } : {}),
        now: (options.now ?? (() => new Date()))(),
      });
      const checks: VerificationCheck[] = [];
      const run = snapshot.ledger.runs.find((r) => r.runKey === plan.runKey);
      if (basis === 'ledger') {
        checks.push({ name: 'import-complete', passed: run !== undefined && run.completedOn !== null, path: `pool:${snapshot.description}`, expected: 'completed', actual: run !== undefined && run.completedOn !== null ? 'completed' : 'interrupted' });
      }
      checks.push(...(await checkNodes(plan, snapshot, store)));
      checks.push(...(await checkMessages(plan, snapshot, store, basis, options.onProgress)));
      checks.push(...(await checkCoverage(plan, opened.source)));
      const failed = checks.filter((c) => !c.passed).length;
      const result: VerificationResult = {
        passed: failed === 0,
        checks,
        summary: { passed: checks.length - failed, failed, explained: checks.filter((c) => c.explainedBy !== undefined).length },
        basis,
        plan,
        reportPath: null,
      };
      options.onProgress?.({ activity: VERIFY_ACTIVITY, status: result.passed ? 'Passed' : `${failed} check(s) failed`, completed: true });
      if (options.report === undefined) return result;
      try {
        return { ...result, reportPath: writeReportFile(options.report, renderVerificationReport(result)) };
      } catch (error) {
        throw verifyErrors.create('PCMIG-VER-002', { message: `The report cannot be written to ${options.report}.`, target: options.report, cause: isPcmigError(error) ? error.cause : error });
      }
    } finally {
      await target.close();
    }
  } finally {
    await opened.close();
  }
}
