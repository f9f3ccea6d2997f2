import { describe, expect, it } from 'vitest';
import { formatFileLink, parseFileLinks } from './file-link.js';

describe('file links', () => {
  it('round-trips paths with spaces and Unicode', () => {
    const path = '9b3c2a10-0000-4000-8000-000000000001/17/Q3 plan – données.xlsx';
    const link = formatFileLink(path);
    expect(link).not.toMatch(/\s/);
    expect(parseFileLinks(`see ${link} please`)).toEqual([{ raw: link, path }]);
  });

  it('finds several links and ignores other text', () => {
    const content = `a ma-filelink:///r/1/a.txt b ma-filelink:///r/2/b.txt`;
    expect(parseFileLinks(content).map((l) => l.path)).toEqual(['r/1/a.txt', 'r/2/b.txt']);
    expect(parseFileLinks('no links here')).toEqual([]);
  });

  it('never yields a path that escapes the store', () => {
    expect(parseFileLinks('ma-filelink:///../etc/passwd')).toEqual([]);
    expect(parseFileLinks('ma-filelink:///a/%2E%2E/b')).toEqual([]);
    expect(parseFileLinks('ma-filelink:///a/%2Fetc')).toEqual([]);
    expect(parseFileLinks('ma-filelink:///a/%E0%A4%A')).toEqual([]);
    expect(() => formatFileLink('../x')).toThrow(RangeError);
  });
});
