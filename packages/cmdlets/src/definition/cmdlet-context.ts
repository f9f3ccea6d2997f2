import type { ProgressEvent } from '@pcmig/core';

/**
 * What a cmdlet's run receives besides its parameters: PowerShell's output streams and
 * ShouldProcess, independent of where the output goes (a terminal, JSON, the PowerShell module).
 */
export interface CmdletContext {
  readonly commandName: string;
  readonly parameterSetName: string;
  /** Parameters given explicitly (not filled from a default), by their declared names. */
  readonly boundParameters: ReadonlySet<string>;
  /** -WhatIf was given and the cmdlet reports what it would do (ShouldProcess `whatIf: 'engine'`). */
  readonly whatIf: boolean;
  /** Aborted on Ctrl+C: long work should stop cleanly. */
  readonly signal: AbortSignal;
  /** Columns of the text output (for cmdlets that write preformatted text, such as Get-Help). */
  readonly width: number;
  /** The host's environment (PCMIG_DEPLOYMENT, credential variables): the process's, or a test's. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The current directory relative paths are taken from. */
  readonly cwd: string;
  /** Emits one object to the pipeline. Arrays are one object too (use a loop to emit elements). */
  writeObject(value: unknown): void;
  writeVerbose(message: string): void;
  writeDebug(message: string): void;
  writeWarning(message: string): void;
  /** A non-terminating error: reported, and the command goes on (-ErrorAction Stop makes it terminating). */
  writeError(error: unknown): void;
  writeProgress(event: ProgressEvent): void;
  /**
   * PowerShell's ShouldProcess for one item: false under -WhatIf (after reporting "What if: …"),
   * the answer of the confirmation prompt under -Confirm, true otherwise. With a `description`
   * (a whole sentence), the What if line is "What if: <description>", as PowerShell's
   * ShouldProcess(verboseDescription, verboseWarning, caption) prints it.
   */
  shouldProcess(target: string, action: string, description?: string): Promise<boolean>;
}

/** What a non-cmdlet command (rehearse, …) receives besides its options. */
export interface CommandContext {
  readonly commandName: string;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Whether stdout is an interactive terminal. */
  readonly interactive: boolean;
  readonly signal: AbortSignal;
  writeVerbose(message: string): void;
  writeWarning(message: string): void;
  writeProgress(event: ProgressEvent): void;
}
