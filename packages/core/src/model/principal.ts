import { z } from 'zod';
import { Limits, PrincipalDisabled, PrincipalTypeId, type PrincipalTypeIdCode } from './constants.js';
import { guidSchema, idSchema } from './primitives.js';

export const PRINCIPAL_KINDS = ['user', 'group', 'folder', 'domain', 'system'] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

export const PRINCIPAL_STATES = ['active', 'sip-disabled', 'deleted'] as const;
export type PrincipalState = (typeof PRINCIPAL_STATES)[number];

/**
 * A principal as the pool caches it from Active Directory (tblPrincipal). `id` is the prinID of
 * the database it was read from; across databases a principal is identified by `guid` (the AD
 * objectGUID), then by UPN or SIP URI.
 */
export const principalSchema = z.object({
  id: idSchema,
  guid: guidSchema,
  kind: z.enum(PRINCIPAL_KINDS),
  /** sip: for users, ma-grp: for groups, containers and domains. */
  uri: z.string().min(1).max(Limits.principalUri),
  name: z.string().max(Limits.principalName).nullable(),
  displayName: z.string().max(Limits.principalName).nullable(),
  email: z.string().max(Limits.principalName).nullable(),
  companyName: z.string().max(Limits.principalName).nullable(),
  /** Distinguished name (prinADPath); null for system principals and federated users. */
  dn: z.string().max(Limits.principalAdPath).nullable(),
  upn: z.string().max(Limits.principalName).nullable(),
  state: z.enum(PRINCIPAL_STATES),
  /** A user of a federated organisation (Persistent Chat does not support federation, R6). */
  federated: z.boolean(),
  homePoolId: z.number().int().nullable(),
});
export type Principal = z.infer<typeof principalSchema>;

/** tblPrincipalAffiliations: `principalId` belongs to `affiliationId` (a group, container or domain). */
export const affiliationSchema = z.object({
  principalId: idSchema,
  affiliationId: idSchema,
  index: z.number().int(),
});
export type Affiliation = z.infer<typeof affiliationSchema>;

const KIND_BY_TYPE: Readonly<Record<number, PrincipalKind>> = {
  [PrincipalTypeId.SystemUser]: 'system',
  [PrincipalTypeId.User]: 'user',
  [PrincipalTypeId.FederatedUser]: 'user',
  [PrincipalTypeId.DC]: 'domain',
  [PrincipalTypeId.Group]: 'group',
  [PrincipalTypeId.Folder]: 'folder',
};

export function principalKindOfType(typeId: number): PrincipalKind | undefined {
  return KIND_BY_TYPE[typeId];
}

/** The tblPrincipal.prinTypeID a principal is stored with. Federated users exist only in legacy pools. */
export function principalTypeOf(principal: Pick<Principal, 'kind' | 'federated'>): PrincipalTypeIdCode {
  switch (principal.kind) {
    case 'system':
      return PrincipalTypeId.SystemUser;
    case 'user':
      return principal.federated ? PrincipalTypeId.FederatedUser : PrincipalTypeId.User;
    case 'domain':
      return PrincipalTypeId.DC;
    case 'group':
      return PrincipalTypeId.Group;
    case 'folder':
      return PrincipalTypeId.Folder;
  }
}

const STATE_BY_CODE: Readonly<Record<number, PrincipalState>> = {
  [PrincipalDisabled.Active]: 'active',
  [PrincipalDisabled.SipDisabled]: 'sip-disabled',
  [PrincipalDisabled.Deleted]: 'deleted',
};
export function principalStateOfCode(code: number): PrincipalState | undefined {
  return STATE_BY_CODE[code];
}
export function principalStateCode(state: PrincipalState): number {
  return state === 'active' ? PrincipalDisabled.Active : state === 'sip-disabled' ? PrincipalDisabled.SipDisabled : PrincipalDisabled.Deleted;
}

/** The DNS domain of a distinguished name: CN=a,OU=b,DC=contoso,DC=com → contoso.com. */
export function dnsDomainOfDn(dn: string): string | undefined {
  const labels = dn
    .split(/(?<!\\),/)
    .map((part) => part.trim())
    .filter((part) => /^DC=/i.test(part))
    .map((part) => part.slice(3).toLowerCase());
  return labels.length > 0 ? labels.join('.') : undefined;
}

/** The domain part of a sip: URI, lower-cased. */
export function sipDomainOf(uri: string): string | undefined {
  const match = /^sip:[^@\s]+@([^;>\s]+)/i.exec(uri);
  return match?.[1]?.toLowerCase();
}
