import type { ErrorDefinition } from '@pcmig/core/errors';

/**
 * The HOST area's error ids: the cmdlet host, the PowerShell module it generates, and the read-only
 * Get- cmdlets implemented in this package. Plain data, so the host can raise them without loading
 * @pcmig/core at start-up; src/index.ts registers them with defineErrorCatalog('HOST', …).
 * Listed in docs/errors/host.md.
 */
export const HOST_ERROR_DEFINITIONS = {
  'PCMIG-HOST-001': {
    category: 'ObjectNotFound',
    title: 'The command is not a pcmig cmdlet or command.',
    hint: 'Check the spelling (the nearest names are in the message), or run pcmig Get-Command to list every cmdlet.',
  },
  'PCMIG-HOST-002': {
    category: 'InvalidArgument',
    title: 'No parameter matches the name given.',
    hint: 'Run pcmig Get-Help <cmdlet> to see the parameters of the cmdlet.',
  },
  'PCMIG-HOST-003': {
    category: 'InvalidArgument',
    title: 'The abbreviated parameter name matches more than one parameter.',
    hint: 'Type more of the parameter name; the possible matches are in the message.',
  },
  'PCMIG-HOST-004': {
    category: 'InvalidArgument',
    title: 'A mandatory parameter is missing.',
    hint: 'Give the missing parameters; pcmig never prompts for them.',
  },
  'PCMIG-HOST-005': {
    category: 'InvalidArgument',
    title: "The argument cannot be converted to the parameter's type.",
    hint: 'Booleans take $true/$false (true/false, 1/0), dates yyyy-MM-dd[THH:mm[:ss]] or M/d/yyyy, arrays a,b,c, byte input - (standard input) or @<path>.',
  },
  'PCMIG-HOST-006': {
    category: 'InvalidData',
    title: "The argument does not pass the parameter's validation.",
    hint: 'The message names the rule (ValidateSet, ValidateRange, ValidateLength, ValidatePattern, ValidateNotNullOrEmpty); pcmig Get-Help <cmdlet> -Full lists each parameter.',
  },
  'PCMIG-HOST-007': {
    category: 'InvalidArgument',
    title: 'The parameter set cannot be resolved from the parameters given.',
    hint: 'Some parameters cannot be used together, or too few were given; the SYNTAX section of pcmig Get-Help <cmdlet> shows each parameter set.',
  },
  'PCMIG-HOST-008': {
    category: 'InvalidArgument',
    title: 'No positional parameter accepts the argument.',
    hint: 'Name the parameter (-Name value), or quote a value that contains spaces.',
  },
  'PCMIG-HOST-009': {
    category: 'InvalidArgument',
    title: 'A parameter is given more than once.',
    hint: 'Give each parameter once; pass several values to an array parameter as -Parameter a,b,c.',
  },
  'PCMIG-HOST-010': {
    category: 'InvalidArgument',
    title: 'A parameter is missing its argument.',
    hint: 'Put the value after the parameter name (-Name value or -Name:value).',
  },
  'PCMIG-HOST-011': {
    category: 'InvalidOperation',
    title: 'Confirmation is required but there is no terminal to ask on.',
    hint: 'Run the command in a terminal to answer the prompt, or add -Confirm:$false (or -Force where the cmdlet has it) to proceed without one.',
  },
  'PCMIG-HOST-012': {
    category: 'OperationStopped',
    title: 'The command was stopped at the confirmation prompt.',
    hint: 'Nothing after the prompt was done. Run the command again to proceed.',
  },
  'PCMIG-HOST-013': {
    category: 'NotSpecified',
    title: 'The command failed with an unexpected internal error.',
    hint: 'This is a defect in pcmig: report it with the command line (without credentials) and the cause shown.',
  },
  'PCMIG-HOST-014': {
    category: 'InvalidArgument',
    title: 'The host option is not known.',
    hint: 'Host options are --help, --version, --json, --records and --no-color; cmdlet parameters start with a single dash.',
  },
  'PCMIG-HOST-015': {
    category: 'NotInstalled',
    title: "The cmdlet's engine cannot be loaded.",
    hint: 'Build the workspace (npm run build) or reinstall pcmig; the cause names the missing module.',
  },
  'PCMIG-HOST-016': {
    category: 'ResourceUnavailable',
    title: 'The PowerShell module cannot start the pcmig host.',
    hint: 'Install Node.js 20 or later and put node on PATH (or set PCMIG_NODE), and keep the module beside the host (or set PCMIG_HOST_SCRIPT).',
  },
  'PCMIG-HOST-017': {
    category: 'ProtocolError',
    title: 'The pcmig host ended without reporting a result.',
    hint: 'The host stopped unexpectedly; the message carries its exit code and the end of its standard error.',
  },
  'PCMIG-HOST-018': {
    category: 'ReadError',
    title: 'The byte input cannot be read.',
    hint: 'Give -ParameterName - to read standard input, or @<path> naming a readable file.',
  },
  'PCMIG-HOST-019': {
    category: 'InvalidOperation',
    title: 'Binary output is not written to a terminal.',
    hint: 'Redirect standard output to a file or pipe it to another pcmig command, or use -FileName where the cmdlet has it.',
  },
  'PCMIG-HOST-020': {
    category: 'ObjectNotFound',
    title: 'No category, chat room or add-in has the identity given.',
    hint: 'Identities are <Name> or <PersistentChatPoolFqdn>\\<Name>; run the Get- cmdlet without -Identity to list what exists.',
  },
  'PCMIG-HOST-021': {
    category: 'InvalidArgument',
    title: 'The option of the command is not valid.',
    hint: 'Run pcmig <command> --help to see its options.',
  },
  'PCMIG-HOST-022': {
    category: 'OperationStopped',
    title: 'The command stopped at a warning because -WarningAction is Stop.',
    hint: 'Read the warning; run again with -WarningAction Continue to go on despite it.',
  },
} as const satisfies Record<string, ErrorDefinition>;

export type HostErrorId = keyof typeof HOST_ERROR_DEFINITIONS;
