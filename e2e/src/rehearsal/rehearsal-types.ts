import type { GeneratedDeployment } from '@pcmig/tools';
import type { PcmigRun } from './run-pcmig.js';

export type StepStatus = 'passed' | 'failed' | 'skipped';

/** What one step of the rehearsal did. */
export interface StepRecord {
  readonly number: number;
  readonly title: string;
  /** Where the step comes from in Microsoft's "Migration process - details". */
  readonly seedReference: string;
  readonly status: StepStatus;
  readonly summary: string;
  readonly details: readonly string[];
  readonly commands: readonly PcmigRun[];
  readonly durationMs: number;
}

/** The folders and files of one rehearsal. */
export interface RehearsalPaths {
  readonly out: string;
  readonly deployment: string;
  readonly backups: string;
  readonly reports: string;
  readonly packageFile: string;
  readonly report: string;
  readonly resultFile: string;
}

/** Shared by the steps: what was generated and what earlier steps found. */
export interface RehearsalContext {
  readonly paths: RehearsalPaths;
  readonly generated: GeneratedDeployment;
  /** Environment for every pcmig run (PCMIG_DEPLOYMENT). */
  readonly env: NodeJS.ProcessEnv;
  /** Filled in by the steps, read by later steps and by the report. */
  readonly facts: RehearsalFacts;
}

export interface RehearsalFacts {
  exported?: Record<string, unknown>;
  whatIfFirst?: Record<string, unknown>;
  whatIfFixed?: Record<string, unknown>;
  fixesApplied?: string[];
  imported?: Record<string, unknown>;
  copied?: Record<string, unknown>;
  links?: Record<string, unknown>;
  moved?: Record<string, unknown>;
  verification?: Record<string, unknown>;
  linkCheck?: Record<string, unknown>;
  targetHashBeforeWhatIf?: string;
  targetBackup?: string;
  legacyBackup?: string;
  /** Kept vs cut per month, from the package manifest. */
  months?: readonly { month: string; kept: number; cut: number }[];
}

export interface RehearsalResult {
  readonly verdict: 'passed' | 'failed';
  readonly size: string;
  readonly flavour: string;
  readonly seed: number;
  readonly paths: RehearsalPaths;
  readonly steps: readonly StepRecord[];
  readonly facts: RehearsalFacts;
  readonly generated: GeneratedDeployment;
  readonly durationMs: number;
}

export interface StepOutcome {
  readonly status: 'passed' | 'failed';
  readonly summary: string;
  readonly details?: readonly string[];
}

export interface StepDefinition {
  readonly title: string;
  readonly seedReference: string;
  run(context: RehearsalContext, commands: PcmigRun[]): Promise<StepOutcome>;
}
