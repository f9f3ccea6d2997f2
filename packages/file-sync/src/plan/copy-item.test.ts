import { describe, expect, it } from 'vitest';
import { formatItem, itemize } from './copy-item.js';

describe('itemize', () => {
  it('speaks rsync --itemize-changes', () => {
    expect(itemize('copy', 'file')).toBe('>f+++++++++');
    expect(itemize('create-dir', 'dir')).toBe('cd+++++++++');
    expect(itemize('replace', 'file', ['size', 'time'])).toBe('>f.st......');
    expect(itemize('replace', 'file', ['checksum'])).toBe('>fc........');
    expect(itemize('touch', 'file', ['time'])).toBe('.f..t......');
    expect(itemize('skip', 'file')).toBe('.f         ');
    expect(itemize('skip', 'dir')).toBe('.d         ');
    expect(itemize('delete', 'symlink')).toBe('*deleting  ');
    expect(itemize('extra', 'file')).toBe('*extra     ');
    expect(itemize('remove-partial', 'file')).toBe('*partial   ');
    for (const code of [itemize('copy', 'file'), itemize('delete', 'dir'), itemize('skip', 'file')]) expect(code).toHaveLength(11);
  });

  it('formats a line with a trailing slash for folders', () => {
    expect(formatItem({ itemize: 'cd+++++++++', path: 'room/1', kind: 'dir' })).toBe('cd+++++++++ room/1/');
    expect(formatItem({ itemize: '>f+++++++++', path: 'room/1/a.txt', kind: 'file' })).toBe('>f+++++++++ room/1/a.txt');
  });
});
