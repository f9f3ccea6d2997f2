import { PRODUCT_NAMES, isLegacyFlavour } from '@pcmig/core';
import { z } from 'zod';
import { normalizeApplicationId, type DeploymentDefinition, type ServiceState } from '../deployment/deployment-schema.js';
import { defaultHomeServerDn } from '../directory/lync-attributes.js';
import { topologyErrors } from '../errors/topology-errors.js';
import { JsonFileStore, type JsonStoreErrors } from '../store/json-file-store.js';
import { lookupSipAddressOf } from './lookup-sip-address.js';
import type { Topology, TopologyEvent, TopologyPool, TrustedApplication, TrustedApplicationPool } from './topology.js';

const state = z.enum(['running', 'stopped']);
const eventSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('service-state'), at: z.string(), pool: z.string(), from: state, to: state }),
  z.object({ code: z.literal('trusted-application-removed'), at: z.string(), identity: z.string() }),
  z.object({ code: z.literal('trusted-application-pool-removed'), at: z.string(), pool: z.string(), applications: z.array(z.string()) }),
]);
const topologyFileSchema = z.object({ version: z.literal(1), events: z.array(eventSchema) });
type TopologyFile = z.infer<typeof topologyFileSchema>;
type StoredEvent = TopologyFile['events'][number];

const storeErrors: JsonStoreErrors = {
  missing: (file) => topologyErrors.create('PCMIG-TOPO-010', { message: `The topology state file ${file} is missing.`, target: file, hint: 'createDeployment creates it; restore it from a backup of the deployment folder.' }),
  damaged: (file, why, cause) => topologyErrors.create('PCMIG-TOPO-010', { message: `The topology state file ${file} is damaged: ${why}.`, target: file, cause }),
  busy: (lockFile, owner) =>
    topologyErrors.create('PCMIG-TOPO-011', {
      message: `The topology store is locked by ${owner ? `process ${owner.pid} on ${owner.hostname} since ${owner.acquiredAt}` : 'another process'} (${lockFile}).`,
      target: lockFile,
    }),
  writeFailed: (file, cause) => topologyErrors.create('PCMIG-TOPO-012', { message: `The topology state file ${file} cannot be written.`, target: file, cause }),
};

/** How a pool's database is reached, resolved by openDeployment. */
export interface ResolvedDatabase {
  readonly dbInstance: string;
  readonly dbName: string | null;
  readonly description: string;
}

/**
 * The embedded topology: what exists comes from deployment.json (which pcmig never rewrites);
 * what pcmig changed (service states, removed trusted applications and pools) is an event log
 * in the state file, so the current view is the definition with the log applied and every
 * change stays auditable.
 */
export class EmbeddedTopology implements Topology {
  readonly description: string;
  private readonly store: JsonFileStore<TopologyFile>;

  constructor(
    private readonly definition: DeploymentDefinition,
    private readonly databases: ReadonlyMap<string, ResolvedDatabase>,
    readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.store = new JsonFileStore(file, topologyFileSchema, storeErrors);
    this.description = `embedded:${file}`;
  }

  static async initialise(file: string): Promise<void> {
    await new JsonFileStore(file, topologyFileSchema, storeErrors).create({ version: 1, events: [] });
  }

  async pools(): Promise<TopologyPool[]> {
    return this.poolsFrom(await this.store.read());
  }

  private poolsFrom({ events }: TopologyFile): TopologyPool[] {
    return this.definition.pools.map((pool) => {
      const lastChange = [...events].reverse().find((event) => event.code === 'service-state' && event.pool === pool.fqdn);
      const database = this.databases.get(pool.fqdn)!;
      const legacy = isLegacyFlavour(pool.kind);
      const lookup = lookupSipAddressOf(pool, this.definition);
      return {
        fqdn: pool.fqdn,
        kind: pool.kind,
        product: PRODUCT_NAMES[pool.kind],
        legacy,
        dbInstance: database.dbInstance,
        dbName: database.dbName,
        databaseDescription: database.description,
        fileStore: pool.fileStore ?? null,
        services: lastChange?.code === 'service-state' ? lastChange.to : pool.services,
        servicesChangedAt: lastChange?.at ?? null,
        lookupSipAddress: lookup?.address ?? null,
        lookupSipAddressSource: lookup?.source ?? null,
        homeServerDn: pool.homeServerDn ?? defaultHomeServerDn(pool.fqdn, this.definition.forestDn),
      };
    });
  }

