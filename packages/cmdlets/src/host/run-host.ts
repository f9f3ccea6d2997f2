import { HostError } from '../errors/host-error.js';
import { findCmdlet, findCommand, knownNames, type CommandRegistry } from '../registry/command-registry.js';
import { EXIT_CODES } from './exit-codes.js';
import type { HostIO } from './host-io.js';
import { extractHostOptions, type HostOptions } from './host-options.js';

export interface RunHostOptions {
  readonly registry: CommandRegistry;
  /** Aborted on Ctrl+C; a function is called only when a command runs (--help never needs one). */
  readonly signal?: AbortSignal | (() => AbortSignal);
}

/**
 * The host's entry: `pcmig [host options] <Cmdlet|command> [arguments]`. Loads only the
 * definitions and the code of the path taken (binding, help or a command); engines load when a
 * cmdlet runs. Returns the exit code.
 */
export async function runHost(args: readonly string[], io: HostIO, options: RunHostOptions): Promise<number> {
  const { registry } = options;
  const signal = () => (typeof options.signal === 'function' ? options.signal() : (options.signal ?? new AbortController().signal));
  let first = 0;
  while (first < args.length && args[first]!.startsWith('-')) first += 1;
  let hostOptions: HostOptions;
  try {
    const leading = extractHostOptions(args.slice(0, first));
    if (leading.rest.length > 0) {
      throw new HostError('PCMIG-HOST-014', { message: `Unknown host option '${leading.rest[0]}'; a cmdlet's parameters follow its name.`, target: leading.rest[0]! });
    }
    hostOptions = leading.options;
  } catch (error) {
    return reject(error, io, { help: false, version: false, json: false, records: false, noColor: false });
  }

  const name = args[first];
  if (hostOptions.version) {
    const { readVersion } = await import('./read-version.js');
    io.stdout.write(`${readVersion()}\n`);
    return EXIT_CODES.success;
  }
  if (name === undefined) {
    const { renderUsage } = await import('../help/render-usage.js');
    const { outputWidth } = await import('./host-io.js');
    io.stdout.write(renderUsage(registry, outputWidth(io)));
    return EXIT_CODES.success;
  }
  let rest = args.slice(first + 1);

  const command = findCommand(registry, name);
  if (command) {
    const { invokeCommand } = await import('./invoke-command.js');
    return invokeCommand(command, rest, io, hostOptions, signal());
  }

  let cmdlet = findCmdlet(registry, name === 'help' ? 'Get-Help' : name);
  if (!cmdlet) {
    const { suggestNames } = await import('../help/suggest-names.js');
    const { unknownCommand } = await import('../registry/get-help-cmdlet.js');
    return reject(unknownCommand(name, suggestNames(name, knownNames(registry))), io, hostOptions);
  }
  try {
    const more = extractHostOptions(rest);
    hostOptions = { ...more.options, help: hostOptions.help || more.options.help, json: hostOptions.json || more.options.json, records: hostOptions.records || more.options.records, noColor: hostOptions.noColor || more.options.noColor };
    rest = more.rest;
  } catch (error) {
    return reject(error, io, hostOptions);
  }
  // `pcmig <Cmdlet> -?` and `pcmig <Cmdlet> --help` show its help, as PowerShell's -? does.
  if ((hostOptions.help || rest.includes('-?')) && cmdlet.name !== 'Get-Help') {
    rest = [cmdlet.name];
    cmdlet = findCmdlet(registry, 'Get-Help')!;
  }
  const { invokeCmdlet } = await import('./invoke-cmdlet.js');
  return invokeCmdlet(cmdlet, rest, io, hostOptions, signal());
}

/** Reports a refused command line (error-path modules load only here). */
async function reject(error: unknown, io: HostIO, hostOptions: HostOptions): Promise<number> {
  const { createSink } = await import('./create-sink.js');
  const { toErrorRecord } = await import('../errors/to-error-record.js');
  const sink = createSink({ commandName: 'pcmig', io, hostOptions, showProgress: false });
  sink.error(toErrorRecord(error), true);
  await sink.finish(EXIT_CODES.commandLineRejected);
  return EXIT_CODES.commandLineRejected;
}
