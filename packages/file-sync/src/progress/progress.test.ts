import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '@pcmig/core';
import { CopyProgress } from './copy-progress.js';
import { formatBytes, formatDuration } from './format-units.js';
import { createTtyProgress, renderProgressLine } from './tty-progress.js';

describe('CopyProgress', () => {
  it('reports bytes and files with a percentage and time remaining that weigh both', () => {
    const events: ProgressEvent[] = [];
    let now = 0;
    const progress = new CopyProgress((e) => events.push(e), () => now);
    progress.startCopy(4, 1000);
    now = 10_000; // the throttle lets an event through every 200 ms
    progress.filesDone(1, 900); // 1 of 4 files, 90 % of the bytes → 57 % done
    expect(events.at(-1)).toMatchObject({
      activity: 'Copy-CsPersistentChatFileStore',
      status: 'Copying: 1 of 4 files, 900 bytes of 1000 bytes',
      current: 900,
      total: 1000,
      percentComplete: 57,
    });
    // 57.5 % in 10 s: 7.4 s to go.
    expect(events.at(-1)?.secondsRemaining).toBe(7);
    progress.finish('Success');
    expect(events.at(-1)).toMatchObject({ completed: true, percentComplete: 100 });
  });
});

describe('createTtyProgress', () => {
  it('is quiet when the stream is not a terminal', () => {
    const written: string[] = [];
    const listener = createTtyProgress({ isTTY: false, write: (t: string) => written.push(t) });
    listener({ activity: 'x', status: 'y', percentComplete: 50 });
    expect(written).toEqual([]);
  });

  it('redraws one line on a terminal and ends it when the activity completes', () => {
    const written: string[] = [];
    const listener = createTtyProgress({ isTTY: true, columns: 120, write: (t: string) => written.push(t) });
    listener({ activity: 'Copy', status: 'Copying: 1 of 2 files', percentComplete: 50, secondsRemaining: 75 });
    listener({ activity: 'Copy', status: 'Success', percentComplete: 100, completed: true });
    expect(written[0]).toBe('\r\x1b[2KCopy  [##########..........]  50%  Copying: 1 of 2 files  ETA 1:15');
    expect(written[1]).toBe(`\r\x1b[2KCopy  [${'#'.repeat(20)}] 100%  Success\n`);
  });

  it('cuts the line to the terminal width', () => {
    expect(renderProgressLine({ activity: 'A', status: 'x'.repeat(200) }, 40)).toHaveLength(39);
  });
});

describe('units', () => {
  it('formats bytes and durations as an administrator reads them', () => {
    expect(formatBytes(17)).toBe('17 bytes');
    expect(formatBytes(1536)).toBe('1.50 KB');
    expect(formatBytes(1024 ** 3)).toBe('1.00 GB');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});
