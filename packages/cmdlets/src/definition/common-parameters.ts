import type { ParameterSpecs } from './parameter-spec.js';

export const ACTION_PREFERENCES = ['Continue', 'Ignore', 'SilentlyContinue', 'Stop'] as const;
export type ActionPreference = (typeof ACTION_PREFERENCES)[number];

export const OUTPUT_FORMATS = ['Text', 'Json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * PowerShell's common parameters that the host implements for every cmdlet (with PowerShell's
 * aliases), plus -OutputFormat (pwsh's own name for it). The PowerShell module gets the real ones
 * from [CmdletBinding()] and leaves -OutputFormat out.
 */
export const COMMON_PARAMETERS = {
  Verbose: { type: 'SwitchParameter', aliases: ['vb'], description: 'Writes verbose messages (on standard error).' },
  Debug: { type: 'SwitchParameter', aliases: ['db'], description: 'Writes debug messages (on standard error).' },
  ErrorAction: {
    type: 'String',
    aliases: ['ea'],
    validateSet: ACTION_PREFERENCES,
    description: 'What a non-terminating error does: Continue (report it and go on), SilentlyContinue or Ignore (go on quietly), Stop (end the command).',
  },
  WarningAction: {
    type: 'String',
    aliases: ['wa'],
    validateSet: ACTION_PREFERENCES,
    description: 'What a warning does: Continue (show it), SilentlyContinue or Ignore (hide it), Stop (end the command).',
  },
  ProgressAction: {
    type: 'String',
    aliases: ['proga'],
    validateSet: ACTION_PREFERENCES,
    description: 'SilentlyContinue or Ignore hide the progress bar.',
  },
  OutputFormat: {
    type: 'String',
    aliases: ['of'],
    validateSet: OUTPUT_FORMATS,
    description: 'Text (default: formatted like PowerShell) or Json (one JSON document per object, per line). Same as --json.',
  },
} as const satisfies ParameterSpecs;

/** -WhatIf and -Confirm, for cmdlets that support ShouldProcess. */
export const SHOULD_PROCESS_PARAMETERS = {
  WhatIf: { type: 'SwitchParameter', aliases: ['wi'], description: 'Shows what the cmdlet would do, without doing it.' },
  Confirm: { type: 'SwitchParameter', aliases: ['cf'], description: 'Asks for confirmation before doing it.' },
} as const satisfies ParameterSpecs;

export type CommonParameterName = keyof typeof COMMON_PARAMETERS | keyof typeof SHOULD_PROCESS_PARAMETERS;

/** The common parameter values of one invocation. */
export interface CommonValues {
  readonly verbose: boolean;
  readonly debug: boolean;
  readonly errorAction: ActionPreference;
  readonly warningAction: ActionPreference;
  readonly progressAction: ActionPreference;
  readonly outputFormat?: OutputFormat;
  readonly whatIf: boolean;
  /** undefined: not given (ConfirmImpact decides), true: -Confirm, false: -Confirm:$false. */
  readonly confirm?: boolean;
}

/** PowerShell's names of the common parameters the host does not implement (they make sense only inside PowerShell). */
export const POWERSHELL_ONLY_COMMON_PARAMETERS = [
  'ErrorVariable',
  'WarningVariable',
  'InformationAction',
  'InformationVariable',
  'OutVariable',
  'OutBuffer',
  'PipelineVariable',
] as const;
