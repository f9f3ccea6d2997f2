/**
 * The Active Directory side of a generated deployment, as plain data: what a directory (the
 * embedded one of @pcmig/endpoint, or an LDAP test server) must hold for the migration to find
 * its principals, the Lookup Server account and the forest.
 */
export interface DirectoryDomain {
  /** DNS name, e.g. emea.contoso.com. */
  readonly fqdn: string;
  readonly dn: string;
  readonly netbiosName: string;
  /** objectGUID (also the prinGuid of the domain's principal, type DC). */
  readonly guid: string;
  /** The forest's root domain. */
  readonly forest: string;
}

export interface DirectoryOrganizationalUnit {
  readonly guid: string;
  readonly name: string;
  readonly dn: string;
  readonly domain: string;
}

export interface DirectoryUser {
  readonly guid: string;
  readonly samAccountName: string;
  readonly userPrincipalName: string;
  /** msRTCSIP-PrimaryUserAddress, with the sip: prefix. */
  readonly sipAddress: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly surname: string;
  readonly email: string;
  readonly dn: string;
  readonly domain: string;
  readonly department: string;
  readonly company: string;
  /** Enabled for Lync / OCS (msRTCSIP-UserEnabled). */
  readonly sipEnabled: boolean;
}

export interface DirectoryGroup {
  readonly guid: string;
  readonly name: string;
  readonly samAccountName: string;
  readonly dn: string;
  readonly email: string;
  readonly domain: string;
  /** objectGUIDs of the member users. */
  readonly members: readonly string[];
}

export interface GeneratedDirectory {
  readonly forest: { readonly name: string; readonly dn: string };
  readonly sipDomain: string;
  readonly domains: readonly DirectoryDomain[];
  readonly organizationalUnits: readonly DirectoryOrganizationalUnit[];
  readonly users: readonly DirectoryUser[];
  readonly groups: readonly DirectoryGroup[];
  /** The SIP-enabled user the legacy Lookup service registers with (sip:ocschat@…). */
  readonly lookupAccount: DirectoryUser;
}
