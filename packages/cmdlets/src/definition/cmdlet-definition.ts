import type { CmdletContext } from './cmdlet-context.js';
import type { BoundValues, ParameterSpecs } from './parameter-spec.js';

export const CONFIRM_IMPACTS = ['None', 'Low', 'Medium', 'High'] as const;
export type ConfirmImpact = (typeof CONFIRM_IMPACTS)[number];

/** SupportsShouldProcess: what the cmdlet does, to what, for -WhatIf and -Confirm. */
export interface ShouldProcessSpec {
  /** The operation, e.g. "Import Persistent Chat data". */
  readonly action: string;
  /** The target, with {ParameterName} placeholders, e.g. "{DBInstance}". */
  readonly target: string;
  /**
   * 'engine': under -WhatIf the cmdlet still runs, with context.whatIf set, and reports what it would
   * do (Import's WhatIf report). 'host' (default): -WhatIf prints the What if line and runs nothing.
   */
  readonly whatIf?: 'engine' | 'host';
}

export interface CmdletExample {
  /** PowerShell code, as in a help page's EXAMPLE section. */
  readonly code: string;
  readonly remarks: string;
  /**
   * What the example needs beyond the embedded test databases and folders (a SQL Server instance,
   * Windows shares): it is shown in help but not run by the example tests.
   */
  readonly requires?: 'a SQL Server instance' | 'Windows file shares';
  /**
   * The example writes no objects (a change without -PassThru, or a -WhatIf run, as in
   * PowerShell): the example tests check that it writes none, instead of at least one.
   */
  readonly noOutput?: boolean;
}

export interface OutputSpec {
  /** The PSTypeName the PowerShell module gives the objects (.OUTPUTS). */
  readonly typeName: string;
  readonly description: string;
  /** How a terminal shows the objects (PowerShell: table for few properties, list for many). */
  readonly view: 'table' | 'list';
  /** The columns of the table view (default: every property). */
  readonly tableColumns?: readonly string[];
}

export interface CmdletValidationIssue {
  readonly parameter: string;
  readonly message: string;
}

/**
 * One cmdlet, described once: binding, validation, Get-Help, Get-Command and the generated
 * PowerShell function all come from here. `run` loads its engine lazily (dynamic import), so that
 * describing the cmdlet costs nothing at start-up.
 */
export interface CmdletDefinition<P extends ParameterSpecs = ParameterSpecs> {
  readonly kind: 'cmdlet';
  /** Verb-Noun, in Microsoft's spelling. */
  readonly name: string;
  readonly synopsis: string;
  readonly description: string;
  readonly parameters: P;
  readonly defaultParameterSet?: string;
  readonly confirmImpact: ConfirmImpact;
  /** Present: SupportsShouldProcess (-WhatIf, -Confirm). */
  readonly shouldProcess?: ShouldProcessSpec;
  readonly examples: readonly CmdletExample[];
  /** .INPUTS text. */
  readonly inputs?: string;
  readonly outputs?: OutputSpec;
  readonly notes?: string;
  /** Microsoft's reference page of the cmdlet this one re-implements (.LINK). */
  readonly link?: string;
  /** Host built-ins (Get-Help, Get-Command): PowerShell has its own, so the module leaves them out. */
  readonly hostOnly?: boolean;
  /** Rules across parameters, checked after binding and before anything runs. */
  validate?(values: BoundValues<P>): readonly CmdletValidationIssue[];
  /** Does the work; objects go to context.writeObject (a returned value is written too, arrays element by element). */
  run(values: BoundValues<P>, context: CmdletContext): Promise<unknown>;
}

/** A definition of any parameter shape (the registry's element type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- run's parameter type varies per cmdlet; binding checks values against the specs.
export type AnyCmdletDefinition = CmdletDefinition<any>;
