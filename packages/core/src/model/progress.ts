/**
 * Progress of long work, shaped like PowerShell's Write-Progress so that the module can pass it
 * straight through (Activity, Status, PercentComplete, SecondsRemaining, Completed). Engines
 * emit events; the host renders a bar on a TTY and the module calls Write-Progress.
 */
export interface ProgressEvent {
  /** Stable per operation, e.g. "Export-CsPersistentChatData". */
  readonly activity: string;
  /** What is happening now, e.g. "Messages: room 12 of 340". */
  readonly status: string;
  readonly percentComplete?: number;
  /** Units done / total (messages, bytes, files) when known. */
  readonly current?: number;
  readonly total?: number;
  readonly secondsRemaining?: number;
  /** Set on the last event of an activity. */
  readonly completed?: boolean;
  /** Nested activities (e.g. one file of a copy) name their parent. */
  readonly parentActivity?: string;
}

export type ProgressListener = (event: ProgressEvent) => void;

/**
 * Throttles progress to at most one event per interval (plus the last one), so that hot loops
 * can report freely.
 */
export function throttleProgress(listener: ProgressListener | undefined, intervalMs = 200): ProgressListener {
  if (!listener) return () => undefined;
  let last = 0;
  return (event) => {
    const now = Date.now();
    if (event.completed || now - last >= intervalMs) {
      last = now;
      listener(event);
    }
  };
}
