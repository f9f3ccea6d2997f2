import type { OutputSpec } from '../definition/cmdlet-definition.js';
import type { OutputSink } from '../output/output-sink.js';
import { createJsonSink } from '../output/json-sink.js';
import { createRecordsSink } from '../output/records-sink.js';
import { createTextSink } from '../output/text-sink.js';
import { colourAllowed, outputWidth, type HostIO } from './host-io.js';
import type { HostOptions } from './host-options.js';

export interface SinkChoice {
  readonly commandName: string;
  readonly io: HostIO;
  readonly hostOptions: HostOptions;
  /** -OutputFormat, once bound. */
  readonly outputFormat?: 'Text' | 'Json';
  readonly output?: OutputSpec;
  readonly showProgress: boolean;
}

/** --records wins (the module's protocol), then --json / -OutputFormat Json, else text. */
export function createSink(choice: SinkChoice): OutputSink {
  const { io, hostOptions, commandName } = choice;
  if (hostOptions.records) return createRecordsSink({ stdout: io.stdout, ...(io.env.PCMIG_TEMP ? { tempDir: io.env.PCMIG_TEMP } : {}) });
  if (hostOptions.json || choice.outputFormat === 'Json') return createJsonSink({ commandName, stdout: io.stdout, stderr: io.stderr });
  return createTextSink({
    commandName,
    stdout: io.stdout,
    stderr: io.stderr,
    ...(choice.output ? { output: choice.output } : {}),
    width: outputWidth(io),
    colour: colourAllowed(io.stderr, io, hostOptions.noColor),
    progressBar: choice.showProgress && Boolean(io.stderr.isTTY),
  });
}
