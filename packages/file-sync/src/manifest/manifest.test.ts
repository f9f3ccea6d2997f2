import { describe, expect, it } from 'vitest';
import { MANIFEST_HEADER, formatManifest, parseManifest, recordedHash, type ManifestEntry } from './manifest.js';

const hash = 'a'.repeat(64);

describe('manifest', () => {
  it('round-trips paths with commas, quotes and Unicode, and files without a hash', () => {
    const entries: ManifestEntry[] = [
      { path: 'room/1/plain.txt', size: 10, mtimeMs: Date.parse('2011-05-01T08:00:00.123Z'), sha256: hash },
      { path: 'room/2/a, "quoted" – name.xlsx', size: 0, mtimeMs: Date.parse('1999-12-31T23:59:59.999Z'), sha256: null },
    ];
    const text = formatManifest(entries);
    expect(text.startsWith(`${MANIFEST_HEADER}\r\n`)).toBe(true);
    expect(text).toContain('"room/2/a, ""quoted"" – name.xlsx",0,1999-12-31T23:59:59.999Z,\r\n');
    expect([...parseManifest(text).values()]).toEqual(entries);
  });

  it('refuses anything that is not a manifest, naming the line', () => {
    expect(() => parseManifest('path,size\n')).toThrow(/line 1/);
    expect(() => parseManifest(`${MANIFEST_HEADER}\nroom/a.txt,12,not-a-date,${hash}\n`)).toThrow(/line 2/);
    expect(() => parseManifest(`${MANIFEST_HEADER}\nroom/a.txt,-1,2011-05-01T08:00:00.000Z,\n`)).toThrow(/line 2/);
    expect(() => parseManifest(`${MANIFEST_HEADER}\n"room/a.txt,1,2011-05-01T08:00:00.000Z,\n`)).toThrow(/line 2: unterminated/);
    expect(() => parseManifest(`${MANIFEST_HEADER}\nroom/a.txt,1,2011-05-01T08:00:00.000Z,XYZ\n`)).toThrow(/line 2/);
  });

  it('trusts a recorded hash only for the same size and time', () => {
    const entry: ManifestEntry = { path: 'a', size: 5, mtimeMs: 1000.4, sha256: hash };
    expect(recordedHash(entry, 5, 1000.9)).toBe(hash);
    expect(recordedHash(entry, 6, 1000.4)).toBeNull();
    expect(recordedHash(entry, 5, 1002)).toBeNull();
    expect(recordedHash({ ...entry, sha256: null }, 5, 1000.4)).toBeNull();
    expect(recordedHash(undefined, 5, 1000.4)).toBeNull();
  });
});
