import type { ErrorRecordData } from '@pcmig/core';
import type { EntryKind } from '../fs/copy-file-system.js';

/**
 * What the copy does to one path. The WhatIf list and the real run use the same items:
 * - create-dir: a folder the destination lacks (empty folders included);
 * - copy: a file the destination lacks; replace: a file that differs (see `changes`);
 * - touch: same content, only the modification time differs (checksum mode);
 * - skip: unchanged (listed, like rsync -ii, so that the list accounts for every file);
 * - delete: with -Mirror, a destination entry the source does not have (or of another type);
 * - extra: without -Mirror, such an entry is kept and listed (robocopy's "*EXTRA");
 * - remove-partial: a temporary file left by an interrupted run.
 */
export const COPY_ACTIONS = ['create-dir', 'copy', 'replace', 'touch', 'skip', 'delete', 'extra', 'remove-partial'] as const;
export type CopyAction = (typeof COPY_ACTIONS)[number];

export type Change = 'checksum' | 'size' | 'time';

export interface CopyItem {
  readonly action: CopyAction;
  readonly kind: EntryKind;
  /** Store-relative, '/'-separated. */
  readonly path: string;
  /** Bytes of the file (the source's; for delete, extra and remove-partial the destination's). */
  readonly size: number;
  /** Modification time (ms since 1970) of the same side as `size`. */
  readonly mtimeMs: number;
  /** For skip, replace and touch: the destination file's current modification time. */
  readonly destinationMtimeMs?: number;
  /** For replace and touch: what differs. */
  readonly changes?: readonly Change[];
  /** rsync --itemize-changes style code, e.g. `>f+++++++++`. */
  readonly itemize: string;
}

export type ItemOutcome = 'planned' | 'done' | 'failed' | 'vanished';

export interface CopyItemResult extends CopyItem {
  readonly outcome: ItemOutcome;
  /** Attempts made (0 when planned). */
  readonly attempts: number;
  /** SHA-256 of the content, when it was hashed (verify, checksum). */
  readonly sha256?: string;
  readonly error?: ErrorRecordData;
}

/**
 * The 11-character code rsync prints with --itemize-changes: update type (`>` sent, `c` created,
 * `.` unchanged, `*` message), file type (`f` file, `d` folder, `L` link, `S` special), then
 * c(hecksum), s(ize), t(ime); `+` everywhere for a new item. pcmig adds `*extra` (kept, not in
 * the source) and `*partial` (left by an interrupted run).
 */
export function itemize(action: CopyAction, kind: EntryKind, changes: readonly Change[] = []): string {
  const type = kind === 'file' ? 'f' : kind === 'dir' ? 'd' : kind === 'symlink' ? 'L' : 'S';
  switch (action) {
    case 'create-dir':
      return `cd+++++++++`;
    case 'copy':
      return `>${type}+++++++++`;
    case 'replace':
    case 'touch': {
      const flags = `${changes.includes('checksum') ? 'c' : '.'}${changes.includes('size') ? 's' : '.'}${changes.includes('time') ? 't' : '.'}`;
      return `${action === 'replace' ? '>' : '.'}${type}${flags}......`;
    }
    case 'skip':
      return `.${type}         `;
    case 'delete':
      return '*deleting  ';
    case 'extra':
      return '*extra     ';
    case 'remove-partial':
      return '*partial   ';
  }
}

/** One line of the itemized list: the code, a space, the path (folders end with '/'). */
export function formatItem(item: Pick<CopyItem, 'itemize' | 'path' | 'kind'>): string {
  return `${item.itemize} ${item.path}${item.kind === 'dir' ? '/' : ''}`;
}
