import type { ProgressListener } from '../model/progress.js';

/**
 * Maps a step's own 0–100 % onto its share of the whole export, and reports it under the export's activity, and keeps the step's final
 * "completed" event from ending the export's activity.
 */
export function scaleProgress(listener: ProgressListener, from: number, to: number, activity: string): ProgressListener {
  return ({ completed: _completed, ...event }) =>
    listener({
      ...event,
      activity,
      ...(event.percentComplete !== undefined ? { percentComplete: Math.floor(from + ((to - from) * event.percentComplete) / 100) } : {}),
    });
}
