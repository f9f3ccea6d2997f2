import type { AnyCmdletDefinition } from '../definition/cmdlet-definition.js';
import {
  COMMON_PARAMETERS,
  POWERSHELL_ONLY_COMMON_PARAMETERS,
  SHOULD_PROCESS_PARAMETERS,
  type ActionPreference,
  type CommonValues,
  type OutputFormat,
} from '../definition/common-parameters.js';
import { parameterSetsOf } from '../definition/define-cmdlet.js';
import { belongsToSet, isMandatoryIn, type ParameterSpec, type ParameterSpecs } from '../definition/parameter-spec.js';
import { HostError } from '../errors/host-error.js';
import { convertArgument, dotnetTypeName } from './convert-argument.js';
import { parseDateArgument } from './parse-date-argument.js';
import { resolveParameterName, type NamedParameter } from './resolve-parameter-name.js';
import { tokenizeCommandLine, type CommandLineToken } from './tokenize-command-line.js';
import { validateArgument } from './validate-argument.js';

export interface BindingResult {
  /** Declared parameter → bound value (defaults and absent switches filled in). */
  readonly values: Record<string, unknown>;
  /** Parameters given on the command line. */
  readonly bound: ReadonlySet<string>;
  readonly parameterSetName: string;
  readonly common: CommonValues;
}

/**
 * Binds a command line to a cmdlet the way PowerShell does: named parameters first (names,
 * aliases, unique prefixes, -Name:value), then positional arguments in position order within
 * the parameter sets still possible, then the parameter set is chosen and mandatory parameters
 * checked. Every failure is a HostError with PowerShell's ParameterBindingException wording;
 * nothing runs before binding has succeeded.
 */
export function bindParameters(definition: AnyCmdletDefinition, args: readonly string[]): BindingResult {
  const cmdlet = definition.name;
  const declared = definition.parameters as ParameterSpecs;
  const table: NamedParameter[] = [
    ...Object.entries(declared).map(([name, spec]) => ({ name, spec, common: false })),
    ...Object.entries(COMMON_PARAMETERS).map(([name, spec]) => ({ name, spec: spec as ParameterSpec, common: true })),
    ...(definition.shouldProcess ? Object.entries(SHOULD_PROCESS_PARAMETERS).map(([name, spec]) => ({ name, spec: spec as ParameterSpec, common: true })) : []),
  ];
  const values: Record<string, unknown> = {};
  const commonValues: Record<string, unknown> = {};
  const bound = new Set<string>();
  const positional: string[] = [];
  const tokens = tokenizeCommandLine(args);

  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.kind === 'value') {
      positional.push(token.text);
      continue;
    }
    const parameter = resolve(cmdlet, token, table);
    const target = parameter.common ? commonValues : values;
    if (parameter.name in target) {
      throw new HostError('PCMIG-HOST-009', {
        message: `Cannot bind parameter because parameter '${parameter.name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`,
        target: parameter.name,
        reason: { cmdlet, parameter: parameter.name, powershellErrorId: 'ParameterAlreadyBound' },
      });
    }
    let argument: string | undefined;
    if (token.colonValue !== undefined && token.colonValue !== '') {
      argument = token.colonValue;
    } else if (parameter.spec.type === 'SwitchParameter' && token.colonValue === undefined) {
      argument = undefined;
    } else {
      const next = tokens[i + 1];
      if (!next || (next.kind === 'parameter' && token.colonValue === undefined)) throw missingArgument(cmdlet, parameter);
      argument = next.text;
      i += 1;
      if (parameter.spec.type === 'String[]') {
        // `-Scope a, b, c`: the shell split the list at the blanks; a trailing comma continues it.
        while (argument.trimEnd().endsWith(',') && tokens[i + 1]?.kind === 'value') {
          argument += tokens[i + 1]!.text;
          i += 1;
        }
      }
    }
    target[parameter.name] = argument === undefined ? true : validateArgument(parameter.name, parameter.spec, convertArgument(parameter.name, parameter.spec, argument));
    if (!parameter.common) bound.add(parameter.name);
  }

  const allSets = parameterSetsOf(definition);
  let candidates = allSets.filter((set) => [...bound].every((name) => belongsToSet(declared[name]!, set)));
  if (candidates.length === 0) throw ambiguousSet(cmdlet, [...bound]);

  // Positional arguments, in position order, to parameters of the sets still possible.
  for (let p = 0; p < positional.length; p += 1) {
    const available = Object.entries(declared)
      .filter(([name, spec]) => spec.position !== undefined && !bound.has(name) && candidates.some((set) => belongsToSet(spec, set)))
      .sort(([, a], [, b]) => a.position! - b.position! || Number(belongsToSet(b, definition.defaultParameterSet ?? '')) - Number(belongsToSet(a, definition.defaultParameterSet ?? '')));
    const next = available[0];
    if (!next) {
      throw new HostError('PCMIG-HOST-008', {
        message: `A positional parameter cannot be found that accepts argument '${positional[p]}'.`,
        target: positional[p]!,
        reason: { cmdlet, argument: positional[p], powershellErrorId: 'PositionalParameterNotFound' },
      });
    }
    const [name, spec] = next;
    let argument = positional[p]!;
    if (spec.type === 'String[]') {
      while (argument.trimEnd().endsWith(',') && p + 1 < positional.length) argument += positional[++p]!;
    }
    values[name] = validateArgument(name, spec, convertArgument(name, spec, argument));
    bound.add(name);
    candidates = candidates.filter((set) => belongsToSet(spec, set));
  }

  const parameterSetName = chooseParameterSet(definition, candidates, bound);
  const missing = Object.entries(declared)
    .filter(([name, spec]) => isMandatoryIn(spec, parameterSetName) && !bound.has(name))
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new HostError('PCMIG-HOST-004', {
      message: `Cannot process command because of one or more missing mandatory parameters: ${missing.join(' ')}.`,
      target: missing.join(','),
      reason: { cmdlet, parameterSet: parameterSetName, missing, powershellErrorId: 'MissingMandatoryParameter' },
    });
  }

  for (const [name, spec] of Object.entries(declared)) {
    if (name in values || !belongsToSet(spec, parameterSetName)) continue;
    if (spec.type === 'SwitchParameter') values[name] = false;
    else if (spec.defaultValue !== undefined) values[name] = spec.type === 'DateTime' ? parseDateArgument(String(spec.defaultValue)) : spec.defaultValue;
  }

  return { values, bound, parameterSetName, common: commonOf(commonValues) };
}

