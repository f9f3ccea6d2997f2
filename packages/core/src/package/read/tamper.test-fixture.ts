import crypto from 'node:crypto';
import { EntryName } from '../format/package-layout.js';
import { craftZip, type CraftedEntry } from '../zip/craft-zip.test-fixture.js';
import { BytesAccess } from '../zip/random-access.js';
import { ZipReader } from '../zip/zip-reader.js';

/** Every entry of a package, by name, in archive order. */
export async function entriesOf(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await ZipReader.open(new BytesAccess(bytes), 'test');
  const entries = new Map<string, Buffer>();
  for (const entry of zip.entries) entries.set(entry.name, await zip.readWhole(entry, 1 << 30));
  return entries;
}

/**
 * Builds a package from (edited) entries. With `fixManifest` the manifest's sizes and SHA-256s
 * are recomputed, so that only the edit itself is wrong: the way a careful forger would do it.
 */
export function rebuild(entries: Map<string, Buffer>, options: { fixManifest?: boolean; extra?: CraftedEntry[] } = {}): Buffer {
  const copy = new Map(entries);
  const manifestBytes = copy.get(EntryName.manifest);
  if (options.fixManifest !== false && manifestBytes) {
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as { entries: { name: string; size: number; sha256: string }[] };
    for (const entry of manifest.entries) {
      const data = copy.get(entry.name);
      if (!data) continue;
      entry.size = data.length;
      entry.sha256 = crypto.createHash('sha256').update(data).digest('hex');
    }
    copy.set(EntryName.manifest, Buffer.from(JSON.stringify(manifest, null, 1)));
  }
  return craftZip([...[...copy].map(([name, data]) => ({ name, data })), ...(options.extra ?? [])]);
}

/** Edits one entry's text. */
export function editText(entries: Map<string, Buffer>, name: string, edit: (text: string) => string): Map<string, Buffer> {
  const copy = new Map(entries);
  const before = copy.get(name);
  if (!before) throw new Error(`no entry ${name}`);
  const after = edit(before.toString('utf8'));
  if (after === before.toString('utf8')) throw new Error(`the edit of ${name} changed nothing`);
  copy.set(name, Buffer.from(after, 'utf8'));
  return copy;
}

/** Edits the manifest as an object. */
export function editManifest(entries: Map<string, Buffer>, edit: (manifest: Record<string, unknown>) => void): Map<string, Buffer> {
  return editText(entries, EntryName.manifest, (text) => {
    const manifest = JSON.parse(text) as Record<string, unknown>;
    edit(manifest);
    return JSON.stringify(manifest, null, 1);
  });
}
