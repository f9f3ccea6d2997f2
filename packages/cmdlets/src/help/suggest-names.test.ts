import { describe, expect, it } from 'vitest';
import { editDistance, suggestNames } from './suggest-names.js';

const names = ['Get-CsPersistentChatRoom', 'Get-CsPersistentChatCategory', 'Get-CsPersistentChatAddin', 'Export-CsPersistentChatData', 'Get-Help', 'rehearse'];

describe('suggestNames', () => {
  it('offers the nearest names for typos, transpositions and missing prefixes, nearest first', () => {
    expect(suggestNames('Get-CsPersistentChatRom', names)[0]).toBe('Get-CsPersistentChatRoom');
    expect(suggestNames('get-cspersistentchatroom', names)[0]).toBe('Get-CsPersistentChatRoom');
    expect(suggestNames('Get-CsPersistnetChatAddin', names)).toEqual(['Get-CsPersistentChatAddin']);
    expect(suggestNames('Get-PersistentChatRoom', names)[0]).toBe('Get-CsPersistentChatRoom');
    expect(suggestNames('rehears', names)).toEqual(['rehearse']);
    expect(suggestNames('Remove-Everything', names)).toEqual([]);
  });

  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
