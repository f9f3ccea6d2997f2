import { describePlan, importPersistentChatData, throttleProgress, type ImportResult, type MigrationPlan } from '@pcmig/core';
import type { CmdletContext } from '../definition/cmdlet-context.js';
import type { ImportValues } from '../cmdlets/import-cs-persistent-chat-data.js';

/** Findings shown as warnings one by one; the rest are in the result object and the report. */
const FINDINGS_SHOWN = 50;

/**
 * Import-CsPersistentChatData. Under -WhatIf the engine plans and writes nothing; the plan is
 * reported as a What if line, its error and warning findings as warnings, and the result object.
 * The confirmation was asked before the run (ShouldProcess on -DBInstance), so the engine's own
 * question is answered from it.
 */
export async function runImport(values: ImportValues, context: CmdletContext): Promise<void> {
  const result = await importPersistentChatData({
    dbInstance: values.DBInstance,
    ...(values.DBName !== undefined ? { dbName: values.DBName } : {}),
    ...(values.FileName !== undefined ? { fileName: values.FileName } : {}),
    ...(values.ByteInput !== undefined ? { bytes: values.ByteInput } : {}),
    whatIf: context.whatIf,
    force: values.Force,
    ...(values.Report !== undefined ? { report: values.Report } : {}),
    ...(values.NoBackup ? { backup: false as const } : values.BackupPath !== undefined ? { backup: values.BackupPath } : {}),
    ...(values.CategorySeparator !== undefined ? { categorySeparator: values.CategorySeparator } : {}),
    shortenLongNames: values.ShortenLongNames,
    ...(values.RootRoomsCategory !== undefined ? { rootRoomsCategory: values.RootRoomsCategory } : {}),
    confirm: (_plan, description) => context.shouldProcess(values.DBInstance, description),
    onProgress: throttleProgress((event) => context.writeProgress(event)),
  });
  if (result.status === 'what-if') await context.shouldProcess(values.DBInstance, describePlan(result.plan));
  reportFindings(result.plan, context);
  context.writeObject(importObject(result));
}

function reportFindings(plan: MigrationPlan, context: CmdletContext): void {
  const notable = plan.findings.filter((f) => f.severity !== 'info');
  for (const finding of notable.slice(0, FINDINGS_SHOWN)) context.writeWarning(`[${finding.severity}] ${finding.code} ${finding.path}: ${finding.message}`);
  if (notable.length > FINDINGS_SHOWN) context.writeWarning(`${notable.length - FINDINGS_SHOWN} more findings of severity error or warning: see the result's Findings or -Report.`);
  for (const finding of plan.findings.filter((f) => f.severity === 'info')) context.writeVerbose(`${finding.code} ${finding.path}: ${finding.message}`);
}

function importObject(result: ImportResult) {
  const totals = result.plan.totals;
  const applied = result.status === 'imported' || result.status === 'resumed';
  return {
    Status: result.status,
    Description: result.description,
    Categories: applied ? result.written.categories : totals.categories.create + totals.categories.overwrite,
    Rooms: applied ? result.written.rooms : totals.rooms.create + totals.rooms.overwrite,
    Messages: applied ? result.written.messages : totals.messages.import,
    Principals: applied ? result.written.principals : totals.principals.created,
    Addins: applied ? result.written.addins : totals.addins.create + totals.addins.overwrite,
    RoomsNotMigrated: totals.rooms.skip,
    MessagesCut: totals.messages.cut,
    Errors: totals.findings.error,
    Warnings: totals.findings.warning,
    Findings: result.plan.findings.map((f) => ({ Severity: f.severity, Code: f.code, Path: f.path, Message: f.message })),
    BackupPath: result.backupPath,
    ReportPath: result.reportPath,
  };
}
