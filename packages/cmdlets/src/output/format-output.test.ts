import { describe, expect, it } from 'vitest';
import { formatList } from './format-list.js';
import { formatTable } from './format-table.js';
import { formatValue } from './format-value.js';
import { renderErrorRecord } from './render-error-record.js';
import { renderProgressBar } from './render-progress-bar.js';
import { toJsonValue } from './to-json-value.js';

describe('formatValue', () => {
  it('shows values as PowerShell does', () => {
    expect(formatValue(true)).toBe('True');
    expect(formatValue(null)).toBe('');
    expect(formatValue(['a', 'b'])).toBe('{a, b}');
    expect(formatValue(['a', 'b', 'c', 'd', 'e'])).toBe('{a, b, c, d...}');
    expect(formatValue([])).toBe('{}');
    expect(formatValue(12n)).toBe('12');
    expect(formatValue({ a: 1, b: 'x' })).toBe('@{a=1; b=x}');
    expect(formatValue(new Date(2018, 0, 31, 8, 5, 9))).toBe('2018-01-31 08:05:09');
  });
});

describe('formatTable', () => {
  it('sizes columns to their content and shrinks the widest to fit, cutting with …', () => {
    const rows = [
      { Name: 'a', Url: 'https://example.com/a/very/long/path/that/does/not/fit' },
      { Name: 'bb', Url: 'u' },
    ];
    expect(formatTable(rows, 120)).toBe('\nName Url\n---- ---\na    https://example.com/a/very/long/path/that/does/not/fit\nbb   u\n\n');
    const narrow = formatTable(rows, 30).split('\n');
    expect(narrow.every((line) => line.length <= 30)).toBe(true);
    expect(narrow[3]).toMatch(/…$/);
  });

  it('shows only the declared columns', () => {
    expect(formatTable([{ A: 1, B: 2, C: 3 }], 80, ['C', 'A'])).toBe('\nC A\n- -\n3 1\n\n');
  });
});

describe('formatList', () => {
  it('pads names and indents the continuation of multi-line values', () => {
    expect(formatList({ Name: 'x', Description: 'one\ntwo' })).toBe('\nName        : x\nDescription : one\n              two\n');
  });
});

describe('renderProgressBar', () => {
  it('fits activity, status, bar, percentage and time left in the width', () => {
    const line = renderProgressBar({ activity: 'Export-CsPersistentChatData', status: 'Messages: room 12 of 340', current: 50, total: 200, secondsRemaining: 83 }, 100);
    expect(line.length).toBeLessThanOrEqual(99);
    expect(line).toMatch(/^Export-CsPersistentChatData: Messages: room 12 of 340 +\[█{6}░{19}\] {2}25% 1:23 left$/);
    expect(renderProgressBar({ activity: 'A', status: 'x'.repeat(200) }, 40).length).toBe(39);
  });
});

describe('renderErrorRecord', () => {
  it("prints PowerShell's NormalView with the hint and cause", () => {
    const text = renderErrorRecord(
      { id: 'PCMIG-DB-002', category: 'ObjectNotFound', message: 'm', shortMessage: 'The file x.db does not exist.', hint: 'Check the path.', target: 'x.db', cause: 'ENOENT' },
      'Get-CsPersistentChatRoom',
      false,
    );
    expect(text).toBe(
      [
        'Get-CsPersistentChatRoom : The file x.db does not exist.',
        '    + Cause                 : ENOENT',
        '    + Hint                  : Check the path.',
        '    + CategoryInfo          : ObjectNotFound: (x.db:String) [Get-CsPersistentChatRoom], PCMIG-DB-002',
        '    + FullyQualifiedErrorId : PCMIG-DB-002,Get-CsPersistentChatRoom',
        '',
      ].join('\n'),
    );
  });
});

describe('toJsonValue', () => {
  it('makes bigint, dates, bytes, maps and sets JSON-safe, and tags dates for the module', () => {
    const date = new Date('2018-01-31T08:30:00Z');
    expect(toJsonValue({ t: 5n, d: date, b: new Uint8Array([1, 2]), m: new Map([['k', 1]]), s: new Set(['x']), u: undefined })).toEqual({
      t: '5',
      d: '2018-01-31T08:30:00.000Z',
      b: 'AQI=',
      m: { k: 1 },
      s: ['x'],
    });
    expect(toJsonValue({ d: date }, true)).toEqual({ d: { $date: '2018-01-31T08:30:00.000Z' } });
  });
});
