import type { ProgressEvent, ProgressListener } from '@pcmig/core';

export interface ProgressStream {
  write(text: string): boolean;
  readonly isTTY?: boolean;
}

/**
 * Renders progress events on a stream: one redrawn bar line on a terminal, plain lines (at most
 * one every few seconds, plus every change of activity) when the output is a log.
 */
export function renderProgress(stream: ProgressStream, options: { readonly lineIntervalMs?: number } = {}): { readonly listener: ProgressListener; finish(): void } {
  const interval = options.lineIntervalMs ?? 3_000;
  let lastLine = 0;
  let lastActivity = '';
  let drawn = false;
  const listener = (event: ProgressEvent) => {
    const text = progressLine(event);
    if (stream.isTTY) {
      stream.write(`\r\u001b[K${text}`);
      drawn = !event.completed;
      if (event.completed) stream.write('\n');
      return;
    }
    const now = Date.now();
    if (event.completed || event.activity !== lastActivity || now - lastLine >= interval) {
      stream.write(`${text}\n`);
      lastLine = now;
      lastActivity = event.activity;
    }
  };
  return {
    listener,
    finish() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

export function progressLine(event: ProgressEvent): string {
  const percent = event.percentComplete;
  const bar = percent === undefined ? '' : `[${'#'.repeat(Math.round(percent / 5)).padEnd(20, '.')}] ${String(percent).padStart(3)}% `;
  const counts = event.current !== undefined && event.total !== undefined ? ` (${event.current.toLocaleString('en-US')} / ${event.total.toLocaleString('en-US')})` : '';
  return `${event.activity}: ${bar}${event.status}${counts}`;
}
