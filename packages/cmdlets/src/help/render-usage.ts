import type { CommandRegistry } from '../registry/command-registry.js';
import { readVersion } from '../host/read-version.js';
import { EXIT_CODES } from '../host/exit-codes.js';

/** `pcmig --help`: how to call the host, what it has, its options and exit codes. Loads nothing heavy. */
export function renderUsage(registry: CommandRegistry, width: number): string {
  const column = (rows: readonly [string, string][]) => {
    const pad = Math.max(...rows.map(([a]) => a.length)) + 2;
    return rows.map(([a, b]) => `  ${a.padEnd(pad)}${b.length + pad + 2 > width ? `${b.slice(0, Math.max(10, width - pad - 3))}…` : b}`).join('\n');
  };
  const cmdlets = registry.cmdlets.filter((c) => !c.hostOnly);
  const builtins = registry.cmdlets.filter((c) => c.hostOnly);
  const sections = [
    `pcmig ${readVersion()} — Group Chat to Persistent Chat migration, with PowerShell's cmdlet conventions.`,
    [
      'Usage:',
      '  pcmig <Cmdlet> [-Parameter value] [-Switch] [-Switch:$false] [-Array a,b,c] [<CommonParameters>]',
      '  pcmig <command> [--option value]',
      '  pcmig Get-Help <Cmdlet> [-Detailed | -Full | -Examples | -Parameter <Name>]     (or: pcmig <Cmdlet> -?)',
      '  pcmig Get-Command [<Name>] [-Syntax]',
    ].join('\n'),
    `Cmdlets:\n${cmdlets.length ? column(cmdlets.map((c) => [c.name, c.synopsis])) : '  (none)'}`,
    ...(registry.commands.length ? [`Commands:\n${column(registry.commands.map((c) => [c.name, c.synopsis]))}`] : []),
    `Host cmdlets:\n${column(builtins.map((c) => [c.name, c.synopsis]))}`,
    [
      'Common parameters: -Verbose (-vb), -Debug (-db), -ErrorAction (-ea), -WarningAction (-wa), -ProgressAction,',
      '  -OutputFormat Text|Json (-of); -WhatIf (-wi) and -Confirm (-cf) where the cmdlet supports ShouldProcess.',
    ].join('\n'),
    `Host options:\n${column([
      ['--help, -h, -?', 'This text; with a cmdlet or command, its help.'],
      ['--version', 'The version of pcmig.'],
      ['--json', 'One JSON document per output object (same as -OutputFormat Json).'],
      ['--records', 'The PowerShell module protocol: one JSON record per line for every stream.'],
      ['--no-color', 'No colour on a terminal (NO_COLOR is honoured too).'],
    ])}`,
    `Exit codes: ${EXIT_CODES.success} done, ${EXIT_CODES.nonTerminatingErrors} done with errors, ${EXIT_CODES.terminatingError} stopped by an error, ${EXIT_CODES.commandLineRejected} command line refused (nothing ran), ${EXIT_CODES.interrupted} interrupted.`,
    'In PowerShell: Import-Module <pcmig>/packages/cmdlets/dist/module/PersistentChatMigration.psd1',
  ];
  return `${sections.join('\n\n')}\n`;
}
