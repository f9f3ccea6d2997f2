/**
 * What a name must be for NTFS (and the Windows file share behind the Persistent Chat file store)
 * to hold it unchanged. Names that break a rule are reported, never mangled: a Linux SMB client
 * would otherwise map them silently to other characters, and the chat's file links would no
 * longer find them.
 */

/** NTFS limit of one name, in UTF-16 code units. */
export const NTFS_NAME_LIMIT = 255;

/**
 * Default limit of a store-relative path, in UTF-16 code units: Windows MAX_PATH (260) less the
 * terminating NUL and room for the share prefix (`\\server.contoso.com\share\<service folder>\`,
 * typically about 60 characters). Longer paths are copied but reported, since Windows tools
 * without long-path support cannot open them.
 */
export const DEFAULT_MAX_PATH_LENGTH = 200;

export type NameProblem =
  | { readonly code: 'path-escape' }
  | { readonly code: 'ntfs-invalid-character'; readonly characters: readonly string[] }
  | { readonly code: 'ntfs-trailing-dot-or-space' }
  | { readonly code: 'ntfs-reserved-name'; readonly name: string }
  | { readonly code: 'ntfs-name-too-long'; readonly length: number; readonly limit: number };

// eslint-disable-next-line no-control-regex
const SUSPECT = /[<>:"|?*\\\u0000-\u001f]|[. ]$/;
// eslint-disable-next-line no-control-regex
const INVALID = /[<>:"|?*\\\u0000-\u001f]/g;
const RESERVED = /^(CON|PRN|AUX|NUL|COM[1-9\u00b9\u00b2\u00b3]|LPT[1-9\u00b9\u00b2\u00b3])$/i;

/** The first rule a single name (one path segment) breaks, or undefined. */
export function checkNtfsName(name: string): NameProblem | undefined {
  if (SUSPECT.test(name)) {
    // A backslash is a separator on Windows: '..\..\x' or 'C:\x' would land outside the store.
    if (name.includes('\\') || /^[A-Za-z]:/.test(name)) {
      if (name.startsWith('\\') || /^[A-Za-z]:/.test(name) || name.split('\\').some((part) => part === '..')) return { code: 'path-escape' };
    }
    const characters = [...new Set(name.match(INVALID) ?? [])];
    if (characters.length > 0) return { code: 'ntfs-invalid-character', characters };
    return { code: 'ntfs-trailing-dot-or-space' };
  }
  const dot = name.indexOf('.');
  const base = (dot < 0 ? name : name.slice(0, dot)).replace(/ +$/, '');
  if (base.length <= 4 && RESERVED.test(base)) return { code: 'ntfs-reserved-name', name: base.toUpperCase() };
  if (name.length > NTFS_NAME_LIMIT) return { code: 'ntfs-name-too-long', length: name.length, limit: NTFS_NAME_LIMIT };
  return undefined;
}

