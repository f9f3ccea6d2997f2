import type { ErrorRecordData, ProgressEvent } from '@pcmig/core';
import type { OutputSpec } from '../definition/cmdlet-definition.js';
import { HostError } from '../errors/host-error.js';
import type { HostOutputStream } from '../host/host-io.js';
import { formatList } from './format-list.js';
import { formatTable } from './format-table.js';
import { formatValue, propertiesOf } from './format-value.js';
import { whatIfText, type OutputSink } from './output-sink.js';
import { renderErrorRecord } from './render-error-record.js';
import { renderProgressBar } from './render-progress-bar.js';

export interface TextSinkOptions {
  readonly commandName: string;
  readonly stdout: HostOutputStream;
  readonly stderr: HostOutputStream;
  readonly output?: OutputSpec;
  readonly width: number;
  readonly colour: boolean;
  /** Draw the progress bar (stderr is a terminal and progress is not silenced). */
  readonly progressBar: boolean;
}

const PROGRESS_INTERVAL_MS = 100;

/**
 * Text like PowerShell's console: objects in their table or list view on stdout (a table is laid
 * out once all its rows are known), strings as lines, and everything else on stderr so that stdout
 * carries only the output.
 */
export function createTextSink(options: TextSinkOptions): OutputSink {
  const { stdout, stderr, colour } = options;
  const tableRows: unknown[] = [];
  let listed = false;
  let barShown = false;
  let lastBarAt = 0;
  const paint = (code: string, text: string) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
  const clearBar = () => {
    if (barShown) stderr.write('\r\x1b[K');
    barShown = false;
  };
  const toStderr = (text: string) => {
    clearBar();
    stderr.write(text);
  };

  return {
    object(value) {
      if (typeof value === 'string') {
        clearBar();
        stdout.write(value.endsWith('\n') ? value : `${value}\n`);
        return;
      }
      const properties = propertiesOf(value);
      const view = options.output?.view ?? (properties.length > 4 ? 'list' : 'table');
      if (properties.length === 0) {
        clearBar();
        stdout.write(`${formatValue(value)}\n`);
      } else if (view === 'table') {
        tableRows.push(value);
      } else {
        clearBar();
        stdout.write(formatList(value));
        listed = true;
      }
    },
    bytes(value) {
      if (stdout.isTTY) {
        throw new HostError('PCMIG-HOST-019', { message: `${options.commandName} produced ${value.length} bytes; they are not written to a terminal.` });
      }
      stdout.write(value);
    },
    verbose: (message) => toStderr(`${paint('33', `VERBOSE: ${message}`)}\n`),
    debug: (message) => toStderr(`${paint('33', `DEBUG: ${message}`)}\n`),
    warning: (message) => toStderr(`${paint('33', `WARNING: ${message}`)}\n`),
    error: (record: ErrorRecordData) => toStderr(renderErrorRecord(record, options.commandName, colour)),
    progress(event: ProgressEvent) {
      if (!options.progressBar) return;
      if (event.completed) {
        clearBar();
        return;
      }
      const now = Date.now();
      if (barShown && now - lastBarAt < PROGRESS_INTERVAL_MS) return;
      lastBarAt = now;
      stderr.write(`\r${renderProgressBar(event, options.width)}\x1b[K`);
      barShown = true;
    },
    whatIf(target, action, description) {
      clearBar();
      stdout.write(`${whatIfText(target, action, description)}\n`);
    },
    async finish() {
      clearBar();
      if (tableRows.length > 0) stdout.write(formatTable(tableRows, options.width, options.output?.tableColumns));
      else if (listed) stdout.write('\n');
    },
  };
}
