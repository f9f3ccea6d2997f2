import type { AnyCmdletDefinition } from '../definition/cmdlet-definition.js';
import { parameterSetsOf } from '../definition/define-cmdlet.js';
import { belongsToSet, isMandatoryIn, type ParameterSpec, type ParameterSpecs } from '../definition/parameter-spec.js';

/** `<String>`, or the ValidateSet as PowerShell shows an enumeration: `{Open | Closed | Secret}`. */
export function typeLabel(spec: ParameterSpec): string {
  if (spec.validateSet) return `{${spec.validateSet.join(' | ')}}${spec.type === 'String[]' ? '[]' : ''}`;
  return `<${spec.type}>`;
}

/**
 * PowerShell's SYNTAX lines, one per parameter set: positional parameters in position order,
 * then mandatory, then optional named ones, then [-WhatIf] [-Confirm] and [<CommonParameters>].
 */
export function renderSyntax(definition: AnyCmdletDefinition): string[] {
  const parameters = Object.entries(definition.parameters as ParameterSpecs);
  return parameterSetsOf(definition).map((set) => {
    const inSet = parameters.filter(([, spec]) => belongsToSet(spec, set));
    const positional = inSet.filter(([, s]) => s.position !== undefined).sort(([, a], [, b]) => a.position! - b.position!);
    const named = inSet.filter(([, s]) => s.position === undefined);
    const ordered = [...positional, ...named.filter(([, s]) => isMandatoryIn(s, set)), ...named.filter(([, s]) => !isMandatoryIn(s, set))];
    const parts = ordered.map(([name, spec]) => {
      const mandatory = isMandatoryIn(spec, set);
      if (spec.type === 'SwitchParameter') return mandatory ? `-${name}` : `[-${name}]`;
      const nameText = spec.position !== undefined ? `[-${name}]` : `-${name}`;
      const text = `${nameText} ${typeLabel(spec)}`;
      return mandatory ? text : `[${text}]`;
    });
    if (definition.shouldProcess) parts.push('[-WhatIf]', '[-Confirm]');
    parts.push('[<CommonParameters>]');
    return `${definition.name} ${parts.join(' ')}`;
  });
}
