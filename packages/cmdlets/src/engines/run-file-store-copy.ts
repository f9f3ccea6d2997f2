import type { ErrorRecordData } from '@pcmig/core';
import { copyFileStore, describeFinding, formatItem, fsErrors } from '@pcmig/file-sync';
import type { CmdletContext } from '../definition/cmdlet-context.js';
import type { FileStoreCopyValues } from '../cmdlets/copy-cs-persistent-chat-file-store.js';

/**
 * Copy-CsPersistentChatFileStore. Under -WhatIf every planned change is a What if line; findings
 * are warnings, failed items non-terminating errors with the engine's records, the totals one object
 * (with the robocopy-style ExitCode: 0, 1 or 8). A real run that leaves source files behind always
 * writes an error, so the process exit code is 1 and PowerShell's $? is $false.
 */
export async function runFileStoreCopy(values: FileStoreCopyValues, context: CmdletContext): Promise<void> {
  const planned: Promise<boolean>[] = [];
  const result = await copyFileStore({
    source: values.Source,
    destination: values.Destination,
    whatIf: context.whatIf,
    checksum: values.Checksum,
    verify: values.Verify,
    mirror: values.Mirror,
    ...(values.Threads !== undefined ? { threads: values.Threads } : {}),
    retry: values.Retry,
    waitSeconds: values.Wait,
    ...(values.Log !== undefined ? { log: values.Log } : {}),
    maxPathLength: values.MaxPathLength,
    signal: context.signal,
    onProgress: (event) => context.writeProgress(event),
    onItem: (item) => {
      if (item.outcome === 'planned' && item.action !== 'skip') planned.push(context.shouldProcess(formatItem(item), item.action));
      else if (item.outcome !== 'planned') context.writeDebug(`${item.outcome}: ${formatItem(item)}`);
    },
  });
  await Promise.all(planned);
  for (const finding of result.findings) context.writeWarning(`${finding.code}: ${describeFinding(finding)}`);
  for (const failure of result.failures) context.writeError(recordError(failure.error));
  const totals = result.actions;
  context.writeObject({
    Status: result.status,
    ExitCode: result.exitCode,
    Source: result.source,
    Destination: result.destination,
    WhatIf: result.whatIf,
    Folders: totals['create-dir'].count,
    Copied: totals.copy.count,
    Replaced: totals.replace.count,
    Skipped: totals.skip.count,
    Deleted: totals.delete.count,
    Bytes: totals.copy.bytes + totals.replace.bytes,
    Verified: result.verified.count,
    Failed: result.failed.count,
    Findings: result.findings.length,
    Manifest: result.manifest ?? null,
    Log: result.log ?? null,
  });
  // Files left behind only because of their names: still a failed copy, so $? and the exit code say so.
  const uncopyable = result.findings.filter((finding) => finding.severity === 'error');
  if (!result.whatIf && result.failures.length === 0 && uncopyable.length > 0) {
    context.writeError(
      fsErrors.create('PCMIG-FS-015', {
        message: `${uncopyable.length} source item(s) were not copied to ${result.destination}: their names cannot be stored on the Persistent Chat file store (see the warnings).`,
        target: result.destination,
        reason: { items: uncopyable.length },
      }),
    );
  }
}

/** A failed item's record, as a throwable the host reports with its own id. */
function recordError(record: ErrorRecordData): Error & { id: string; toRecord(): ErrorRecordData } {
  return Object.assign(new Error(record.message), { id: record.id, toRecord: () => record });
}
