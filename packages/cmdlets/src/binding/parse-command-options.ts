import { kebabCase, type AnyCommandDefinition, type CommandOptionSpecs } from '../definition/command-definition.js';
import { HostError } from '../errors/host-error.js';

export type ParsedCommandLine = { readonly help: true } | { readonly help: false; readonly options: Record<string, unknown> };

/**
 * GNU-style options of a non-cmdlet command: --name value, --name=value, --flag, -s value. Unknown
 * options, missing values, bad integers and values outside a choice are PCMIG-HOST-021.
 */
export function parseCommandOptions(definition: AnyCommandDefinition, args: readonly string[]): ParsedCommandLine {
  const specs = definition.options as CommandOptionSpecs;
  const byFlag = new Map<string, string>();
  for (const [key, spec] of Object.entries(specs)) {
    byFlag.set(`--${kebabCase(key)}`, key);
    if (spec.short) byFlag.set(`-${spec.short}`, key);
  }
  const fail = (message: string, target?: string) =>
    new HostError('PCMIG-HOST-021', { message: `${definition.name}: ${message}`, hint: `Run pcmig ${definition.name} --help to see its options.`, ...(target ? { target } : {}) });
  const options: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h' || arg === '-?') return { help: true };
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const key = byFlag.get(flag);
    if (!key) throw fail(flag.startsWith('-') ? `unknown option '${flag}'.` : `unexpected argument '${arg}' (options start with --).`, flag);
    const spec = specs[key]!;
    if (key in options) throw fail(`option '${flag}' is given more than once.`, flag);
    if (spec.type === 'flag') {
      if (eq > 0) throw fail(`option '${flag}' takes no value.`, flag);
      options[key] = true;
      continue;
    }
    let value: string | undefined = eq > 0 ? arg.slice(eq + 1) : args[i + 1];
    if (eq <= 0) {
      if (value === undefined || (value.startsWith('-') && value !== '-')) throw fail(`option '${flag}' needs a value.`, flag);
      i += 1;
    }
    value = value!;
    if (spec.type === 'integer') {
      if (!/^[+-]?\d+$/.test(value)) throw fail(`option '${flag}' takes a whole number, not '${value}'.`, flag);
      options[key] = Number(value);
    } else if (spec.type === 'choice') {
      if (!spec.choices!.includes(value)) throw fail(`option '${flag}' takes one of ${spec.choices!.join(', ')}, not '${value}'.`, flag);
      options[key] = value;
    } else {
      if (value === '') throw fail(`option '${flag}' needs a non-empty value.`, flag);
      options[key] = value;
    }
  }
  for (const [key, spec] of Object.entries(specs)) {
    if (key in options) continue;
    if (spec.type === 'flag') options[key] = false;
    else if (spec.defaultValue !== undefined) options[key] = spec.defaultValue;
    else if (spec.required) throw fail(`option '--${kebabCase(key)}' is required.`, `--${kebabCase(key)}`);
  }
  return { help: false, options };
}
