import type { ErrorRecordData } from '@pcmig/core';
import type { HostOutputStream } from '../host/host-io.js';
import { whatIfText, type OutputSink } from './output-sink.js';
import { toJsonValue } from './to-json-value.js';

/**
 * -OutputFormat Json / --json: one JSON document per output object, one per line, on stdout (for
 * jq and scripts); error records as JSON lines on stderr; messages as text on stderr.
 */
export function createJsonSink(options: { commandName: string; stdout: HostOutputStream; stderr: HostOutputStream }): OutputSink {
  const { stdout, stderr, commandName } = options;
  return {
    object: (value) => void stdout.write(`${JSON.stringify(toJsonValue(value))}\n`),
    bytes: (value) => void stdout.write(`${JSON.stringify(toJsonValue(value))}\n`),
    verbose: (message) => void stderr.write(`VERBOSE: ${message}\n`),
    debug: (message) => void stderr.write(`DEBUG: ${message}\n`),
    warning: (message) => void stderr.write(`WARNING: ${message}\n`),
    error: (record: ErrorRecordData, terminating: boolean) => void stderr.write(`${JSON.stringify({ type: 'error', command: commandName, terminating, ...record })}\n`),
    progress: () => undefined,
    whatIf: (target, action, description) => void stderr.write(`${whatIfText(target, action, description)}\n`),
    finish: async () => undefined,
  };
}
