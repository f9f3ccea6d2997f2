import { testPersistentChatMigration, throttleProgress } from '@pcmig/core';
import type { CmdletContext } from '../definition/cmdlet-context.js';
import type { VerificationValues } from '../cmdlets/test-cs-persistent-chat-migration.js';

/** Failed checks shown as warnings one by one (all of them are in the result object). */
const FAILURES_SHOWN = 50;

/** Test-CsPersistentChatMigration: one result object; each failed check is also a warning. */
export async function runVerification(values: VerificationValues, context: CmdletContext): Promise<void> {
  const result = await testPersistentChatMigration({
    dbInstance: values.DBInstance,
    ...(values.DBName !== undefined ? { dbName: values.DBName } : {}),
    ...(values.FileName !== undefined ? { fileName: values.FileName } : {}),
    ...(values.ByteInput !== undefined ? { bytes: values.ByteInput } : {}),
    ...(values.SourceDBInstance !== undefined ? { sourceDbInstance: values.SourceDBInstance } : {}),
    ...(values.SourceDBName !== undefined ? { sourceDbName: values.SourceDBName } : {}),
    ...(values.StartDate !== undefined ? { startDate: values.StartDate } : {}),
    ...(values.CategorySeparator !== undefined ? { categorySeparator: values.CategorySeparator } : {}),
    shortenLongNames: values.ShortenLongNames,
    ...(values.RootRoomsCategory !== undefined ? { rootRoomsCategory: values.RootRoomsCategory } : {}),
    ...(values.Report !== undefined ? { report: values.Report } : {}),
    onProgress: throttleProgress((event) => context.writeProgress(event)),
  });
  const failures = result.checks.filter((check) => !check.passed);
  for (const check of failures.slice(0, FAILURES_SHOWN)) {
    context.writeWarning(`${check.name} ${check.path}: expected ${JSON.stringify(check.expected)}, found ${JSON.stringify(check.actual)}`);
  }
  if (failures.length > FAILURES_SHOWN) context.writeWarning(`${failures.length - FAILURES_SHOWN} more checks failed: see the result's Failures or -Report.`);
  context.writeObject({
    Passed: result.passed,
    Basis: result.basis,
    Checks: result.checks.length,
    PassedChecks: result.summary.passed,
    FailedChecks: result.summary.failed,
    Explained: result.summary.explained,
    Failures: failures.map((check) => ({ Name: check.name, Path: check.path, Expected: check.expected, Actual: check.actual })),
    ReportPath: result.reportPath,
  });
}
