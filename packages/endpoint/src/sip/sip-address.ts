import { Limits } from '@pcmig/core';
import { endpointErrors } from '../errors/endpoint-errors.js';

/** A SIP address as Lync stores it in msRTCSIP-PrimaryUserAddress: `sip:user@domain`. */
export interface SipAddress {
  /** The address as given, with the scheme written `sip:`. */
  readonly uri: string;
  readonly user: string;
  /** Lower case: DNS names compare case-insensitively. */
  readonly domain: string;
}

// RFC 3261 user part without the characters that start URI parameters or headers (; ? /):
// a Lync SIP address names an account, never a parameterised URI.
const USER_PART = /^(?:[A-Za-z0-9\-_.!~'&=+$,]|%[0-9A-Fa-f]{2})+$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Parses and validates a SIP address; throws PCMIG-EP-001 naming what is wrong. */
export function parseSipAddress(text: string): SipAddress {
  const fail = (why: string) =>
    endpointErrors.create('PCMIG-EP-001', { message: `'${text}' is not a valid SIP address: ${why}.`, target: text, reason: { why } });
  const value = text.trim();
  if (!/^sip:/i.test(value)) throw fail('it must start with sip:');
  if (value.length > Limits.principalUri) throw fail(`it is longer than ${Limits.principalUri} characters`);
  const rest = value.slice(4);
  const at = rest.lastIndexOf('@');
  if (at < 0) throw fail('it has no @domain');
  const user = rest.slice(0, at);
  const domain = rest.slice(at + 1);
  if (user === '') throw fail('the user part before @ is empty');
  if (!USER_PART.test(user)) throw fail(`the user part '${user}' holds characters a SIP address cannot have`);
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
    throw fail(`'${domain}' is not a domain name`);
  }
  return { uri: `sip:${user}@${domain}`, user, domain: domain.toLowerCase() };
}

/** Throws PCMIG-EP-002 unless the address is in one of the deployment's SIP domains. */
export function assertSipDomain(address: SipAddress, sipDomains: readonly string[]): void {
  if (sipDomains.some((domain) => domain.toLowerCase() === address.domain)) return;
  throw endpointErrors.create('PCMIG-EP-002', {
    message: `${address.uri} is in the domain ${address.domain}, which is not a SIP domain of this deployment (${sipDomains.join(', ')}).`,
    target: address.uri,
    reason: { domain: address.domain, sipDomains: [...sipDomains] },
  });
}

/** Directory comparison of SIP addresses (msRTCSIP-PrimaryUserAddress matches case-insensitively). */
export function sameSipAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
