/** The host's exit codes (docs/cmdlets.md). */
export const EXIT_CODES = {
  /** The command completed and wrote no error. */
  success: 0,
  /** The command completed but wrote one or more non-terminating errors ($? is $false in PowerShell). */
  nonTerminatingErrors: 1,
  /** A terminating error stopped the command (or -ErrorAction/-WarningAction Stop did). */
  terminatingError: 2,
  /** The command line was refused (unknown command, parameter binding, confirmation impossible): nothing ran. */
  commandLineRejected: 3,
  /** Interrupted (Ctrl+C). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
