import { describe, expect, it } from 'vitest';
import { isPcmigError } from '@pcmig/core';
import { assertSipDomain, parseSipAddress, sameSipAddress } from './sip-address.js';

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isPcmigError(error)) return error;
    throw error;
  }
  throw new Error('expected a PcmigError');
}

describe('parseSipAddress', () => {
  it('accepts sip:user@domain and keeps the user part as written', () => {
    expect(parseSipAddress('sip:OcsChat@Contoso.com')).toEqual({ uri: 'sip:OcsChat@Contoso.com', user: 'OcsChat', domain: 'contoso.com' });
    expect(parseSipAddress('SIP:ocschat@contoso.com').uri).toBe('sip:ocschat@contoso.com');
    expect(parseSipAddress(' sip:first.last-2%20x@sub.contoso.co.uk ').domain).toBe('sub.contoso.co.uk');
  });

  it.each([
    ['ocschat@contoso.com', 'sip:'],
    ['tel:+4930123', 'sip:'],
    ['sip:ocschat', 'no @domain'],
    ['sip:@contoso.com', 'empty'],
    ['sip:ocs chat@contoso.com', 'characters'],
    ['sip:ocschat@contoso.com;transport=tls', 'not a domain'],
    ['sip:ocs*)(cn=*@contoso.com', 'characters'],
    ['sip:ocschat@contoso', 'not a domain'],
    ['sip:ocschat@-contoso.com', 'not a domain'],
    [`sip:${'a'.repeat(300)}@contoso.com`, 'longer'],
  ])('refuses %s with PCMIG-EP-001', (text, why) => {
    const error = errorOf(() => parseSipAddress(text));
    expect(error.id).toBe('PCMIG-EP-001');
    expect(error.shortMessage).toContain(why);
    expect(error.target).toBe(text);
  });
});

describe('assertSipDomain', () => {
  it('accepts a deployment domain in any case and refuses others with PCMIG-EP-002', () => {
    expect(() => assertSipDomain(parseSipAddress('sip:a@CONTOSO.com'), ['contoso.com'])).not.toThrow();
    const error = errorOf(() => assertSipDomain(parseSipAddress('sip:a@fabrikam.com'), ['contoso.com', 'contoso.org']));
    expect(error.id).toBe('PCMIG-EP-002');
    expect(error.shortMessage).toContain('contoso.com, contoso.org');
  });
});

describe('sameSipAddress', () => {
  it('compares case-insensitively like the directory', () => {
    expect(sameSipAddress('sip:OCSChat@contoso.com', 'sip:ocschat@CONTOSO.COM')).toBe(true);
    expect(sameSipAddress('sip:ocschat@contoso.com', 'sip:ocschat2@contoso.com')).toBe(false);
  });
});
