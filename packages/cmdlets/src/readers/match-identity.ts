import { HostError } from '../errors/host-error.js';

/**
 * Finds an item by -Identity: <Name> or <PersistentChatPoolFqdn>\<Name>, case-insensitively (names
 * are unique per pool). A name may itself hold a backslash, so the whole text is tried as a name
 * first. With -PersistentChatPoolFqdn, a pool part must be that pool.
 */
export function matchIdentity<T extends { readonly name: string }>(items: readonly T[], identity: string, poolFqdn: string | undefined): T | undefined {
  const whole = identity.toLowerCase();
  const exact = items.find((item) => item.name.toLowerCase() === whole);
  if (exact) return exact;
  const slash = identity.indexOf('\\');
  if (slash < 0) return undefined;
  const pool = identity.slice(0, slash);
  if (poolFqdn !== undefined && pool.toLowerCase() !== poolFqdn.toLowerCase()) return undefined;
  const name = identity.slice(slash + 1).toLowerCase();
  return items.find((item) => item.name.toLowerCase() === name);
}

/** The identity pcmig shows: pool\name when the pool FQDN is known, else the name. */
export function identityOf(name: string, poolFqdn: string | undefined): string {
  return poolFqdn ? `${poolFqdn}\\${name}` : name;
}

export function notFound(kind: 'category' | 'chat room' | 'add-in', identity: string, where: string): HostError {
  return new HostError('PCMIG-HOST-020', {
    message: `Cannot find the ${kind} "${identity}" in ${where}.`,
    target: identity,
    reason: { kind, identity },
  });
}
