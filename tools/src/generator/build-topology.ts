import { LEGACY_SCHEMA_VERSIONS, PRODUCT_NAMES, type LegacyFlavour } from '@pcmig/core';
import type { DatabaseLocation, GeneratedTopology, ServiceEntry, ServiceState } from './topology-types.js';

const SITE = 'Redmond';

export const LEGACY_POOL_FQDN = 'gcpool01.contoso.com';
export const TARGET_POOL_FQDN = 'pchat01.contoso.com';

/** The web-service URI a Group Chat root category stores in filestoreURI (decision: the pool's file repository). */
export function legacyFileStoreUri(poolFqdn: string = LEGACY_POOL_FQDN): string {
  return `https://${poolFqdn}/GroupChat/FileRepository`;
}

/** Chat servers' addresses as tblServerIdentity records them. */
export function chatServerAddress(computer: string): string {
  return `net.tcp://${computer}:8011`;
}

export const LEGACY_SERVERS = ['gc01.contoso.com', 'gc02.contoso.com'] as const;
export const LEGACY_COMPLIANCE_SERVER = 'gccomp01.contoso.com';
export const TARGET_SERVERS = ['pchat01a.contoso.com', 'pchat01b.contoso.com'] as const;

export function buildTopology(input: {
  readonly flavour: LegacyFlavour;
  readonly lookupUri: string;
  readonly forest: string;
  readonly sipDomain: string;
  readonly legacyDatabase: DatabaseLocation;
  readonly legacyFileStore: string;
  readonly target: { readonly database: DatabaseLocation; readonly fileStore: string } | null;
  /** State of every service, as the administrator finds them before the downtime window. */
  readonly serviceState: ServiceState;
}): GeneratedTopology {
  const prefix = input.flavour === 'ocs2007r2' ? 'Office Communications Server 2007 R2 Group Chat' : 'Lync Server Group Chat';
  const service = (computer: string, name: string, displayName: string): ServiceEntry => ({ computer, service: name, displayName, state: input.serviceState });
  const legacyServices = [
    ...LEGACY_SERVERS.flatMap((computer) => [service(computer, 'Channel', `${prefix} Channel`), service(computer, 'Lookup', `${prefix} Lookup`)]),
    service(LEGACY_COMPLIANCE_SERVER, 'Compliance', `${prefix} Compliance`),
  ];
  return {
    forest: input.forest,
    sipDomain: input.sipDomain,
    site: SITE,
    legacy: {
      flavour: input.flavour,
      product: PRODUCT_NAMES[input.flavour],
      version: LEGACY_SCHEMA_VERSIONS[input.flavour],
      poolFqdn: LEGACY_POOL_FQDN,
      servers: [...LEGACY_SERVERS],
      complianceServer: LEGACY_COMPLIANCE_SERVER,
      lookupUri: input.lookupUri,
      trustedApplicationPool: {
        identity: LEGACY_POOL_FQDN,
        registrar: input.flavour === 'ocs2007r2' ? 'ocspool01.contoso.com' : 'lyncpool01.contoso.com',
        site: SITE,
        computers: [...LEGACY_SERVERS, LEGACY_COMPLIANCE_SERVER],
      },
      trustedApplication: {
        applicationId: 'groupchat',
        identity: `${LEGACY_POOL_FQDN}/urn:application:groupchat`,
        trustedApplicationPoolFqdn: LEGACY_POOL_FQDN,
        port: 5041,
      },
      database: input.legacyDatabase,
      fileStore: { path: input.legacyFileStore, uri: legacyFileStoreUri() },
      services: legacyServices,
    },
    target: input.target
      ? {
          product: PRODUCT_NAMES.pc2013,
          poolFqdn: TARGET_POOL_FQDN,
          homePool: 'fe2013.contoso.com',
          servers: [...TARGET_SERVERS],
          site: SITE,
          database: input.target.database,
          fileStore: { path: input.target.fileStore, share: '\\\\fs01.contoso.com\\LyncShare\\1-PersistentChatService-1' },
          services: TARGET_SERVERS.flatMap((computer) => [
            service(computer, 'PersistentChat', 'Lync Server Persistent Chat'),
            service(computer, 'PersistentChatCompliance', 'Lync Server Persistent Chat Compliance'),
          ]),
        }
      : null,
  };
}
