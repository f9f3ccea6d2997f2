import type { AnyCmdletDefinition, CmdletDefinition } from './cmdlet-definition.js';
import { COMMON_PARAMETERS, SHOULD_PROCESS_PARAMETERS } from './common-parameters.js';
import { ALL_PARAMETER_SETS, type ParameterSpecs } from './parameter-spec.js';
import { targetParameters } from './target-template.js';

const VERB_NOUN = /^[A-Z][a-z]+-[A-Z][A-Za-z0-9]+$/;
const PARAMETER_NAME = /^[A-Z][A-Za-z0-9]*$/;

/**
 * Declares a cmdlet. The definition is checked at once (a broken definition is a programming
 * error, found when the registry loads, long before a user binds a parameter).
 */
export function defineCmdlet<const P extends ParameterSpecs>(definition: Omit<CmdletDefinition<P>, 'kind'>): CmdletDefinition<P> {
  const full: CmdletDefinition<P> = { kind: 'cmdlet', ...definition };
  const problems = definitionProblems(full);
  if (problems.length > 0) throw new Error(`Cmdlet definition ${definition.name} is invalid:\n- ${problems.join('\n- ')}`);
  return full;
}

/** The parameter sets a definition declares, in declaration order (or PowerShell's single implicit set). */
export function parameterSetsOf(definition: AnyCmdletDefinition): string[] {
  const sets: string[] = [];
  if (definition.defaultParameterSet) sets.push(definition.defaultParameterSet);
  for (const spec of Object.values(definition.parameters as ParameterSpecs)) {
    for (const set of spec.sets ?? []) if (!sets.includes(set)) sets.push(set);
  }
  return sets.length > 0 ? sets : [ALL_PARAMETER_SETS];
}

export function definitionProblems(definition: AnyCmdletDefinition): string[] {
  const problems: string[] = [];
  const parameters = definition.parameters as ParameterSpecs;
  if (!VERB_NOUN.test(definition.name)) problems.push(`name '${definition.name}' is not Verb-Noun`);
  if (definition.synopsis.trim() === '' || definition.description.trim() === '') problems.push('synopsis and description are required');
  if (definition.examples.length === 0) problems.push('at least one example is required');
  for (const example of definition.examples) {
    if (!example.code.toLowerCase().includes(definition.name.toLowerCase())) problems.push(`example '${example.code}' does not use ${definition.name}`);
  }

  // A default set no parameter names is allowed, as in PowerShell: it holds the set-less parameters.
  const declaredSets = new Set([...Object.values(parameters).flatMap((spec) => spec.sets ?? []), ...(definition.defaultParameterSet ? [definition.defaultParameterSet] : [])]);

  const reserved = { ...COMMON_PARAMETERS, ...(definition.shouldProcess ? SHOULD_PROCESS_PARAMETERS : {}) };
  const names = new Map<string, string>();
  const claim = (key: string, owner: string) => {
    const lower = key.toLowerCase();
    const existing = names.get(lower);
    if (existing) problems.push(`'${key}' of ${owner} clashes with ${existing}`);
    else names.set(lower, owner);
  };
  for (const [name, spec] of Object.entries(reserved)) {
    claim(name, `common parameter ${name}`);
    for (const alias of spec.aliases) claim(alias, `common parameter ${name}`);
  }

  const positions = new Map<string, string>();
  for (const [name, spec] of Object.entries(parameters)) {
    if (!PARAMETER_NAME.test(name)) problems.push(`parameter name '${name}' is not PascalCase`);
    if (name === 'WhatIf' || name === 'Confirm') problems.push(`${name} comes from shouldProcess, not from the parameter list`);
    claim(name, `parameter ${name}`);
    for (const alias of spec.aliases ?? []) claim(alias, `parameter ${name}`);
    const isText = spec.type === 'String' || spec.type === 'String[]';
    if (spec.validateSet && !isText) problems.push(`${name}: ValidateSet needs a String type`);
    if (spec.validateLength && !isText) problems.push(`${name}: ValidateLength needs a String type`);
    if (spec.validatePattern !== undefined && !isText) problems.push(`${name}: ValidatePattern needs a String type`);
    if (spec.validateRange && spec.type !== 'Int32') problems.push(`${name}: ValidateRange needs Int32`);
    if (spec.type === 'SwitchParameter' && (spec.mandatory === true || spec.position !== undefined)) {
      problems.push(`${name}: a switch is not positional, and mandatory only in named sets (it selects the set)`);
    }
    if (spec.validatePattern !== undefined) {
      try {
        new RegExp(spec.validatePattern, 'i');
      } catch {
        problems.push(`${name}: ValidatePattern is not a regular expression`);
      }
    }
    if (Array.isArray(spec.mandatory)) {
      for (const set of spec.mandatory as readonly string[]) {
        if (spec.sets && !spec.sets.includes(set)) problems.push(`${name}: mandatory in '${set}', which it does not belong to`);
      }
    }
    if (spec.defaultValue !== undefined) {
      const ok =
        ((spec.type === 'String' || spec.type === 'DateTime') && typeof spec.defaultValue === 'string') ||
        (spec.type === 'Int32' && typeof spec.defaultValue === 'number') ||
        (spec.type === 'Boolean' && typeof spec.defaultValue === 'boolean');
      if (!ok) problems.push(`${name}: default value does not fit ${spec.type}`);
      if (spec.mandatory) problems.push(`${name}: a mandatory parameter has no default`);
      if (spec.validateSet && !spec.validateSet.includes(String(spec.defaultValue))) problems.push(`${name}: default value is not in its ValidateSet`);
    }
    if (spec.position !== undefined) {
      for (const set of spec.sets ?? [...declaredSets, ALL_PARAMETER_SETS]) {
        const key = `${set}#${spec.position}`;
        const other = positions.get(key);
        if (other) problems.push(`${name} and ${other} share position ${spec.position} in '${set}'`);
        else positions.set(key, name);
      }
    }
  }

  if (definition.shouldProcess) {
    for (const name of targetParameters(definition.shouldProcess.target)) {
      if (!(name in parameters)) problems.push(`shouldProcess target names unknown parameter {${name}}`);
    }
  }
  if (definition.outputs?.tableColumns?.length === 0) problems.push('outputs.tableColumns is empty');
  return problems;
}
