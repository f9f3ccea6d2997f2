import type { ProgressEvent, ProgressListener } from '@pcmig/core';
import { formatDuration } from './format-units.js';

/** The part of a terminal stream the renderer needs (process.stderr satisfies it). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

const BAR_WIDTH = 20;

/** One line: activity, bar, percentage, status, time remaining; cut to the terminal width. */
export function renderProgressLine(event: ProgressEvent, columns: number): string {
  const parts = [event.activity];
  if (event.percentComplete !== undefined) {
    const filled = Math.round((Math.max(0, Math.min(100, event.percentComplete)) / 100) * BAR_WIDTH);
    parts.push(`[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(event.percentComplete).padStart(3)}%`);
  }
  parts.push(event.status);
  if (event.secondsRemaining !== undefined && !event.completed) parts.push(`ETA ${formatDuration(event.secondsRemaining)}`);
  const line = parts.join('  ');
  const width = Math.max(20, columns - 1);
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

/**
 * A progress bar for the library used alone: it redraws one line on a terminal and stays quiet
 * when the stream is not a terminal (a pipe, a file, a CI log). The cmdlet host renders its own.
 */
export function createTtyProgress(stream: ProgressStream = process.stderr): ProgressListener {
  if (!stream.isTTY) return () => undefined;
  return (event) => {
    const line = renderProgressLine(event, stream.columns ?? 80);
    stream.write(`\r\x1b[2K${line}${event.completed ? '\n' : ''}`);
  };
}
