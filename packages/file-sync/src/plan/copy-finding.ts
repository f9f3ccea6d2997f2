import type { EntryKind } from '../fs/copy-file-system.js';

/**
 * Something about a path that the administrator must know. `error` findings are entries that
 * are NOT copied (the destination stays incomplete until the source is corrected); `warning`
 * findings are copied or harmless but worth a look. Paths are store-relative.
 */
export type CopyFinding =
  | { readonly code: 'path-escape'; readonly severity: 'error'; readonly path: string }
  | { readonly code: 'ntfs-invalid-character'; readonly severity: 'error'; readonly path: string; readonly characters: readonly string[] }
  | { readonly code: 'ntfs-trailing-dot-or-space'; readonly severity: 'error'; readonly path: string }
  | { readonly code: 'ntfs-reserved-name'; readonly severity: 'error'; readonly path: string; readonly name: string }
  | { readonly code: 'ntfs-name-too-long'; readonly severity: 'error'; readonly path: string; readonly length: number; readonly limit: number }
  | { readonly code: 'invalid-encoding'; readonly severity: 'error'; readonly path: string }
  | { readonly code: 'case-collision'; readonly severity: 'error'; readonly path: string; readonly collidesWith: readonly string[] }
  | { readonly code: 'destination-case-conflict'; readonly severity: 'error'; readonly path: string; readonly destinationPath: string }
  | { readonly code: 'reserved-name'; readonly severity: 'error'; readonly path: string }
  | { readonly code: 'symlink-outside-source'; readonly severity: 'error'; readonly path: string; readonly target: string }
  | { readonly code: 'symlink-not-followed'; readonly severity: 'warning'; readonly path: string; readonly target: string }
  | { readonly code: 'special-file'; readonly severity: 'error'; readonly path: string }
  | { readonly code: 'type-conflict'; readonly severity: 'error'; readonly path: string; readonly source: EntryKind; readonly destination: EntryKind }
  | { readonly code: 'unreadable'; readonly severity: 'error'; readonly path: string; readonly side: 'source' | 'destination'; readonly reason: string }
  | { readonly code: 'path-too-long'; readonly severity: 'warning'; readonly path: string; readonly length: number; readonly limit: number }
  | { readonly code: 'source-vanished'; readonly severity: 'warning'; readonly path: string }
  | { readonly code: 'manifest-unreadable'; readonly severity: 'warning'; readonly path: string; readonly reason: string }
  | { readonly code: 'folder-time-not-set'; readonly severity: 'warning'; readonly path: string; readonly reason: string };

export type FindingCode = CopyFinding['code'];

/** One sentence per finding, for logs and the host. */
export function describeFinding(finding: CopyFinding): string {
  const where = finding.path === '' ? 'the store root' : finding.path;
  switch (finding.code) {
    case 'path-escape':
      return `${where}: the name holds '\\' separators or a drive that would place it outside the store on Windows; not copied.`;
    case 'ntfs-invalid-character':
      return `${where}: NTFS cannot hold the character(s) ${finding.characters.map((c) => JSON.stringify(c)).join(' ')}; not copied. Rename it in the source.`;
    case 'ntfs-trailing-dot-or-space':
      return `${where}: Windows drops a trailing dot or space from names; not copied. Rename it in the source.`;
    case 'ntfs-reserved-name':
      return `${where}: ${finding.name} is a reserved device name on Windows; not copied. Rename it in the source.`;
    case 'ntfs-name-too-long':
      return `${where}: the name has ${finding.length} characters, NTFS allows ${finding.limit}; not copied.`;
    case 'invalid-encoding':
      return `${where}: the name is not valid UTF-8 and cannot be written to NTFS unchanged; not copied.`;
    case 'case-collision':
      return `${where}: collides on NTFS (case-insensitive) with ${finding.collidesWith.join(', ')}; none of them is copied. Rename all but one in the source.`;
    case 'destination-case-conflict':
      return `${where}: the destination holds ${finding.destinationPath}, the same name on NTFS in another case; not copied, nothing overwritten.`;
    case 'reserved-name':
      return `${where}: the name is reserved for pcmig's own files; not copied.`;
    case 'symlink-outside-source':
      return `${where}: symbolic link to ${finding.target}, outside the source tree; refused.`;
    case 'symlink-not-followed':
      return `${where}: symbolic link to ${finding.target}; links are not followed (the target inside the store is copied under its own name).`;
    case 'special-file':
      return `${where}: not a regular file or folder (device, pipe or socket); not copied.`;
    case 'type-conflict':
      return `${where}: the source has a ${finding.source === 'dir' ? 'folder' : finding.source}, the destination a ${finding.destination === 'dir' ? 'folder' : finding.destination}; not copied (use -Mirror to replace it).`;
    case 'unreadable':
      return `${where}: cannot be read in the ${finding.side} (${finding.reason}); skipped, and nothing under it is deleted.`;
    case 'path-too-long':
      return `${where}: path of ${finding.length} characters (limit ${finding.limit}); copied, but Windows tools without long-path support may not open it.`;
    case 'source-vanished':
      return `${where}: disappeared from the source during the run; not copied.`;
    case 'manifest-unreadable':
      return `${where}: the previous manifest cannot be read (${finding.reason}); it is rewritten.`;
    case 'folder-time-not-set':
      return `${where}: the folder's modification time could not be restored (${finding.reason}); its content is complete.`;
  }
}
