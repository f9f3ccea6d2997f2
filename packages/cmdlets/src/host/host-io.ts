/** The streams and environment of one host run (the process's, or fakes in tests). */
export interface HostIO {
  readonly stdout: HostOutputStream;
  readonly stderr: HostOutputStream;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export interface HostOutputStream extends NodeJS.WritableStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export function processIO(): HostIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** Terminal width for formatting: the terminal's, else $COLUMNS, else 120 (pwsh's width when redirected). */
export function outputWidth(io: HostIO): number {
  if (io.stdout.isTTY && io.stdout.columns) return io.stdout.columns;
  const fromEnv = Number(io.env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv >= 40 ? fromEnv : 120;
}

/** Colour only on a terminal, and never with NO_COLOR or --no-color. */
export function colourAllowed(stream: HostOutputStream, io: HostIO, noColor: boolean): boolean {
  return Boolean(stream.isTTY) && !noColor && !io.env.NO_COLOR;
}
