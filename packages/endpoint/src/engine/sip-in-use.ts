import { endpointErrors } from '../errors/endpoint-errors.js';
import type { SipHolder } from './directory-objects.js';

export function describeHolders(holders: readonly SipHolder[]): string {
  return holders.map((holder) => `${holder.persistentChatEndpoint ? 'the Persistent Chat endpoint' : `the ${holder.kind}`} ${holder.dn}`).join(' and ');
}

/** PCMIG-EP-003: the SIP address belongs to someone already. `hint` replaces the catalog's when the situation is known better. */
export function sipAddressInUse(sipAddress: string, holders: readonly SipHolder[], hint?: string): Error {
  return endpointErrors.create('PCMIG-EP-003', {
    message: `${sipAddress} is already held by ${describeHolders(holders)}.`,
    target: sipAddress,
    ...(hint !== undefined ? { hint } : {}),
    reason: { holders: holders.map((holder) => ({ dn: holder.dn, kind: holder.kind })) },
  });
}
