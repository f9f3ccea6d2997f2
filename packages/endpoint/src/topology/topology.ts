import type { SourceFlavour } from '@pcmig/core';
import type { ServiceState } from '../deployment/deployment-schema.js';

export type { ServiceState } from '../deployment/deployment-schema.js';

/** A pool as the migration sees it: the topology's definition with the services' current state. */
export interface TopologyPool {
  readonly fqdn: string;
  readonly kind: SourceFlavour;
  /** e.g. "Lync Server 2010 Group Chat". */
  readonly product: string;
  readonly legacy: boolean;
  /** Ready for openPool / -DBInstance (SQLite paths made absolute). */
  readonly dbInstance: string;
  readonly dbName: string | null;
  /** Safe for logs and reports. */
  readonly databaseDescription: string;
  readonly fileStore: string | null;
  readonly services: ServiceState;
  /** When pcmig last changed the state (null: as deployment.json declares it). */
  readonly servicesChangedAt: string | null;
  /** Legacy pools: the SIP URI the Lookup service uses. */
  readonly lookupSipAddress: string | null;
  /** Where it comes from: deployment.json, or the ocschat@ convention when the file names none. */
  readonly lookupSipAddressSource: 'topology' | 'convention' | null;
  /** msRTCSIP-PrimaryHomeServer of objects homed here. */
  readonly homeServerDn: string;
}

/** A trusted application pool (Microsoft: Get-CsTrustedApplicationPool). */
export interface TrustedApplicationPool {
  /** TrustedApplicationPool:<fqdn> */
  readonly identity: string;
  readonly poolFqdn: string;
  /** Registrar:<fqdn>, or null when none is assigned (such a pool cannot be removed). */
  readonly registrar: string | null;
  readonly site: string | null;
  readonly computers: readonly string[];
  /** The legacy Group Chat pool it runs, if any. */
  readonly groupChatPoolFqdn: string | null;
  /** Identities of its trusted applications. */
  readonly applications: readonly string[];
}

/** A trusted application (Microsoft: Get-CsTrustedApplication). */
export interface TrustedApplication {
  /** <pool fqdn>/urn:application:<id> */
  readonly identity: string;
  readonly applicationId: string;
  readonly trustedApplicationPoolFqdn: string;
  readonly port: number | null;
}

/** What pcmig changed in the topology, in order: the store's audit trail. */
export type TopologyEvent =
  | { readonly code: 'service-state'; readonly at: string; readonly pool: string; readonly from: ServiceState; readonly to: ServiceState }
  | { readonly code: 'trusted-application-removed'; readonly at: string; readonly identity: string }
  | { readonly code: 'trusted-application-pool-removed'; readonly at: string; readonly pool: string; readonly applications: readonly string[] };

/**
 * The part of the Central Management store the migration touches: pools and their services,
 * trusted application pools and trusted applications.
 */
export interface Topology {
  readonly description: string;
  pools(): Promise<TopologyPool[]>;
  setServiceState(poolFqdn: string, state: ServiceState): Promise<{ readonly previous: ServiceState; readonly current: ServiceState }>;
  trustedApplicationPools(): Promise<TrustedApplicationPool[]>;
  trustedApplications(): Promise<TrustedApplication[]>;
  removeTrustedApplication(identity: string): Promise<void>;
  /** Removes the pool with its applications (as Remove-CsTrustedApplicationPool does); returns their identities. */
  removeTrustedApplicationPool(poolFqdn: string): Promise<readonly string[]>;
  history(): Promise<TopologyEvent[]>;
}
