import type { Deployment } from '../deployment/deployment.js';
import { endpointErrors } from '../errors/endpoint-errors.js';
import { normalizeDn, parseDn } from '../ldap/distinguished-name.js';
import { sameSipAddress } from '../sip/sip-address.js';
import { isPersistentChatEndpoint, listEndpoints } from './directory-objects.js';
import type { PersistentChatEndpoint } from './results.js';

/**
 * Endpoints matching an -Identity the way Microsoft's UserIdParameter takes it: a SIP address
 * (sip:... or user@domain), a distinguished name, or a display name.
 */
export async function matchEndpoints(deployment: Deployment, identity: string): Promise<PersistentChatEndpoint[]> {
  const text = identity.trim();
  const endpoints = await listEndpoints(deployment);
  if (looksLikeDn(text)) {
    const key = normalizeDn(text);
    const found = endpoints.filter((endpoint) => normalizeDn(endpoint.identity) === key);
    if (found.length === 0) {
      const entry = await deployment.directory.read(text);
      if (entry && !isPersistentChatEndpoint(deployment, entry)) {
        throw endpointErrors.create('PCMIG-EP-016', { message: `${entry.dn} is not a Persistent Chat endpoint.`, target: text });
      }
    }
    return found;
  }
  if (/^sip:/i.test(text) || /^[^\s@]+@[^\s@]+$/.test(text)) {
    const sip = /^sip:/i.test(text) ? text : `sip:${text}`;
    return endpoints.filter((endpoint) => sameSipAddress(endpoint.sipAddress, sip));
  }
  return endpoints.filter((endpoint) => (endpoint.displayName ?? '').toLowerCase() === text.toLowerCase());
}

/** Exactly one endpoint for an identity, else PCMIG-EP-004 / PCMIG-EP-005 / PCMIG-EP-016. */
export async function resolveEndpoint(deployment: Deployment, identity: string): Promise<PersistentChatEndpoint> {
  const found = await matchEndpoints(deployment, identity);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw endpointErrors.create('PCMIG-EP-004', { message: `No Persistent Chat endpoint matches '${identity}'.`, target: identity });
  throw endpointErrors.create('PCMIG-EP-005', {
    message: `'${identity}' matches ${found.length} Persistent Chat endpoints: ${found.map((endpoint) => `${endpoint.sipAddress} (${endpoint.identity})`).join('; ')}.`,
    target: identity,
    reason: { matches: found.map((endpoint) => endpoint.identity) },
  });
}

function looksLikeDn(text: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9-]*\s*=/.test(text) || !text.includes(',')) return false;
  try {
    return parseDn(text).length > 1;
  } catch {
    return false;
  }
}
