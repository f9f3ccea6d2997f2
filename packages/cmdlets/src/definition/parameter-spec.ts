/**
 * A cmdlet parameter, described once. The host binds and validates command lines from it, the
 * help pages and Get-Command describe it, and the PowerShell module declares it (type, sets,
 * positions, aliases, validation attributes). Plain data: loading it costs nothing at start-up.
 */

/** The .NET type names a parameter can have (as PowerShell shows them). */
export const PARAMETER_TYPES = ['String', 'String[]', 'Int32', 'Boolean', 'SwitchParameter', 'DateTime', 'Byte[]'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

export interface ParameterSpec {
  readonly type: ParameterType;
  /** Help text (.PARAMETER). */
  readonly description: string;
  /** true: mandatory in every set it belongs to; a list: mandatory only in those sets. */
  readonly mandatory?: boolean | readonly string[];
  /** The parameter sets it belongs to; absent: every set. */
  readonly sets?: readonly string[];
  /** 0-based position (PowerShell's Position), in every set it belongs to. */
  readonly position?: number;
  readonly aliases?: readonly string[];
  /** ValidateSet: case-insensitive on input, bound in the casing given here. */
  readonly validateSet?: readonly string[];
  /** ValidateRange (inclusive), for Int32. */
  readonly validateRange?: readonly [number, number];
  /** ValidateLength (inclusive), for String and each String[] element. */
  readonly validateLength?: readonly [number, number];
  /** ValidatePattern (a .NET- and JavaScript-compatible regular expression, case-insensitive as in PowerShell). */
  readonly validatePattern?: string;
  /** ValidateNotNullOrEmpty. */
  readonly notNullOrEmpty?: boolean;
  readonly valueFromPipeline?: boolean;
  readonly valueFromPipelineByPropertyName?: boolean;
  /** Bound when the parameter is not given; shown as "Default value" in help. */
  readonly defaultValue?: string | number | boolean;
  /** Not a parameter of Microsoft's cmdlet: a pcmig extension (help says so). */
  readonly extension?: boolean;
}

export type ParameterSpecs = Readonly<Record<string, ParameterSpec>>;

/** The value a parameter binds to, by type (and ValidateSet literals for strings). */
export type ParameterValue<S extends ParameterSpec> = S['type'] extends 'String'
  ? S extends { readonly validateSet: readonly (infer V extends string)[] }
    ? V
    : string
  : S['type'] extends 'String[]'
    ? S extends { readonly validateSet: readonly (infer V extends string)[] }
      ? V[]
      : string[]
    : S['type'] extends 'Int32'
      ? number
      : S['type'] extends 'Boolean' | 'SwitchParameter'
        ? boolean
        : S['type'] extends 'DateTime'
          ? Date
          : S['type'] extends 'Byte[]'
            ? Uint8Array
            : never;

/** Always present after binding: switches (false when absent), mandatory parameters, parameters with a default. */
type AlwaysBound<S extends ParameterSpec> = S['type'] extends 'SwitchParameter'
  ? true
  : S extends { readonly mandatory: true }
    ? true
    : S extends { readonly defaultValue: string | number | boolean }
      ? true
      : false;

/** The bound parameters a cmdlet's run receives, typed from its specs. */
export type BoundValues<P extends ParameterSpecs> = {
  -readonly [K in keyof P as AlwaysBound<P[K]> extends true ? K : never]: ParameterValue<P[K]>;
} & {
  -readonly [K in keyof P as AlwaysBound<P[K]> extends true ? never : K]?: ParameterValue<P[K]>;
};

/** PowerShell's name for a set-less parameter's membership. */
export const ALL_PARAMETER_SETS = '__AllParameterSets';

export function belongsToSet(spec: ParameterSpec, set: string): boolean {
  return !spec.sets || spec.sets.length === 0 || set === ALL_PARAMETER_SETS || spec.sets.includes(set);
}

export function isMandatoryIn(spec: ParameterSpec, set: string): boolean {
  if (!belongsToSet(spec, set)) return false;
  if (spec.mandatory === true) return true;
  return Array.isArray(spec.mandatory) && (spec.mandatory as readonly string[]).includes(set);
}
