import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ErrorRecordData, ProgressEvent } from '@pcmig/core';
import type { HostOutputStream } from '../host/host-io.js';
import { ActivityIds, type OutputSink } from './output-sink.js';
import { toJsonValue } from './to-json-value.js';

/** The record types of the module protocol (docs/powershell-module.md). */
export type HostRecord =
  | { type: 'object'; value: unknown }
  | { type: 'bytes'; path: string; length: number }
  | { type: 'verbose' | 'debug' | 'warning'; message: string }
  | { type: 'error'; terminating: boolean; record: ErrorRecordData }
  | {
      type: 'progress';
      activityId: number;
      parentActivityId: number;
      activity: string;
      status: string;
      percentComplete: number;
      secondsRemaining: number;
      completed: boolean;
    }
  | { type: 'whatif'; target: string; action: string; description?: string }
  | { type: 'end'; exitCode: number };

/**
 * --records: every stream as one JSON record per line on stdout, nothing on stderr. The PowerShell
 * module turns them back into objects, Write-Progress, Write-Verbose/Warning/Debug, error records
 * and What if lines; the closing `end` record tells it the output is complete.
 */
export function createRecordsSink(options: { stdout: HostOutputStream; tempDir?: string }): OutputSink {
  const write = (record: HostRecord) => void options.stdout.write(`${JSON.stringify(record)}\n`);
  const activities = new ActivityIds();
  return {
    object: (value) => write({ type: 'object', value: toJsonValue(value, true) }),
    bytes(value) {
      // A private directory (0700) and file (0600): the bytes are a chat export. The module deletes both.
      const dir = fs.mkdtempSync(path.join(options.tempDir ?? os.tmpdir(), 'pcmig-bytes-'));
      const file = path.join(dir, 'output.bin');
      fs.writeFileSync(file, value, { mode: 0o600 });
      write({ type: 'bytes', path: file, length: value.length });
    },
    verbose: (message) => write({ type: 'verbose', message }),
    debug: (message) => write({ type: 'debug', message }),
    warning: (message) => write({ type: 'warning', message }),
    error: (record, terminating) => write({ type: 'error', terminating, record }),
    progress(event: ProgressEvent) {
      const percent = event.percentComplete ?? (event.total ? Math.floor(((event.current ?? 0) * 100) / event.total) : -1);
      write({
        type: 'progress',
        activityId: activities.of(event.activity),
        parentActivityId: event.parentActivity ? activities.of(event.parentActivity) : -1,
        activity: event.activity,
        status: event.status,
        percentComplete: Math.max(-1, Math.min(100, Math.round(percent))),
        secondsRemaining: event.secondsRemaining === undefined ? -1 : Math.round(event.secondsRemaining),
        completed: event.completed === true,
      });
    },
    whatIf: (target, action, description) => write({ type: 'whatif', target, action, ...(description !== undefined ? { description } : {}) }),
    finish: async (exitCode) => write({ type: 'end', exitCode }),
  };
}
