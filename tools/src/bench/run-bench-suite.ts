/**
 * The benchmark suite: every speed and memory target of the engine issues, on generated data,
 * each beside its baseline measured in the same run. Not part of the test command.
 *
 *   npm run bench -- [--size large|medium|small] [--work <dir>] [--only export,import,file-copy,startup]
 *                    [--import-from database,package] [--file-copy-scale 1] [--results docs/performance.md]
 *
 * Writes <work>/bench-results.json and .md, and replaces the results section of
 * docs/performance.md (between its BEGIN/END markers) unless --results is "-".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateDeployment } from '../generator/generate-deployment.js';
import { isSizeName, type SizeName } from '../generator/sizes.js';
import { runMeasured } from './measure.js';
import type { BenchResult } from './bench-result.js';
import { exportBench } from './export-bench.js';
import { runFileCopyBench } from './file-copy-bench.js';
import { importBench } from './import-bench.js';
import { describeMachine } from './machine-description.js';
import { renderBenchTable } from './render-bench-table.js';
import { startupBench } from './startup-bench.js';

const BENCHES = ['startup', 'export', 'import', 'file-copy'] as const;
type BenchName = (typeof BENCHES)[number];

/** The smaller size beside which peak RSS must stay flat (1M beside 10M messages). */
const SMALLER: Readonly<Record<SizeName, SizeName | undefined>> = { large: 'medium', medium: 'small', small: undefined, tiny: undefined };

const RESULTS_BEGIN = '<!-- BEGIN BENCH RESULTS -->';
const RESULTS_END = '<!-- END BENCH RESULTS -->';
const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'large' },
      work: { type: 'string' },
      only: { type: 'string' },
      'file-copy-scale': { type: 'string', default: '1' },
      'import-from': { type: 'string', default: 'database,package' },
      results: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  if (!isSizeName(values.size)) throw new Error(`--size must be tiny, small, medium or large (got ${values.size}).`);
  const size = values.size;
  const only = new Set<BenchName>((values.only?.split(',') ?? BENCHES).map((b) => b.trim()).filter((b): b is BenchName => (BENCHES as readonly string[]).includes(b)));
  const work = path.resolve(values.work ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-bench-')));
  fs.mkdirSync(work, { recursive: true });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const before = describeMachine();
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const results: BenchResult[] = [];

  try {
    if (only.has('startup')) {
      log('startup: pcmig --help beside node -e 0');
      results.push(await startupBench());
    }
    if (only.has('export') || only.has('import')) {
      const pools: { size: SizeName; db: string }[] = [];
      for (const each of [SMALLER[size], size].filter((s): s is SizeName => s !== undefined)) {
        log(`generating the ${each} legacy pool`);
        const generated = await generateDeployment({ size: each, flavour: 'lync2010', out: path.join(work, `gen-${each}`), target: { fill: 'none' }, deploymentFolder: false });
        pools.push({ size: each, db: generated.topology.legacy.database.dbInstance });
      }
      const main = pools.at(-1) as { size: SizeName; db: string };
      const smaller = pools.length > 1 ? pools[0] : undefined;
      if (only.has('export')) {
        log(`export: ${main.size}${smaller ? ` (and ${smaller.size} for RSS flatness)` : ''}`);
        results.push(await exportBench({ legacyDb: main.db, ...(smaller ? { smallerDb: smaller.db } : {}), workDir: path.join(work, 'export'), size: main.size }));
      }
      if (only.has('import')) {
        const from = new Set(values['import-from'].split(',').map((f) => f.trim()));
        for (const pool of pools) {
          if (from.has('database')) {
            log(`import: ${pool.size} from the database`);
            results.push(await importBench({ legacyDb: pool.db, workDir: path.join(work, `import-${pool.size}`), size: `${pool.size} (database)` }));
          }
          if (from.has('package')) {
            // The issue's case: the exported package (the export bench's, or one written now, unmeasured).
            const packageFile = path.join(work, 'export', pool === main ? 'export.zip' : 'smaller.zip');
            if (!fs.existsSync(packageFile)) {
              log(`exporting the ${pool.size} pool for the package import`);
              fs.mkdirSync(path.dirname(packageFile), { recursive: true });
              const exported = await runMeasured(process.execPath, [path.join(here, 'export', 'export-child.js'), pool.db, packageFile]);
              if (exported.exitCode !== 0) throw new Error(`export for the package import failed: ${exported.stderr}`);
            }
            log(`import: ${pool.size} from the package`);
            results.push(await importBench({ legacyDb: pool.db, packageFile, workDir: path.join(work, `import-${pool.size}`), size: `${pool.size} (package)` }));
          }
        }
      }
    }
    if (only.has('file-copy')) {
      log('file copy: pcmig beside cp -r and rsync -a');
      results.push(...(await runFileCopyBench({ scale: Number(values['file-copy-scale']), workDir: work, log })));
    }
  } finally {
    if (!values.keep) {
      for (const entry of fs.readdirSync(work)) if (entry.startsWith('gen-') || entry.startsWith('export') || entry.startsWith('import')) fs.rmSync(path.join(work, entry), { recursive: true, force: true });
    }
  }

  const table = renderBenchTable(results, { before, after: describeMachine(), startedAt, durationMs: performance.now() - started });
  fs.writeFileSync(path.join(work, 'bench-results.json'), `${JSON.stringify({ startedAt, machine: before, results }, null, 2)}\n`);
  fs.writeFileSync(path.join(work, 'bench-results.md'), table);
  process.stdout.write(table);

  const resultsFile = values.results ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/performance.md');
  if (resultsFile !== '-' && fs.existsSync(resultsFile)) {
    const doc = fs.readFileSync(resultsFile, 'utf8');
    const begin = doc.indexOf(RESULTS_BEGIN);
    const end = doc.indexOf(RESULTS_END);
    if (begin >= 0 && end > begin) {
      fs.writeFileSync(resultsFile, `${doc.slice(0, begin + RESULTS_BEGIN.length)}\n\n${table}\n${doc.slice(end)}`);
      log(`results written into ${resultsFile}`);
    }
  }
  log(`results: ${path.join(work, 'bench-results.md')}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench suite: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
