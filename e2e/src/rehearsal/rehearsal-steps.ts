import fs from 'node:fs';
import path from 'node:path';
import { openPackage, openPool } from '@pcmig/core';
import { hashFile } from './hash-file.js';
import type { RehearsalContext, StepDefinition, StepOutcome } from './rehearsal-types.js';
import { runPcmig, type PcmigRun } from './run-pcmig.js';

/**
 * The thirteen steps of Microsoft's "Migration process - details", as an administrator runs them
 * with pcmig's cmdlets. Each step runs the real `pcmig` binary, checks the objects and exit code
 * it returns, and records what it saw. Database backups (steps 2 and 5) are what the administrator
 * does with SQL Server's tools; here they are SQLite online backups through @pcmig/core.
 */

const passed = (summary: string, details: string[] = []): StepOutcome => ({ status: 'passed', summary, details });
const failed = (summary: string, details: string[] = []): StepOutcome => ({ status: 'failed', summary, details });

/** Runs a cmdlet, records it, and fails the step unless the exit code is one of `accept`. */
async function run(
  context: RehearsalContext,
  commands: PcmigRun[],
  cmdlet: string,
  args: string[],
  accept: readonly number[] = [0],
): Promise<PcmigRun> {
  const result = await runPcmig(cmdlet, args, { env: context.env });
  commands.push(result);
  if (!accept.includes(result.exitCode)) {
    const errors = result.errors.map((e) => `${e.id}: ${e.shortMessage ?? e.message}`);
    throw new StepFailure(`${cmdlet} exited with ${result.exitCode}`, errors.length ? errors : [result.stderr.slice(0, 2000)]);
  }
  return result;
}

export class StepFailure extends Error {
  constructor(
    message: string,
    readonly details: string[],
  ) {
    super(message);
  }
}

function first(run: PcmigRun): Record<string, unknown> {
  const object = run.objects[0];
  if (!object) throw new StepFailure(`${run.commandLine} wrote no object`, [run.stderr.slice(0, 2000)]);
  return object;
}

const legacyDb = (c: RehearsalContext) => c.generated.topology.legacy.database.dbInstance;
const targetDb = (c: RehearsalContext) => {
  const target = c.generated.topology.target;
  if (!target) throw new StepFailure('The rehearsal needs a target pool', []);
  return target.database.dbInstance;
};
const legacyPool = (c: RehearsalContext) => c.generated.topology.legacy.poolFqdn;
const targetPool = (c: RehearsalContext) => c.generated.topology.target?.poolFqdn ?? '';
const cutoffDate = (c: RehearsalContext) => c.generated.planted.cutoff.date;

async function backupDatabase(dbInstance: string, destination: string): Promise<string> {
  const pool = await openPool({ dbInstance, access: 'read' });
  try {
    await pool.connection.backupTo(destination);
  } finally {
    await pool.close();
  }
  // The copy must open as the same kind of pool database.
  const copy = await openPool({ dbInstance: destination, access: 'read' });
  const flavour = copy.flavour;
  await copy.close();
  return `${destination} (${flavour}, ${(fs.statSync(destination).size / 1024 / 1024).toFixed(1)} MB)`;
}

