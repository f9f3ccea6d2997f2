import type { ProgressEvent } from '@pcmig/core';

/** One line of a terminal progress bar: "Activity: status [█████░░░░░]  42% 1:23 left". */
export function renderProgressBar(event: ProgressEvent, width: number): string {
  const percent = event.percentComplete ?? (event.total ? Math.floor(((event.current ?? 0) * 100) / event.total) : undefined);
  const tail = [
    percent === undefined ? '' : `${String(Math.max(0, Math.min(100, Math.round(percent)))).padStart(3)}%`,
    event.secondsRemaining === undefined ? '' : `${formatSeconds(event.secondsRemaining)} left`,
  ]
    .filter(Boolean)
    .join(' ');
  const barWidth = percent === undefined ? 0 : Math.max(10, Math.min(30, Math.floor(width / 4)));
  const filled = percent === undefined ? 0 : Math.round((barWidth * Math.max(0, Math.min(100, percent))) / 100);
  const bar = barWidth ? ` [${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}]` : '';
  const room = width - 1 - bar.length - (tail ? tail.length + 1 : 0);
  let head = `${event.activity}: ${event.status}`;
  if (head.length > room) head = `${head.slice(0, Math.max(0, room - 1))}…`;
  return `${head.padEnd(Math.max(0, room))}${bar}${tail ? ` ${tail}` : ''}`;
}

function formatSeconds(total: number): string {
  const s = Math.max(0, Math.round(total));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
