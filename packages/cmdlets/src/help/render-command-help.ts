import { kebabCase, type AnyCommandDefinition, type CommandOptionSpec, type CommandOptionSpecs } from '../definition/command-definition.js';
import { wrapText } from './wrap-text.js';

const I1 = '    ';
const I2 = '        ';

export function optionLabel(key: string, spec: CommandOptionSpec): string {
  const flag = `--${kebabCase(key)}${spec.short ? `, -${spec.short}` : ''}`;
  if (spec.type === 'flag') return flag;
  const value = spec.type === 'choice' ? `<${spec.choices!.join('|')}>` : `<${spec.type === 'path' ? 'path' : spec.type === 'integer' ? 'n' : 'text'}>`;
  return `${flag} ${value}`;
}

/** `pcmig <command> --help`: usage line, description, options and examples. */
export function renderCommandHelp(definition: AnyCommandDefinition, width: number): string {
  const options = Object.entries(definition.options as CommandOptionSpecs);
  const usage = `pcmig ${definition.name} ${options
    .map(([key, spec]) => {
      const label = optionLabel(key, spec).replace(/, -[a-zA-Z]/, '');
      return spec.required ? label : `[${label}]`;
    })
    .join(' ')}`.trimEnd();
  const optionText = options
    .map(([key, spec]) => {
      const extra = spec.defaultValue !== undefined ? ` (default: ${String(spec.defaultValue)})` : spec.required ? ' (required)' : '';
      return `${I1}${optionLabel(key, spec)}\n${wrapText(spec.description + extra, width, I2)}`;
    })
    .concat(`${I1}--help, -h\n${I2}Shows this help.`)
    .join('\n\n');
  const examples = definition.examples.map((e) => `${I1}${e.code}\n${wrapText(e.remarks, width, I2)}`).join('\n\n');
  return [
    '',
    `NAME\n${I1}${definition.name}`,
    `SYNOPSIS\n${wrapText(definition.synopsis, width, I1)}`,
    `USAGE\n${wrapText(usage, width, I1)}`,
    `DESCRIPTION\n${wrapText(definition.description, width, I1)}`,
    `OPTIONS\n${optionText}`,
    `EXAMPLES\n${examples}`,
    '',
  ].join('\n\n');
}
