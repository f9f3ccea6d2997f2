/**
 * What every benchmark reports. Durations are never asserted in tests; a benchmark prints its
 * figure beside a baseline measured in the same run, as a ratio, because this machine is shared
 * and noisy.
 */
export interface BenchMeasurement {
  /** e.g. "export messages/s". */
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  /** The same-run baseline (deflate-only, raw SQLite load, cp -r, rsync no-op, node -e 0, …). */
  readonly baseline?: { readonly name: string; readonly value: number };
  /** value / baseline (or baseline / value for durations: always "higher is better" is stated in target). */
  readonly ratio?: number;
  /** The target, as text, e.g. "≥ 0.7× deflate-only". */
  readonly target?: string;
  readonly met?: boolean;
  readonly peakRssMb?: number;
  readonly notes?: string;
}

export interface BenchResult {
  readonly bench: string;
  readonly size: string;
  readonly measurements: readonly BenchMeasurement[];
}
