import type { CommandOptionSpecs } from '../definition/command-definition.js';
import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { CommandRegistry } from './command-registry.js';

/** The host's Get-Command: the cmdlets and commands it has, filtered like PowerShell's. */
export function getCommandCmdlet(registry: CommandRegistry) {
  return defineCmdlet({
    name: 'Get-Command',
    hostOnly: true,
    synopsis: 'Lists the cmdlets and commands of pcmig.',
    description: 'Lists every cmdlet and non-cmdlet command the host can run, or those whose names match -Name, -Verb or -Noun (wildcards * and ?). With -Syntax it shows the syntax lines instead.',
    confirmImpact: 'None',
    parameters: {
      Name: { type: 'String[]', position: 0, description: 'Names to match (wildcards * and ?).' },
      Verb: { type: 'String[]', description: 'Verbs to match (the part before the dash).' },
      Noun: { type: 'String[]', description: 'Nouns to match (the part after the dash).' },
      Syntax: { type: 'SwitchParameter', description: 'Shows the syntax of each cmdlet instead of the list.' },
    },
    examples: [
      { code: 'pcmig Get-Command', remarks: 'Lists everything the host can run.' },
      { code: 'pcmig Get-Command -Noun CsPersistentChatRoom -Syntax', remarks: 'Shows the syntax of the room cmdlets.' },
    ],
    outputs: { typeName: 'Pcmig.CommandInfo', description: 'CommandType, Name, Version and Source of each command.', view: 'table' },
    async run(values) {
      const { wildcard } = await import('../help/render-help.js');
      const { readVersion } = await import('../host/read-version.js');
      const anyOf = (patterns: readonly string[] | undefined, text: string) => !patterns || patterns.some((p) => wildcard(p).test(text));
      const version = readVersion();
      const cmdlets = registry.cmdlets.filter((c) => {
        const [verb = '', noun = ''] = c.name.split('-');
        return anyOf(values.Name, c.name) && anyOf(values.Verb, verb) && anyOf(values.Noun, noun);
      });
      const commands = values.Verb || values.Noun ? [] : registry.commands.filter((c) => anyOf(values.Name, c.name));
      if (values.Syntax) {
        const { renderSyntax } = await import('../help/render-syntax.js');
        const { optionLabel } = await import('../help/render-command-help.js');
        return [
          ...cmdlets.flatMap((c) => [...renderSyntax(c), '']),
          ...commands.map((c) => `pcmig ${c.name} ${Object.entries(c.options as CommandOptionSpecs).map(([k, s]) => `[${optionLabel(k, s)}]`).join(' ')}\n`),
        ];
      }
      return [
        ...cmdlets.map((c) => ({ CommandType: 'Cmdlet', Name: c.name, Version: version, Source: c.hostOnly ? 'pcmig (host)' : 'pcmig' })),
        ...commands.map((c) => ({ CommandType: 'Command', Name: c.name, Version: version, Source: 'pcmig' })),
      ];
    },
  });
}
