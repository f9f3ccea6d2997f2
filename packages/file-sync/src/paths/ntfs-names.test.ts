import { describe, expect, it } from 'vitest';
import { foldNtfsCase } from './fold-case.js';
import { checkNtfsName } from './ntfs-names.js';

describe('checkNtfsName', () => {
  it('accepts ordinary names, including dots inside, Unicode and 255 UTF-16 code units', () => {
    for (const name of ['report.docx', '.hidden', 'a..b', 'Q3 plan – données.xlsx', 'console.txt', 'COM0', 'LPT10', 'con-call.txt', 'x'.repeat(255), '👩‍👩‍👧.png']) {
      expect(checkNtfsName(name), name).toBeUndefined();
    }
  });

  it('names the characters NTFS cannot hold', () => {
    expect(checkNtfsName('a<b>c.txt')).toEqual({ code: 'ntfs-invalid-character', characters: ['<', '>'] });
    expect(checkNtfsName('what?*.txt')).toEqual({ code: 'ntfs-invalid-character', characters: ['?', '*'] });
    expect(checkNtfsName('say "hi"|x')).toEqual({ code: 'ntfs-invalid-character', characters: ['"', '|'] });
    expect(checkNtfsName('file.txt:stream')).toEqual({ code: 'ntfs-invalid-character', characters: [':'] });
    expect(checkNtfsName('bell\u0007')).toEqual({ code: 'ntfs-invalid-character', characters: ['\u0007'] });
    expect(checkNtfsName('a\\b')).toEqual({ code: 'ntfs-invalid-character', characters: ['\\'] });
  });

  it('treats backslash paths that climb or are absolute as escapes', () => {
    for (const name of ['..\\x', 'a\\..\\..\\x', '\\\\server\\share\\x', '\\x', 'C:\\x', 'c:x']) {
      expect(checkNtfsName(name), name).toEqual({ code: 'path-escape' });
    }
  });

  it('rejects a trailing dot or space', () => {
    expect(checkNtfsName('name.')).toEqual({ code: 'ntfs-trailing-dot-or-space' });
    expect(checkNtfsName('name ')).toEqual({ code: 'ntfs-trailing-dot-or-space' });
  });

  it('rejects device names with any extension, in any case', () => {
    for (const [name, device] of [
      ['CON', 'CON'],
      ['prn.txt', 'PRN'],
      ['Aux.tar.gz', 'AUX'],
      ['nul .txt', 'NUL'],
      ['com1', 'COM1'],
      ['COM9.log', 'COM9'],
      ['lpt1', 'LPT1'],
      ['COM\u00b9', 'COM\u00b9'],
    ]) {
      expect(checkNtfsName(name as string), name).toEqual({ code: 'ntfs-reserved-name', name: device });
    }
  });

  it('rejects names over 255 UTF-16 code units', () => {
    expect(checkNtfsName('x'.repeat(256))).toEqual({ code: 'ntfs-name-too-long', length: 256, limit: 255 });
    expect(checkNtfsName('😀'.repeat(128))).toEqual({ code: 'ntfs-name-too-long', length: 256, limit: 255 });
  });
});

describe('foldNtfsCase', () => {
  it('folds as NTFS compares: one code unit for one, no expansion, no normalisation', () => {
    expect(foldNtfsCase('Report.docx')).toBe(foldNtfsCase('REPORT.DOCX'));
    expect(foldNtfsCase('ÉTÉ.txt')).toBe(foldNtfsCase('été.txt'));
    expect(foldNtfsCase('straße')).not.toBe(foldNtfsCase('STRASSE'));
    expect(foldNtfsCase('e\u0301')).not.toBe(foldNtfsCase('\u00e9'));
    expect(foldNtfsCase('𐐨')).toBe('𐐨');
  });
});
