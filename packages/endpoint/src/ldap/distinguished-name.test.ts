import { describe, expect, it } from 'vitest';
import { isPcmigError } from '@pcmig/core';
import { childDn, escapeDnValue, firstRdnValue, formatDn, isWithinDn, normalizeDn, parentDn, parseDn, sameDn } from './distinguished-name.js';
import { equalityFilter, escapeFilterValue } from './filter-escape.js';

describe('parseDn / formatDn (RFC 4514)', () => {
  it('parses plain, escaped, hex-escaped and multi-valued RDNs', () => {
    expect(parseDn('CN=Smith\\, John,OU=Sales+L=Berlin,DC=contoso,DC=com')).toEqual([
      [{ type: 'CN', value: 'Smith, John' }],
      [
        { type: 'OU', value: 'Sales' },
        { type: 'L', value: 'Berlin' },
      ],
      [{ type: 'DC', value: 'contoso' }],
      [{ type: 'DC', value: 'com' }],
    ]);
    expect(parseDn('cn=M\\C3\\BCller,dc=x')[0]![0]!.value).toBe('Müller');
    expect(parseDn('cn=\\ lead and trail\\ ,dc=x')[0]![0]!.value).toBe(' lead and trail ');
    expect(parseDn('cn = spaced , dc = x')).toEqual([[{ type: 'cn', value: 'spaced' }], [{ type: 'dc', value: 'x' }]]);
    expect(parseDn('CN={33e5014b-7c4e-4f1b-9a36-2f4f0e6f5a10},CN=Application Contacts')[0]![0]!.value).toBe('{33e5014b-7c4e-4f1b-9a36-2f4f0e6f5a10}');
    expect(parseDn('')).toEqual([]);
  });

  it('round-trips every special character through escape and parse', () => {
    for (const value of ['a,b', 'a+b', 'a"b', 'a\\b', 'a<b>', 'a;b', 'a=b', '#lead', ' lead', 'trail ', 'nul\0x', '😀 emoji', 'cn=x)(objectClass=*']) {
      const dn = childDn('CN', value, 'DC=contoso,DC=com');
      expect(parseDn(dn)[0]![0]!.value).toBe(value);
      expect(firstRdnValue(dn)).toBe(value);
    }
    expect(escapeDnValue('#a b ')).toBe('\\#a b\\ ');
  });

  it.each(['cn', 'cn=a,b', '=x', 'cn=a\\zz', 'cn=a"b', '1cn=x', 'cn=\\C3'])('refuses %s with PCMIG-DIR-007', (text) => {
    try {
      parseDn(text);
      expect.unreachable();
    } catch (error) {
      expect(isPcmigError(error) && error.id).toBe('PCMIG-DIR-007');
    }
  });

  it('normalises for case-insensitive comparison and finds parents and containment', () => {
    expect(normalizeDn('CN=OcsChat,CN=Users,DC=Contoso,DC=COM')).toBe('cn=ocschat,cn=users,dc=contoso,dc=com');
    expect(sameDn('cn=a\\,b , dc=x', 'CN=A\\2Cb,DC=X')).toBe(true);
    expect(sameDn('OU=a+L=b,DC=x', 'l=B+ou=A,dc=x')).toBe(true);
    expect(parentDn('CN=a,CN=Users,DC=x')).toBe('CN=Users,DC=x');
    expect(parentDn('DC=x')).toBeNull();
    expect(isWithinDn('CN=a,CN=Users,DC=x', 'cn=users,dc=X')).toBe(true);
    expect(isWithinDn('CN=Users,DC=x', 'CN=Users,DC=x')).toBe(true);
    expect(isWithinDn('CN=a,CN=NotUsers,DC=x', 'CN=Users,DC=x')).toBe(false);
    expect(formatDn(parseDn('CN=x\\+y,DC=z'))).toBe('CN=x\\+y,DC=z');
  });
});

describe('escapeFilterValue (RFC 4515)', () => {
  it('escapes the filter metacharacters and NUL', () => {
    expect(escapeFilterValue('sip:a*)(objectClass=*)\\\0')).toBe('sip:a\\2a\\29\\28objectClass=\\2a\\29\\5c\\00');
    expect(equalityFilter('msRTCSIP-PrimaryUserAddress', 'sip:x*@y')).toBe('(msRTCSIP-PrimaryUserAddress=sip:x\\2a@y)');
    expect(() => equalityFilter('bad)(x', 'v')).toThrow(RangeError);
  });
});
