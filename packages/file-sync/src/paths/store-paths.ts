import crypto from 'node:crypto';
import path from 'node:path';

/**
 * The folder pcmig keeps in the destination root (manifest, lock). It is never copied from a
 * source, never listed as an extra and never removed by -Mirror.
 */
export const META_DIR = '.pcmig';
export const MANIFEST_PATH = `${META_DIR}/manifest.csv`;
export const LOCK_PATH = `${META_DIR}/lock`;

const PARTIAL_PREFIX = '.pcmig-partial-';
const PARTIAL_NAME = /^\.pcmig-partial-[0-9a-f]{8}-\d+$/;

/**
 * Temporary names of files being copied: `.pcmig-partial-<run>-<n>`, in the file's destination
 * folder (so that the final rename stays on one volume and is atomic). Short and NTFS-safe,
 * whatever the length of the final name. Returns the prefix; jobs append the number.
 */
export function partialPrefix(): string {
  return `${PARTIAL_PREFIX}${crypto.randomBytes(4).toString('hex')}-`;
}

export function isPartialName(name: string): boolean {
  return name.startsWith(PARTIAL_PREFIX) && PARTIAL_NAME.test(name);
}

/** Names the copy reserves for itself (a source entry with such a name is reported, not copied). */
export function isReservedName(name: string, atRoot: boolean): boolean {
  return isPartialName(name) || (atRoot && name === META_DIR);
}

/** Joins a store-relative path ('/'-separated) to a root. */
export function joinStorePath(root: string, relativePath: string): string {
  return relativePath === '' ? root : path.join(root, ...relativePath.split('/'));
}

/** The parent of a store-relative path ('' for the root). */
export function parentOf(relativePath: string): string {
  const slash = relativePath.lastIndexOf('/');
  return slash < 0 ? '' : relativePath.slice(0, slash);
}

/** True when `inner` is `outer` or inside it (absolute, normalised paths). */
export function isWithin(inner: string, outer: string): boolean {
  const a = process.platform === 'win32' ? inner.toLowerCase() : inner;
  const b = process.platform === 'win32' ? outer.toLowerCase() : outer;
  if (a === b) return true;
  return a.startsWith(b.endsWith(path.sep) ? b : b + path.sep);
}
