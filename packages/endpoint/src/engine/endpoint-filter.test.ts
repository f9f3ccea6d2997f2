import { describe, expect, it } from 'vitest';
import { isPcmigError } from '@pcmig/core';
import { parseEndpointFilter } from './endpoint-filter.js';
import type { PersistentChatEndpoint } from './results.js';

const endpoint = (sipAddress: string, displayName: string | null, pool: string | null): PersistentChatEndpoint => ({
  identity: `CN={${sipAddress}},CN=Application Contacts`,
  sipAddress,
  displayName,
  persistentChatPoolFqdn: pool,
  guid: null,
  enabled: true,
});
const all = [
  endpoint('sip:ocschat@contoso.com', "O'Brien Chat", 'pchat.contoso.com'),
  endpoint('sip:chat2@contoso.com', 'Chat [EU]', 'pchat2.contoso.com'),
  endpoint('sip:chat3@contoso.org', null, null),
];
const select = (filter: string) => all.filter(parseEndpointFilter(filter)).map((e) => e.sipAddress);

describe('parseEndpointFilter', () => {
  it('compares case-insensitively with -eq -ne -like -notlike and PowerShell wildcards', () => {
    expect(select('{SipAddress -eq "SIP:OCSCHAT@contoso.com"}')).toEqual(['sip:ocschat@contoso.com']);
    expect(select('SipAddress -like "*@contoso.com"')).toEqual(['sip:ocschat@contoso.com', 'sip:chat2@contoso.com']);
    expect(select("$_.SipAddress -like 'sip:chat[23]@*'")).toEqual(['sip:chat2@contoso.com', 'sip:chat3@contoso.org']);
    expect(select('DisplayName -like "chat `[EU`]"')).toEqual(['sip:chat2@contoso.com']);
    expect(select('DisplayName -like "chat [EU]"')).toEqual([]);
    expect(select('DisplayName -eq "Chat [EU]"')).toEqual(['sip:chat2@contoso.com']);
    expect(select("DisplayName -eq 'O''Brien Chat'")).toEqual(['sip:ocschat@contoso.com']);
    expect(select('PersistentChatPoolFqdn -ne "pchat.contoso.com"')).toEqual(['sip:chat2@contoso.com', 'sip:chat3@contoso.org']);
    expect(select('DisplayName -notlike "*chat*"')).toEqual(['sip:chat3@contoso.org']);
  });

  it('binds -and tighter than -or, honours -not and parentheses', () => {
    expect(select('SipAddress -like "*.org" -or SipAddress -like "*chat2*" -and DisplayName -eq "nope"')).toEqual(['sip:chat3@contoso.org']);
    expect(select('(SipAddress -like "*.org" -or SipAddress -like "*chat2*") -and -not (DisplayName -eq "Chat [EU]")')).toEqual(['sip:chat3@contoso.org']);
    expect(select('!(SipAddress -like "*.com")')).toEqual(['sip:chat3@contoso.org']);
  });

  it.each([
    ['', 'empty'],
    ['Name -eq "x"', 'not a property'],
    ['SipAddress -match "x"', 'not an operator'],
    ['SipAddress -eq', 'needs a value'],
    ['SipAddress -eq "x', 'not closed'],
    ['(SipAddress -eq "x"', 'not closed'],
    ['SipAddress -eq "x" DisplayName', 'unexpected'],
    ['SipAddress -eq "x" -and', 'ends too early'],
  ])('refuses %j with PCMIG-EP-007 (%s)', (filter, why) => {
    try {
      parseEndpointFilter(filter);
      expect.unreachable();
    } catch (error) {
      expect(isPcmigError(error) && error.id).toBe('PCMIG-EP-007');
      expect((error as Error).message).toContain(why);
    }
  });
});
