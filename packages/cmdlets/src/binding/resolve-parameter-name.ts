import type { ParameterSpec } from '../definition/parameter-spec.js';

export interface NamedParameter {
  /** The declared name (PascalCase). */
  readonly name: string;
  readonly spec: ParameterSpec;
  readonly common: boolean;
}

export type NameResolution =
  | { readonly kind: 'found'; readonly parameter: NamedParameter }
  | { readonly kind: 'ambiguous'; readonly matches: readonly NamedParameter[] }
  | { readonly kind: 'not-found' };

/**
 * PowerShell's parameter-name resolution: case-insensitive; an exact name or alias wins; otherwise
 * a unique prefix of a name or alias (-DBI → -DBInstance); several prefixes matches are ambiguous.
 */
export function resolveParameterName(typed: string, parameters: readonly NamedParameter[]): NameResolution {
  const key = typed.toLowerCase();
  const exact = parameters.find((p) => p.name.toLowerCase() === key || (p.spec.aliases ?? []).some((a) => a.toLowerCase() === key));
  if (exact) return { kind: 'found', parameter: exact };
  const matches = parameters.filter((p) => p.name.toLowerCase().startsWith(key) || (p.spec.aliases ?? []).some((a) => a.toLowerCase().startsWith(key)));
  if (matches.length === 1) return { kind: 'found', parameter: matches[0]! };
  if (matches.length > 1) return { kind: 'ambiguous', matches };
  return { kind: 'not-found' };
}
