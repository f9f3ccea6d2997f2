import type { BenchMeasurement, BenchResult } from './bench-result.js';
import type { MachineDescription } from './machine-description.js';

const number = (value: number, unit: string) => {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits })} ${unit}`.trim();
};

function row(result: BenchResult, m: BenchMeasurement): string {
  const cells = [
    result.bench,
    result.size,
    m.name,
    number(m.value, m.unit),
    m.baseline ? `${m.baseline.name}: ${number(m.baseline.value, m.unit)}` : '',
    m.ratio !== undefined ? `${m.ratio.toFixed(2)}×` : '',
    m.target ?? '',
    m.met === undefined ? '' : m.met ? 'yes' : '**no**',
    m.peakRssMb !== undefined ? `${Math.round(m.peakRssMb)} MB` : '',
  ];
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}

/** The suite's results as a markdown table with the machine they came from. */
export function renderBenchTable(results: readonly BenchResult[], machine: { before: MachineDescription; after: MachineDescription; startedAt: string; durationMs: number }): string {
  const lines = [
    `Run ${machine.startedAt}, ${(machine.durationMs / 60_000).toFixed(1)} min, on ${machine.before.cpus} × ${machine.before.cpuModel}, ${machine.before.memoryGiB} GiB, Node ${machine.before.node}, ${machine.before.platform}; load average ${machine.before.loadAverage.join(' / ')} at the start, ${machine.after.loadAverage.join(' / ')} at the end.`,
    '',
    '| Bench | Data | Measurement | Value | Same-run baseline | Ratio | Target | Met | Peak RSS |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.flatMap((result) => result.measurements.map((m) => row(result, m))),
  ];
  const notes = results.flatMap((result) => result.measurements.filter((m) => m.notes).map((m) => `- ${result.bench} / ${m.name}: ${m.notes}`));
  if (notes.length) lines.push('', 'Notes:', '', ...notes);
  return `${lines.join('\n')}\n`;
}
