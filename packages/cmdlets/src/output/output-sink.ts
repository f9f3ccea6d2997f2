import type { ErrorRecordData, ProgressEvent } from '@pcmig/core';

/**
 * Where one command's streams go: a terminal or redirected text (text-sink), JSON lines for
 * scripts (json-sink), or the records the PowerShell module reads (records-sink).
 */
export interface OutputSink {
  object(value: unknown): void;
  /** A byte array output (Export -AsBytes): raw bytes, base64 JSON, or a file handed to the module. */
  bytes(value: Uint8Array): void;
  verbose(message: string): void;
  debug(message: string): void;
  warning(message: string): void;
  error(record: ErrorRecordData, terminating: boolean): void;
  progress(event: ProgressEvent): void;
  /** A What if line; with a description, the line is that sentence (see whatIfText). */
  whatIf(target: string, action: string, description?: string): void;
  /** Flushes buffered views, clears the progress bar, reports the end. */
  finish(exitCode: number): Promise<void>;
}

/** PowerShell's What if line: ShouldProcess(target, action), or ShouldProcess(description, warning, caption). */
export function whatIfText(target: string, action: string, description?: string): string {
  return description !== undefined ? `What if: ${description}` : `What if: Performing the operation "${action}" on target "${target}".`;
}

/** Gives activities PowerShell's numeric ids (ProgressRecord.ActivityId / ParentActivityId). */
export class ActivityIds {
  private readonly ids = new Map<string, number>();

  of(activity: string): number {
    let id = this.ids.get(activity);
    if (id === undefined) this.ids.set(activity, (id = this.ids.size + 1));
    return id;
  }
}
