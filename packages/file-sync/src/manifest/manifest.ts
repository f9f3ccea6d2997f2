/**
 * The destination manifest, `<destination>/.pcmig/manifest.csv`: one row per file of the
 * destination that matches the source, for later audits. CSV (RFC 4180, UTF-8, header row) so
 * that PowerShell reads it with Import-Csv:
 *
 *   Path,Size,LastWriteTimeUtc,Sha256
 *   9b3c…/17/Q3 plan.xlsx,48213,2011-05-01T08:00:00.123Z,3f2a…
 *
 * Path is store-relative with '/' separators (as in ma-filelink links); Sha256 is lower-case hex,
 * empty for a file that this and earlier runs copied without hashing.
 */
export const MANIFEST_HEADER = 'Path,Size,LastWriteTimeUtc,Sha256';

export interface ManifestEntry {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha256: string | null;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatManifest(entries: Iterable<ManifestEntry>): string {
  const lines = [MANIFEST_HEADER];
  for (const entry of entries) {
    lines.push(`${csvField(entry.path)},${entry.size},${new Date(entry.mtimeMs).toISOString()},${entry.sha256 ?? ''}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quoted field');
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      fields.push(value);
    } else {
      const comma = line.indexOf(',', i);
      fields.push(line.slice(i, comma < 0 ? line.length : comma));
      i = comma < 0 ? line.length : comma;
    }
    if (i >= line.length) return fields;
    if (line[i] !== ',') throw new Error('text after a quoted field');
    i += 1;
  }
}

/** Parses a manifest; throws an Error naming the line on anything malformed. */
export function parseManifest(text: string): Map<string, ManifestEntry> {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== MANIFEST_HEADER) throw new Error(`line 1 is not the header ${MANIFEST_HEADER}`);
  const entries = new Map<string, ManifestEntry>();
  for (let n = 1; n < lines.length; n += 1) {
    const line = lines[n] as string;
    if (line === '') continue;
    let fields: string[];
    try {
      fields = splitCsvLine(line);
    } catch (error) {
      throw new Error(`line ${n + 1}: ${(error as Error).message}`);
    }
    const [path, size, time, sha256] = fields;
    const mtimeMs = Date.parse(time ?? '');
    if (fields.length !== 4 || !path || !/^\d+$/.test(size ?? '') || Number.isNaN(mtimeMs) || !/^([0-9a-f]{64})?$/.test(sha256 ?? '')) {
      throw new Error(`line ${n + 1} is not Path,Size,LastWriteTimeUtc,Sha256`);
    }
    entries.set(path, { path, size: Number(size), mtimeMs, sha256: sha256 === '' ? null : (sha256 as string) });
  }
  return entries;
}

/** The manifest's hash for a destination file, if the row still describes it (same size and time). */
export function recordedHash(entry: ManifestEntry | undefined, size: number, mtimeMs: number): string | null {
  if (!entry || entry.sha256 === null || entry.size !== size) return null;
  // The manifest keeps milliseconds; file systems keep finer times.
  return Math.abs(entry.mtimeMs - mtimeMs) < 1 ? entry.sha256 : null;
}
