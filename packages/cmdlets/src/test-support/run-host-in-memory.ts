import { PassThrough } from 'node:stream';
import type { HostIO, HostOutputStream } from '../host/host-io.js';
import { runHost } from '../host/run-host.js';
import type { CommandRegistry } from '../registry/command-registry.js';
import { defaultRegistry } from '../registry/default-registry.js';

export interface HostRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly stdoutBytes: Buffer;
  /** stdout as JSON lines (for --json / --records runs). */
  json<T = unknown>(): T[];
}

export interface HostRunOptions {
  readonly registry?: CommandRegistry;
  readonly cwd?: string;
  /** Pretend stdin/stdout/stderr are terminals. */
  readonly tty?: { stdin?: boolean; stdout?: boolean; stderr?: boolean };
  /** Lines typed at the terminal (answers to prompts) or bytes piped into stdin. */
  readonly input?: string | Buffer;
  readonly env?: NodeJS.ProcessEnv;
  readonly columns?: number;
}

function capture(isTTY: boolean, columns: number): { stream: HostOutputStream; read: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  Object.assign(stream, { isTTY, columns });
  return { stream: stream as unknown as HostOutputStream, read: () => Buffer.concat(chunks) };
}

/** Runs the host in this process with captured streams (no child process: fast, and on the sources). */
export async function runHostInMemory(args: readonly string[], options: HostRunOptions = {}): Promise<HostRun> {
  const stdout = capture(Boolean(options.tty?.stdout), options.columns ?? 120);
  const stderr = capture(Boolean(options.tty?.stderr), options.columns ?? 120);
  const stdin = new PassThrough();
  Object.assign(stdin, { isTTY: Boolean(options.tty?.stdin) });
  if (options.input !== undefined) stdin.end(options.input);
  else stdin.end();
  const io: HostIO = { stdout: stdout.stream, stderr: stderr.stream, stdin, env: { COLUMNS: String(options.columns ?? 120), ...options.env }, cwd: options.cwd ?? process.cwd() };
  const exitCode = await runHost(args, io, { registry: options.registry ?? defaultRegistry });
  await new Promise((resolve) => setImmediate(resolve));
  const out = stdout.read();
  return {
    exitCode,
    stdout: out.toString('utf8'),
    stderr: stderr.read().toString('utf8'),
    stdoutBytes: out,
    json: <T>() =>
      out
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as T),
  };
}
