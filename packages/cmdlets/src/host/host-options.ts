import { HostError } from '../errors/host-error.js';

/** Options of the host itself (GNU style, double dash), allowed anywhere before a bare `--`. */
export interface HostOptions {
  /** --help / -h / -? (alone): usage, or the help of the command named. */
  readonly help: boolean;
  readonly version: boolean;
  /** --json: -OutputFormat Json. */
  readonly json: boolean;
  /** --records: the PowerShell module's protocol (one JSON record per line, every stream on stdout). */
  readonly records: boolean;
  readonly noColor: boolean;
}

const FLAGS: Readonly<Record<string, keyof HostOptions>> = {
  '--help': 'help',
  '--version': 'version',
  '--json': 'json',
  '--records': 'records',
  '--no-color': 'noColor',
};

export function extractHostOptions(args: readonly string[]): { options: HostOptions; rest: string[] } {
  const options: Record<keyof HostOptions, boolean> = { help: false, version: false, json: false, records: false, noColor: false };
  const rest: string[] = [];
  let passThrough = false;
  for (const arg of args) {
    if (passThrough || !/^--[A-Za-z]/.test(arg)) {
      if (arg === '--') passThrough = true;
      rest.push(arg);
      continue;
    }
    const flag = FLAGS[arg.toLowerCase()];
    if (!flag) {
      throw new HostError('PCMIG-HOST-014', { message: `Unknown host option '${arg}'.`, target: arg, reason: { option: arg, known: Object.keys(FLAGS) } });
    }
    options[flag] = true;
  }
  if (rest.length === 1 && (rest[0] === '-h' || rest[0] === '-?')) {
    options.help = true;
    rest.length = 0;
  }
  return { options, rest };
}
