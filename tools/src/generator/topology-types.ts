/**
 * The topology facts of a generated deployment, as plain data: the legacy Group Chat pool (a
 * trusted application in a trusted application pool), its services, the Lookup Server URI, and
 * the Lync Server 2013 Persistent Chat pool the migration goes to.
 */
export type ServiceState = 'Running' | 'Stopped';

export interface ServiceEntry {
  readonly computer: string;
  /** Short name: Channel, Lookup, Compliance (legacy); PersistentChat, PersistentChatCompliance (target). */
  readonly service: string;
  /** The Windows service's display name. */
  readonly displayName: string;
  readonly state: ServiceState;
}

export interface DatabaseLocation {
  readonly engine: 'sqlite' | 'mssql';
  /** As given to -DBInstance (a file path for the embedded database). */
  readonly dbInstance: string;
  readonly dbName: string | null;
}

export interface LegacyPoolTopology {
  readonly flavour: 'lync2010' | 'ocs2007r2';
  readonly product: string;
  readonly version: string;
  /** The Group Chat pool's FQDN (also the trusted application pool's identity). */
  readonly poolFqdn: string;
  readonly servers: readonly string[];
  readonly complianceServer: string;
  /** The Lookup Server URI legacy clients use (sip:ocschat@…). */
  readonly lookupUri: string;
  readonly trustedApplicationPool: {
    readonly identity: string;
    readonly registrar: string;
    readonly site: string;
    readonly computers: readonly string[];
  };
  readonly trustedApplication: {
    readonly applicationId: string;
    /** <pool FQDN>/urn:application:<application id>, as Get-CsTrustedApplication shows it. */
    readonly identity: string;
    readonly trustedApplicationPoolFqdn: string;
    readonly port: number;
  };
  readonly database: DatabaseLocation;
  /** The legacy file repository: a folder here, and the web service URI stored on the root category. */
  readonly fileStore: { readonly path: string; readonly uri: string };
  readonly services: readonly ServiceEntry[];
}

export interface TargetPoolTopology {
  readonly product: string;
  readonly poolFqdn: string;
  /** The Lync Server 2013 Front End pool that homes the Persistent Chat pool. */
  readonly homePool: string;
  readonly servers: readonly string[];
  readonly site: string;
  readonly database: DatabaseLocation;
  readonly fileStore: { readonly path: string; readonly share: string };
  readonly services: readonly ServiceEntry[];
}

export interface GeneratedTopology {
  readonly forest: string;
  readonly sipDomain: string;
  readonly site: string;
  readonly legacy: LegacyPoolTopology;
  readonly target: TargetPoolTopology | null;
}