/**
 * One set left: it. Several: the default set if still possible, else the only one whose mandatory
 * parameters are all given; otherwise the sets cannot be told apart (AmbiguousParameterSet).
 */
function chooseParameterSet(definition: AnyCmdletDefinition, candidates: readonly string[], bound: ReadonlySet<string>): string {
  if (candidates.length === 1) return candidates[0]!;
  if (definition.defaultParameterSet && candidates.includes(definition.defaultParameterSet)) return definition.defaultParameterSet;
  const declared = definition.parameters as ParameterSpecs;
  const satisfied = candidates.filter((set) => Object.entries(declared).every(([name, spec]) => !isMandatoryIn(spec, set) || bound.has(name)));
  if (satisfied.length === 1) return satisfied[0]!;
  throw ambiguousSet(definition.name, [...bound], candidates);
}

function resolve(cmdlet: string, token: Extract<CommandLineToken, { kind: 'parameter' }>, table: readonly NamedParameter[]): NamedParameter {
  const resolution = resolveParameterName(token.name, table);
  if (resolution.kind === 'found') return resolution.parameter;
  if (resolution.kind === 'ambiguous') {
    throw new HostError('PCMIG-HOST-003', {
      message: `Parameter cannot be processed because the parameter name '${token.name}' is ambiguous. Possible matches include: ${resolution.matches.map((m) => `-${m.name}`).join(' ')}.`,
      target: token.name,
      reason: { cmdlet, parameter: token.name, matches: resolution.matches.map((m) => m.name), powershellErrorId: 'AmbiguousParameter' },
    });
  }
  const powershellOnly = POWERSHELL_ONLY_COMMON_PARAMETERS.find((name) => name.toLowerCase() === token.name.toLowerCase());
  throw new HostError('PCMIG-HOST-002', {
    message: `A parameter cannot be found that matches parameter name '${token.name}'.`,
    target: token.name,
    reason: { cmdlet, parameter: token.name, powershellErrorId: 'NamedParameterNotFound' },
    ...(powershellOnly ? { hint: `-${powershellOnly} is a PowerShell common parameter: use it through the PowerShell module (Import-Module PersistentChatMigration).` } : {}),
  });
}

function missingArgument(cmdlet: string, parameter: NamedParameter): HostError {
  return new HostError('PCMIG-HOST-010', {
    message: `Missing an argument for parameter '${parameter.name}'. Specify a parameter of type '${dotnetTypeName(parameter.spec.type)}' and try again.`,
    target: parameter.name,
    reason: { cmdlet, parameter: parameter.name, powershellErrorId: 'MissingArgument' },
  });
}

function ambiguousSet(cmdlet: string, bound: readonly string[], candidates?: readonly string[]): HostError {
  return new HostError('PCMIG-HOST-007', {
    message:
      'Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.',
    target: cmdlet,
    reason: { cmdlet, parameters: bound, ...(candidates ? { possibleSets: candidates } : {}), powershellErrorId: 'AmbiguousParameterSet' },
  });
}

function commonOf(given: Record<string, unknown>): CommonValues {
  const action = (name: string): ActionPreference => (given[name] as ActionPreference | undefined) ?? 'Continue';
  return {
    verbose: given.Verbose === true,
    debug: given.Debug === true,
    errorAction: action('ErrorAction'),
    warningAction: action('WarningAction'),
    progressAction: action('ProgressAction'),
    ...(given.OutputFormat !== undefined ? { outputFormat: given.OutputFormat as OutputFormat } : {}),
    whatIf: given.WhatIf === true,
    ...(given.Confirm !== undefined ? { confirm: given.Confirm === true } : {}),
  };
}
