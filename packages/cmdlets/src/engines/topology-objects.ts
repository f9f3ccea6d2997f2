import type { TopologyEvent, TopologyPool, TrustedApplication, TrustedApplicationPool } from '@pcmig/endpoint';

/** A pool of the topology (Get-CsPersistentChatPool); PoolFqdn binds to Stop-/Start-CsPersistentChatPoolService by property name. */
export function poolObject(pool: TopologyPool) {
  return {
    Identity: pool.fqdn,
    PoolFqdn: pool.fqdn,
    Kind: pool.kind,
    Product: pool.product,
    Legacy: pool.legacy,
    Services: pool.services,
    ServicesChangedAt: pool.servicesChangedAt === null ? null : new Date(pool.servicesChangedAt),
    DBInstance: pool.dbInstance,
    DBName: pool.dbName,
    Database: pool.databaseDescription,
    FileStore: pool.fileStore,
    LookupSipAddress: pool.lookupSipAddress,
    LookupSipAddressSource: pool.lookupSipAddressSource,
    HomeServerDn: pool.homeServerDn,
  };
}

/** Microsoft: DisplayTrustedApplication. */
export function trustedApplicationObject(application: TrustedApplication) {
  return {
    Identity: application.identity,
    ApplicationId: application.applicationId,
    TrustedApplicationPoolFqdn: application.trustedApplicationPoolFqdn,
    Port: application.port,
  };
}

/** Microsoft: DisplayExternalServer (trusted application pool). */
export function trustedApplicationPoolObject(pool: TrustedApplicationPool) {
  return {
    Identity: pool.identity,
    PoolFqdn: pool.poolFqdn,
    Registrar: pool.registrar,
    Site: pool.site,
    Computers: [...pool.computers],
    Applications: [...pool.applications],
    GroupChatPoolFqdn: pool.groupChatPoolFqdn,
  };
}

/** One entry of the topology's audit trail, in one shape for every kind of event. */
export function topologyEventObject(event: TopologyEvent) {
  const base = { When: new Date(event.at), Event: event.code };
  switch (event.code) {
    case 'service-state':
      return { ...base, Target: event.pool, From: event.from, To: event.to, Applications: [] as string[] };
    case 'trusted-application-removed':
      return { ...base, Target: event.identity, From: null, To: null, Applications: [event.identity] };
    case 'trusted-application-pool-removed':
      return { ...base, Target: event.pool, From: null, To: null, Applications: [...event.applications] };
  }
}
