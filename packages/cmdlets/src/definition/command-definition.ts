import type { CommandContext } from './cmdlet-context.js';

/**
 * Non-cmdlet commands (`pcmig rehearse …`) take GNU-style options: `--name value`, `--name=value`,
 * `--flag`, and a one-letter `-n value` where declared.
 */
export interface CommandOptionSpec {
  readonly type: 'string' | 'path' | 'integer' | 'choice' | 'flag';
  readonly description: string;
  /** The allowed values of a choice (exact, lower-case by convention). */
  readonly choices?: readonly string[];
  readonly defaultValue?: string | number | boolean;
  readonly short?: string;
  readonly required?: boolean;
}

export type CommandOptionSpecs = Readonly<Record<string, CommandOptionSpec>>;

type OptionValue<S extends CommandOptionSpec> = S['type'] extends 'flag'
  ? boolean
  : S['type'] extends 'integer'
    ? number
    : S extends { readonly choices: readonly (infer V extends string)[] }
      ? V
      : string;

type AlwaysPresent<S extends CommandOptionSpec> = S['type'] extends 'flag'
  ? true
  : S extends { readonly required: true }
    ? true
    : S extends { readonly defaultValue: string | number | boolean }
      ? true
      : false;

/** Options keyed by their camelCase name (--out-dir → outDir). */
export type CommandOptions<O extends CommandOptionSpecs> = {
  -readonly [K in keyof O as AlwaysPresent<O[K]> extends true ? K : never]: OptionValue<O[K]>;
} & {
  -readonly [K in keyof O as AlwaysPresent<O[K]> extends true ? never : K]?: OptionValue<O[K]>;
};

export interface CommandExample {
  readonly code: string;
  readonly remarks: string;
}

export interface CommandDefinition<O extends CommandOptionSpecs = CommandOptionSpecs> {
  readonly kind: 'command';
  /** Lower-case, e.g. "rehearse". */
  readonly name: string;
  readonly synopsis: string;
  readonly description: string;
  /** Keys are camelCase; on the command line they are kebab-case (outDir → --out-dir). */
  readonly options: O;
  readonly examples: readonly CommandExample[];
  /** Does the work and returns the exit code (0 when nothing is returned). */
  run(options: CommandOptions<O>, context: CommandContext): Promise<number | void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- run's option type varies per command; parsing checks values against the specs.
export type AnyCommandDefinition = CommandDefinition<any>;

const COMMAND_NAME = /^[a-z][a-z0-9-]*$/;
const OPTION_KEY = /^[a-z][A-Za-z0-9]*$/;

/** Declares a non-cmdlet command (checked at once, like defineCmdlet). */
export function defineCommand<const O extends CommandOptionSpecs>(definition: Omit<CommandDefinition<O>, 'kind'>): CommandDefinition<O> {
  const problems: string[] = [];
  if (!COMMAND_NAME.test(definition.name)) problems.push(`name '${definition.name}' is not lower-case kebab-case`);
  if (definition.examples.length === 0) problems.push('at least one example is required');
  const shorts = new Set<string>();
  for (const [key, spec] of Object.entries(definition.options as CommandOptionSpecs)) {
    if (!OPTION_KEY.test(key)) problems.push(`option key '${key}' is not camelCase`);
    if (key === 'help') problems.push('--help is provided by the host');
    if (spec.type === 'choice' && (!spec.choices || spec.choices.length === 0)) problems.push(`--${kebabCase(key)}: a choice needs choices`);
    if (spec.short !== undefined) {
      if (!/^[a-zA-Z]$/.test(spec.short) || spec.short === 'h' || shorts.has(spec.short)) problems.push(`--${kebabCase(key)}: short name '${spec.short}' is not usable`);
      shorts.add(spec.short);
    }
    if (spec.defaultValue !== undefined && spec.choices && !spec.choices.includes(String(spec.defaultValue))) {
      problems.push(`--${kebabCase(key)}: default is not one of its choices`);
    }
  }
  if (problems.length > 0) throw new Error(`Command definition ${definition.name} is invalid:\n- ${problems.join('\n- ')}`);
  return { kind: 'command', ...definition };
}

export function kebabCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