  async setServiceState(poolFqdn: string, to: ServiceState): Promise<{ previous: ServiceState; current: ServiceState }> {
    const fqdn = poolFqdn.toLowerCase();
    return this.store.update((file) => {
      const pool = this.poolsFrom(file).find((candidate) => candidate.fqdn === fqdn);
      if (!pool) throw topologyErrors.create('PCMIG-TOPO-001', { message: `There is no pool ${poolFqdn} in the topology.`, target: poolFqdn });
      if (pool.services === to) return { value: file, result: { previous: to, current: to } };
      const event: StoredEvent = { code: 'service-state', at: this.now().toISOString(), pool: fqdn, from: pool.services, to };
      return { value: { ...file, events: [...file.events, event] }, result: { previous: pool.services, current: to } };
    });
  }

  async trustedApplicationPools(): Promise<TrustedApplicationPool[]> {
    return this.trustedPoolsFrom(await this.store.read());
  }

  async trustedApplications(): Promise<TrustedApplication[]> {
    return this.applicationsFrom(await this.store.read());
  }

  async removeTrustedApplication(identity: string): Promise<void> {
    await this.store.update((file) => {
      const application = this.applicationsFrom(file).find((candidate) => candidate.identity === identity);
      if (!application) throw topologyErrors.create('PCMIG-TOPO-006', { message: `There is no trusted application ${identity}.`, target: identity });
      const event: StoredEvent = { code: 'trusted-application-removed', at: this.now().toISOString(), identity };
      return { value: { ...file, events: [...file.events, event] }, result: undefined };
    });
  }

  async removeTrustedApplicationPool(poolFqdn: string): Promise<readonly string[]> {
    const fqdn = poolFqdn.toLowerCase();
    return this.store.update((file) => {
      const pool = this.trustedPoolsFrom(file).find((candidate) => candidate.poolFqdn === fqdn);
      if (!pool) throw topologyErrors.create('PCMIG-TOPO-007', { message: `There is no trusted application pool ${poolFqdn}.`, target: poolFqdn });
      const event: StoredEvent = { code: 'trusted-application-pool-removed', at: this.now().toISOString(), pool: fqdn, applications: [...pool.applications] };
      return { value: { ...file, events: [...file.events, event] }, result: pool.applications };
    });
  }

  async history(): Promise<TopologyEvent[]> {
    return (await this.store.read()).events;
  }

  private trustedPoolsFrom(file: TopologyFile): TrustedApplicationPool[] {
    const removedPools = new Set(file.events.flatMap((event) => (event.code === 'trusted-application-pool-removed' ? [event.pool] : [])));
    const applications = this.applicationsFrom(file);
    return this.definition.trustedApplicationPools
      .filter((pool) => !removedPools.has(pool.fqdn))
      .map((pool) => {
        const groupChatPool =
          pool.groupChatPool ?? this.definition.pools.find((candidate) => candidate.fqdn === pool.fqdn && isLegacyFlavour(candidate.kind))?.fqdn ?? null;
        return {
          identity: `TrustedApplicationPool:${pool.fqdn}`,
          poolFqdn: pool.fqdn,
          registrar: pool.registrar ? `Registrar:${pool.registrar}` : null,
          site: pool.site ?? null,
          computers: pool.computers,
          groupChatPoolFqdn: groupChatPool,
          applications: applications.filter((application) => application.trustedApplicationPoolFqdn === pool.fqdn).map((application) => application.identity),
        };
      });
  }

  private applicationsFrom(file: TopologyFile): TrustedApplication[] {
    const removedPools = new Set(file.events.flatMap((event) => (event.code === 'trusted-application-pool-removed' ? [event.pool] : [])));
    const removed = new Set(file.events.flatMap((event) => (event.code === 'trusted-application-removed' ? [event.identity] : [])));
    return this.definition.trustedApplications
      .map((application) => {
        const applicationId = normalizeApplicationId(application.applicationId);
        return {
          identity: `${application.pool}/${applicationId}`,
          applicationId,
          trustedApplicationPoolFqdn: application.pool,
          port: application.port ?? null,
        };
      })
      .filter((application) => !removed.has(application.identity) && !removedPools.has(application.trustedApplicationPoolFqdn));
  }
}
