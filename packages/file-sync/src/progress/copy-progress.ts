import type { ProgressEvent, ProgressListener } from '@pcmig/core';
import { formatBytes, formatCount } from './format-units.js';

export const COPY_ACTIVITY = 'Copy-CsPersistentChatFileStore';

/** At most one event per interval (plus the last), so that hot loops may report freely. */
const INTERVAL_MS = 200;

/**
 * Turns the run's phases into ProgressEvents (scan, content comparison, copy, done). During the
 * copy, `current`/`total` are bytes; the percentage and the time remaining weigh bytes and files
 * equally, since small files cost their count more than their size.
 */
export class CopyProgress {
  private lastEmitted = Number.NEGATIVE_INFINITY;
  private copyStarted = 0;
  private files = 0;
  private bytes = 0;
  private totalFiles = 0;
  private totalBytes = 0;

  constructor(
    private readonly listener: ProgressListener | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** Builds and sends an event only when one is due (status texts are not free). */
  private emit(event: () => ProgressEvent, completed = false): void {
    if (!this.listener) return;
    const now = this.now();
    if (!completed && now - this.lastEmitted < INTERVAL_MS) return;
    this.lastEmitted = now;
    this.listener(event());
  }

  scanned(entries: number): void {
    this.emit(() => ({ activity: COPY_ACTIVITY, status: `Scanning: ${formatCount(entries)} entries` }));
  }

  hashed(done: number, total: number): void {
    this.emit(() => ({
      activity: COPY_ACTIVITY,
      status: `Comparing contents: ${formatBytes(done)} of ${formatBytes(total)}`,
      current: done,
      total,
      percentComplete: total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100,
    }));
  }

  startCopy(totalFiles: number, totalBytes: number): void {
    this.copyStarted = this.now();
    this.totalFiles = totalFiles;
    this.totalBytes = totalBytes;
    this.files = 0;
    this.bytes = 0;
    this.report();
  }

  filesDone(files: number, bytes: number): void {
    this.files += files;
    this.bytes += bytes;
    this.report();
  }

  private fraction(): number {
    const byFiles = this.totalFiles > 0 ? this.files / this.totalFiles : 1;
    const byBytes = this.totalBytes > 0 ? this.bytes / this.totalBytes : 1;
    return (byFiles + byBytes) / 2;
  }

  private report(): void {
    this.emit(() => {
      const fraction = this.fraction();
      const elapsed = (this.now() - this.copyStarted) / 1000;
      return {
        activity: COPY_ACTIVITY,
        status: `Copying: ${formatCount(this.files)} of ${formatCount(this.totalFiles)} files, ${formatBytes(this.bytes)} of ${formatBytes(this.totalBytes)}`,
        current: this.bytes,
        total: this.totalBytes,
        percentComplete: Math.min(100, Math.floor(fraction * 100)),
        ...(fraction > 0 && elapsed >= 1 ? { secondsRemaining: Math.round((elapsed * (1 - fraction)) / fraction) } : {}),
      };
    });
  }

  finish(status: string): void {
    this.emit(() => ({ activity: COPY_ACTIVITY, status, percentComplete: 100, completed: true }), true);
  }
}