export const REHEARSAL_STEPS: readonly StepDefinition[] = [
  {
    title: 'Stop the Group Chat and Persistent Chat services',
    seedReference: 'Performing the Migration, step 1 (and step 3)',
    async run(context, commands) {
      for (const pool of [legacyPool(context), targetPool(context)]) {
        await run(context, commands, 'Stop-CsPersistentChatPoolService', ['-PoolFqdn', pool, '-Confirm:$false']);
      }
      const pools = await run(context, commands, 'Get-CsPersistentChatPool', []);
      const running = pools.objects.filter((p) => String(p.Services ?? p.ServiceState ?? '').toLowerCase() === 'running');
      return running.length === 0
        ? passed(`Services recorded as stopped on ${legacyPool(context)} and ${targetPool(context)}.`)
        : failed('Some pools still show running services.', running.map((p) => JSON.stringify(p)));
    },
  },
  {
    title: 'Back up the legacy Group Chat database',
    seedReference: 'Preparing the Source Data, step 1; Performing the Migration, step 1',
    async run(context) {
      const destination = path.join(context.paths.backups, 'legacy-before-export.db');
      context.facts.legacyBackup = await backupDatabase(legacyDb(context), destination);
      return passed(`Backed up to ${context.facts.legacyBackup}.`);
    },
  },
  {
    title: 'Export-CsPersistentChatData',
    seedReference: 'Performing the Migration, step 2; Preparing the Source Data, step 8 (-StartDate)',
    async run(context, commands) {
      const result = await run(context, commands, 'Export-CsPersistentChatData', [
        '-DBInstance', legacyDb(context),
        '-FileName', context.paths.packageFile,
        '-Level', 'All',
        '-StartDate', cutoffDate(context),
        '-Report', path.join(context.paths.reports, 'export.html'),
      ]);
      const exported = first(result);
      context.facts.exported = exported;
      const expected = context.generated.planted.cutoff.messagesFromCutoff;
      const details = [`Messages exported: ${String(exported.Messages)}, left out by -StartDate ${cutoffDate(context)}: ${String(exported.MessagesCut)}.`];
      return Number(exported.Messages) === expected && Number(exported.MessagesCut) === context.generated.planted.cutoff.messagesBefore
        ? passed(`Package written: ${String(exported.Rooms)} rooms, ${String(exported.Messages)} messages.`, details)
        : failed(`The package holds ${String(exported.Messages)} messages; the source has ${expected} from the cutoff on.`, details);
    },
  },
  {
    title: 'Inspect the exported package',
    seedReference: 'Performing the Migration, step 2 ("Inspect the exported contents")',
    async run(context) {
      const pkg = await openPackage({ fileName: context.paths.packageFile });
      try {
        await pkg.verify();
        const manifest = pkg.manifest;
        context.facts.months = manifest.months;
        const legacy = context.generated.legacy.summary;
        const details = [
          `Format ${manifest.format} v${manifest.formatVersion}, from ${manifest.source.product} (${manifest.source.schemaVersion ?? 'no version'}).`,
          `Every entry's size, CRC and SHA-256 checked (${manifest.entries.length} entries).`,
          `Counts: ${manifest.counts.categories} categories, ${manifest.counts.rooms} rooms, ${manifest.counts.principals} principals, ${manifest.counts.messages} messages, ${manifest.counts.fileReferences} file references.`,
        ];
        const problems: string[] = [];
        if (manifest.counts.rooms !== legacy.rooms) problems.push(`rooms: ${manifest.counts.rooms} in the package, ${legacy.rooms} in the source`);
        if (manifest.counts.addins !== legacy.addins) problems.push(`add-ins: ${manifest.counts.addins} in the package, ${legacy.addins} in the source`);
        return problems.length === 0 ? passed('The package is complete and intact.', details) : failed('The package does not match the source.', [...details, ...problems]);
      } finally {
        await pkg.close();
      }
    },
  },
  {
    title: 'Back up the Persistent Chat database',
    seedReference: 'Performing the Migration, step 4',
    async run(context) {
      const destination = path.join(context.paths.backups, 'target-before-import.db');
      context.facts.targetBackup = await backupDatabase(targetDb(context), destination);
      return passed(`Backed up to ${context.facts.targetBackup}.`);
    },
  },
  {
    title: 'Import-CsPersistentChatData -WhatIf',
    seedReference: 'Performing the Migration, step 5',
    async run(context, commands) {
      const before = await hashFile(targetDb(context));
      context.facts.targetHashBeforeWhatIf = before;
      const result = await run(context, commands, 'Import-CsPersistentChatData', [
        '-DBInstance', targetDb(context),
        '-FileName', context.paths.packageFile,
        '-WhatIf',
        '-Report', path.join(context.paths.reports, 'import-whatif.html'),
      ]);
      const plan = first(result);
      context.facts.whatIfFirst = plan;
      const after = await hashFile(targetDb(context));
      const details = [`Plan: ${String(plan.Errors)} errors, ${String(plan.Warnings)} warnings; ${String(plan.Rooms)} rooms and ${String(plan.Messages)} messages to import.`];
      if (before !== after) return failed('-WhatIf changed the target database.', details);
      return passed(`Plan read: ${String(plan.Errors)} errors and ${String(plan.Warnings)} warnings to look at; the target is byte-identical.`, details);
    },
  },
  {
    title: 'Fix what the WhatIf reported, then WhatIf again',
    seedReference: 'Performing the Migration, step 5 ("Fix any errors or warnings"); Preparing, step 3',
    async run(context, commands) {
      const findings = (context.facts.whatIfFirst?.Findings ?? []) as { Severity: string; Code: string; Path: string }[];
      const errorCodes = [...new Set(findings.filter((f) => f.Severity === 'error').map((f) => f.Code))];
      const fixes: string[] = [];
      const extra: string[] = [];
      // The errors this rehearsal plants are names over 256 characters (R2): the fix chosen here is
      // pcmig's deterministic shortening, reviewed in the WhatIf report before the real import.
      if (errorCodes.some((code) => /long|256|length/i.test(code))) {
        extra.push('-ShortenLongNames');
        fixes.push('Names over 256 characters: re-planned with -ShortenLongNames (each shortening is a warning with old → new name).');
      }
      context.facts.fixesApplied = fixes;
      const result = await run(context, commands, 'Import-CsPersistentChatData', [
        '-DBInstance', targetDb(context),
        '-FileName', context.paths.packageFile,
        '-WhatIf',
        ...extra,
        '-Report', path.join(context.paths.reports, 'import-whatif-fixed.html'),
      ]);
      const plan = first(result);
      context.facts.whatIfFixed = plan;
      const remaining = Number(plan.Errors);
      return remaining === 0
        ? passed(`WhatIf is clean of errors (${String(plan.Warnings)} warnings accepted).`, [...fixes, `Error codes fixed: ${errorCodes.join(', ') || 'none'}.`])
        : failed(`${remaining} errors remain after the fixes.`, [...fixes, ...((plan.Findings ?? []) as { Severity: string; Code: string; Path: string }[]).filter((f) => f.Severity === 'error').map((f) => `${f.Code} ${f.Path}`)]);
    },
  },
  {
    title: 'Import-CsPersistentChatData',
    seedReference: 'Performing the Migration, step 6',
    async run(context, commands) {
      const fixes = context.facts.fixesApplied?.length ? ['-ShortenLongNames'] : [];
      const result = await run(context, commands, 'Import-CsPersistentChatData', [
        '-DBInstance', targetDb(context),
        '-FileName', context.paths.packageFile,
        ...fixes,
        // Step 5 took the backup.
        '-NoBackup',
        '-Confirm:$false',
        '-Report', path.join(context.paths.reports, 'import.html'),
      ]);
      const imported = first(result);
      context.facts.imported = imported;
      const status = String(imported.Status);
      return status === 'imported' || status === 'already-imported'
        ? passed(`Imported ${String(imported.Rooms)} rooms and ${String(imported.Messages)} messages (${status}).`)
        : failed(`The import ended with status ${status}.`, [String(imported.Description ?? '')]);
    },
  },
  {
    title: 'Copy the file store (instead of XCOPY)',
    seedReference: 'Performing the Migration, step 7; Preparing, step 5',
    async run(context, commands) {
      const target = context.generated.topology.target;
      const result = await run(context, commands, 'Copy-CsPersistentChatFileStore', [
        '-Source', context.generated.topology.legacy.fileStore.path,
        '-Destination', target?.fileStore.path ?? '',
        '-Verify',
        '-Log', path.join(context.paths.reports, 'file-copy.log'),
      ]);
      const copied = first(result);
      context.facts.copied = copied;
      const expected = context.generated.legacy.summary.files.count;
      return Number(copied.Failed) === 0 && Number(copied.Copied) + Number(copied.Skipped) === expected && Number(copied.Verified) === Number(copied.Copied)
        ? passed(`${String(copied.Copied)} files copied and verified by SHA-256 (${String(copied.Bytes)} bytes).`)
        : failed(`Copy result: ${JSON.stringify(copied)}; the store holds ${expected} files.`);
    },
  },
  {
    title: 'Move the Lookup Server URI to a Persistent Chat endpoint',
    seedReference: 'Performing the Migration, step 8',
    async run(context, commands) {
      const result = await run(context, commands, 'Move-CsPersistentChatLookupUri', ['-Confirm:$false']);
      context.facts.moved = first(result);
      const endpoints = await run(context, commands, 'Get-CsPersistentChatEndpoint', []);
      const uri = context.generated.topology.legacy.lookupUri.toLowerCase();
      const endpoint = endpoints.objects.find((e) => String(e.SipAddress).toLowerCase() === uri);
      return endpoint
        ? passed(`${uri} is now a Persistent Chat endpoint of ${String(endpoint.PersistentChatPoolFqdn)}; the ocschat user is gone.`)
        : failed(`No endpoint carries ${uri} after the move.`, endpoints.objects.map((e) => JSON.stringify(e)));
    },
  },
  {
    title: 'Start the Persistent Chat services',
    seedReference: 'Performing the Migration, step 9',
    async run(context, commands) {
      await run(context, commands, 'Start-CsPersistentChatPoolService', ['-PoolFqdn', targetPool(context), '-Confirm:$false']);
      return passed(`Services recorded as running on ${targetPool(context)}.`);
    },
  },
  {
    title: 'Verify the migrated data',
    seedReference: 'Performing the Migration, step 10',
    async run(context, commands) {
      const fixes = context.facts.fixesApplied?.length ? ['-ShortenLongNames'] : [];
      const result = await run(
        context,
        commands,
        'Test-CsPersistentChatMigration',
        ['-DBInstance', targetDb(context), '-FileName', context.paths.packageFile, ...fixes, '-Report', path.join(context.paths.reports, 'verification.html')],
        [0, 1],
      );
      const verification = first(result);
      context.facts.verification = verification;
      // The files the migrated messages link to must be in the copied store.
      const store = context.generated.topology.target?.fileStore.path ?? '';
      const linkCheck = first(await run(context, commands, 'Test-CsPersistentChatFileLink', ['-DBInstance', targetDb(context), '-Destination', store], [0, 1]));
      context.facts.linkCheck = linkCheck;
      const problems = ((linkCheck.Problems ?? []) as Record<string, unknown>[]).slice(0, 20).map((p) => JSON.stringify(p));
      if (verification.Passed !== true) {
        return failed(`${String(verification.FailedChecks)} checks failed.`, ((verification.Failures ?? []) as Record<string, unknown>[]).slice(0, 20).map((f) => JSON.stringify(f)));
      }
      return linkCheck.Status === 'Success'
        ? passed(
            `${String(verification.PassedChecks)} checks passed (${String(verification.Explained)} differences explained by the plan); ${String(linkCheck.Resolved)} of ${String(linkCheck.Links)} file links resolve in the new store.`,
          )
        : failed(`${String(linkCheck.Links)} file links, ${problems.length} problem(s) in the new store.`, problems);
    },
  },
  {
    title: 'Remove the legacy trusted application and trusted application pool',
    seedReference: 'Performing the Migration, steps 11–12',
    async run(context, commands) {
      const legacy = context.generated.topology.legacy;
      await run(context, commands, 'Remove-CsTrustedApplication', ['-Identity', legacy.trustedApplication.identity, '-Confirm:$false']);
      await run(context, commands, 'Remove-CsTrustedApplicationPool', ['-Identity', legacy.trustedApplicationPool.identity, '-Confirm:$false']);
      const left = await run(context, commands, 'Get-CsTrustedApplicationPool', []);
      return left.objects.length === 0
        ? passed(`Removed ${legacy.trustedApplication.identity} and ${legacy.trustedApplicationPool.identity} from the topology.`)
        : failed('Trusted application pools remain.', left.objects.map((o) => JSON.stringify(o)));
    },
  },
];
