import { parseCommandOptions } from '../binding/parse-command-options.js';
import type { CommandContext } from '../definition/cmdlet-context.js';
import type { AnyCommandDefinition, CommandOptions, CommandOptionSpecs } from '../definition/command-definition.js';
import { toErrorRecord } from '../errors/to-error-record.js';
import { renderCommandHelp } from '../help/render-command-help.js';
import { createTextSink } from '../output/text-sink.js';
import { EXIT_CODES } from './exit-codes.js';
import { colourAllowed, outputWidth, type HostIO } from './host-io.js';
import type { HostOptions } from './host-options.js';

/** Runs a non-cmdlet command: parse its options, run it, report a thrown error as an error record. */
export async function invokeCommand(definition: AnyCommandDefinition, args: readonly string[], io: HostIO, hostOptions: HostOptions, signal: AbortSignal): Promise<number> {
  const sink = createTextSink({
    commandName: definition.name,
    stdout: io.stdout,
    stderr: io.stderr,
    width: outputWidth(io),
    colour: colourAllowed(io.stderr, io, hostOptions.noColor),
    progressBar: Boolean(io.stderr.isTTY),
  });
  let exitCode: number;
  try {
    const parsed = parseCommandOptions(definition, args);
    if (parsed.help || hostOptions.help) {
      io.stdout.write(renderCommandHelp(definition, outputWidth(io)));
      return EXIT_CODES.success;
    }
    const context: CommandContext = {
      commandName: definition.name,
      stdout: io.stdout,
      stderr: io.stderr,
      interactive: Boolean(io.stdout.isTTY),
      signal,
      writeVerbose: (message) => sink.verbose(message),
      writeWarning: (message) => sink.warning(message),
      writeProgress: (event) => sink.progress(event),
    };
    try {
      exitCode = (await definition.run(parsed.options as CommandOptions<CommandOptionSpecs>, context)) ?? EXIT_CODES.success;
    } catch (error) {
      if (signal.aborted) exitCode = EXIT_CODES.interrupted;
      else {
        sink.error(toErrorRecord(error), true);
        exitCode = EXIT_CODES.terminatingError;
      }
    }
  } catch (error) {
    sink.error(toErrorRecord(error), true);
    exitCode = EXIT_CODES.commandLineRejected;
  }
  await sink.finish(exitCode);
  return exitCode;
}
