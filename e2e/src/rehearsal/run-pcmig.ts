import fs from 'node:fs';
import { execa } from 'execa';
import { PCMIG_BIN } from './workspace-paths.js';

/** An error record as the host writes it on stderr in JSON mode. */
export interface ErrorRecord {
  readonly type: 'error';
  readonly command?: string;
  readonly terminating?: boolean;
  readonly id: string;
  readonly category: string;
  readonly message: string;
  readonly shortMessage?: string;
  readonly hint?: string;
  readonly target?: string;
  readonly reason?: Record<string, unknown>;
}

export interface PcmigRun {
  /** The command line as an administrator would type it (for the report). */
  readonly commandLine: string;
  readonly exitCode: number;
  readonly durationMs: number;
  /** The objects the cmdlet wrote (one JSON document per line on stdout). */
  readonly objects: Record<string, unknown>[];
  readonly errors: ErrorRecord[];
  readonly warnings: string[];
  readonly stderr: string;
}

/** Runs `pcmig <cmdlet> <args…> --json` and collects its objects, errors and warnings. */
export async function runPcmig(cmdlet: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; input?: Buffer } = {}): Promise<PcmigRun> {
  if (!fs.existsSync(PCMIG_BIN)) {
    throw new Error(`The pcmig host is not built (${PCMIG_BIN}); run the build first (npm run build).`);
  }
  const started = performance.now();
  const result = await execa(process.execPath, [PCMIG_BIN, cmdlet, ...args, '--json'], {
    reject: false,
    env: { NO_COLOR: '1', ...options.env },
    ...(options.input ? { input: options.input } : { stdin: 'ignore' }),
    stripFinalNewline: false,
    maxBuffer: 512 * 1024 * 1024,
  });
  const durationMs = performance.now() - started;
  const objects: Record<string, unknown>[] = [];
  for (const line of String(result.stdout).split('\n')) {
    if (line.trim() === '') continue;
    try {
      objects.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      objects.push({ text: line });
    }
  }
  const errors: ErrorRecord[] = [];
  const warnings: string[] = [];
  for (const line of String(result.stderr).split('\n')) {
    if (line.startsWith('{')) {
      try {
        const record = JSON.parse(line) as ErrorRecord;
        if (record.type === 'error') errors.push(record);
        continue;
      } catch {
        // not a record: fall through to text
      }
    }
    if (line.startsWith('WARNING: ')) warnings.push(line.slice('WARNING: '.length));
  }
  return {
    commandLine: ['pcmig', cmdlet, ...args.map(quoteForDisplay)].join(' '),
    exitCode: result.exitCode ?? 1,
    durationMs,
    objects,
    errors,
    warnings,
    stderr: String(result.stderr),
  };
}

function quoteForDisplay(arg: string): string {
  return /^[\w\-.:/\\,@$]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "''")}'`;
}
