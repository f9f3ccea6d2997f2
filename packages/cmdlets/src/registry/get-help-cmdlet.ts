import { defineCmdlet } from '../definition/define-cmdlet.js';
import { HostError } from '../errors/host-error.js';
import type { CommandRegistry } from './command-registry.js';

/** The host's Get-Help: a cmdlet's page (default, -Detailed, -Full, -Examples, -Parameter) or a command's help. */
export function getHelpCmdlet(registry: CommandRegistry) {
  return defineCmdlet({
    name: 'Get-Help',
    hostOnly: true,
    synopsis: 'Shows the help of a pcmig cmdlet or command.',
    description:
      'Shows the help page of a cmdlet in Get-Help\'s layout: NAME, SYNOPSIS, SYNTAX, DESCRIPTION and REMARKS by default; parameters with -Detailed; parameter attributes, inputs, outputs and notes with -Full; only the examples with -Examples; one parameter with -Parameter. Without a name it shows the host\'s usage. "pcmig <Cmdlet> -?" and "pcmig help <Cmdlet>" do the same.',
    defaultParameterSet: 'AllUsersView',
    confirmImpact: 'None',
    parameters: {
      Name: { type: 'String', position: 0, description: 'The cmdlet or command to describe.' },
      Full: { type: 'SwitchParameter', sets: ['AllUsersView'], description: 'The whole page, with the attributes of every parameter.' },
      Detailed: { type: 'SwitchParameter', sets: ['DetailedView'], mandatory: ['DetailedView'], description: 'The page with parameter descriptions and examples.' },
      Examples: { type: 'SwitchParameter', sets: ['Examples'], mandatory: ['Examples'], description: 'Only the name, synopsis and examples.' },
      Parameter: { type: 'String', sets: ['Parameters'], mandatory: ['Parameters'], description: 'Only the parameters whose names match (wildcards * and ?).' },
    },
    examples: [
      { code: 'pcmig Get-Help Get-CsPersistentChatRoom -Examples', remarks: 'Shows the examples of Get-CsPersistentChatRoom.' },
      { code: 'pcmig Get-Help Get-CsPersistentChatRoom -Parameter DB*', remarks: 'Describes -DBInstance and -DBName.' },
    ],
    outputs: { typeName: 'System.String', description: 'The help text.', view: 'list' },
    async run(values, context) {
      const { renderUsage } = await import('../help/render-usage.js');
      if (values.Name === undefined) return renderUsage(registry, context.width);
      const { findCmdlet, findCommand, knownNames } = await import('./command-registry.js');
      const cmdlet = findCmdlet(registry, values.Name);
      if (cmdlet) {
        const { renderHelp } = await import('../help/render-help.js');
        const view = values.Parameter !== undefined ? 'parameter' : values.Examples ? 'examples' : values.Detailed ? 'detailed' : values.Full ? 'full' : 'default';
        return renderHelp(cmdlet, view, context.width, values.Parameter);
      }
      const command = findCommand(registry, values.Name);
      if (command) {
        const { renderCommandHelp } = await import('../help/render-command-help.js');
        return renderCommandHelp(command, context.width);
      }
      const { suggestNames } = await import('../help/suggest-names.js');
      throw unknownCommand(values.Name, suggestNames(values.Name, knownNames(registry)));
    },
  });
}

/** PowerShell's CommandNotFoundException text, with the nearest names. */
export function unknownCommand(name: string, suggestions: readonly string[]): HostError {
  return new HostError('PCMIG-HOST-001', {
    message: `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.${
      suggestions.length ? ` Did you mean: ${suggestions.join(', ')}?` : ' Run pcmig Get-Command to list the cmdlets.'
    }`,
    target: name,
    reason: { name, suggestions, powershellErrorId: 'CommandNotFoundException' },
  });
}
