import { openPool } from '@pcmig/core';
import { expect, it } from 'vitest';
import { expectPcmigError, forEachDirectory } from '../test-support/for-each-directory.js';
import { LEGACY_POOL, PC_POOL } from '../test-support/test-deployment.js';
import { moveLookupUri } from './move-lookup-uri.js';
import { getPersistentChatPool, getTopologyHistory, startPoolServices, stopPoolServices } from './pool-services.js';
import { getTrustedApplication, getTrustedApplicationPool, removeTrustedApplication, removeTrustedApplicationPool } from './trusted-applications.js';

const GROUP_CHAT_APP = `${LEGACY_POOL}/urn:application:groupchat`;
const COMPLIANCE_APP = `${LEGACY_POOL}/urn:application:groupchatcompliance`;

forEachDirectory('Decommissioning and pool services', ({ make }) => {
  it('stops and starts pool services, idempotently, with -WhatIf and an audit trail', async () => {
    const { deployment } = await make();
    const whatIf = await stopPoolServices({ deployment, poolFqdn: PC_POOL, whatIf: true });
    expect(whatIf).toMatchObject({ whatIf: true, changed: false, actions: [{ code: 'set-service-state', target: PC_POOL, from: 'running', to: 'stopped' }] });
    expect((await getPersistentChatPool({ deployment, identity: PC_POOL }))[0]!.services).toBe('running');

    const stopped = await stopPoolServices({ deployment, poolFqdn: 'PCHAT.contoso.com' });
    expect(stopped).toMatchObject({ previous: 'running', current: 'stopped', changed: true, pool: { services: 'stopped' } });
    expect(stopped.pool.servicesChangedAt).not.toBeNull();
    const again = await stopPoolServices({ deployment, poolFqdn: PC_POOL });
    expect(again).toMatchObject({ changed: false, actions: [] });
    expect(again.warnings[0]).toContain('already stopped');
    await startPoolServices({ deployment, poolFqdn: PC_POOL });
    expect((await getTopologyHistory({ deployment })).map((event) => (event.code === 'service-state' ? `${event.pool}:${event.to}` : event.code))).toEqual([
      `${PC_POOL}:stopped`,
      `${PC_POOL}:running`,
    ]);
    await expectPcmigError(stopPoolServices({ deployment, poolFqdn: 'nowhere.contoso.com' }), 'PCMIG-TOPO-001');
  });

  it('describes the pools with their kind, database, file store and lookup URI', async () => {
    const { deployment, folder } = await make();
    const pools = await getPersistentChatPool({ deployment });
    expect(pools.map((pool) => [pool.fqdn, pool.kind, pool.legacy, pool.services])).toEqual([
      [LEGACY_POOL, 'lync2010', true, 'stopped'],
      [PC_POOL, 'pc2013', false, 'running'],
    ]);
    expect(pools[0]).toMatchObject({
      product: 'Lync Server 2010 Group Chat',
      dbInstance: `${folder}/gc.db`,
      fileStore: '\\\\fs.contoso.com\\gcfiles',
      lookupSipAddress: 'sip:ocschat@contoso.com',
      lookupSipAddressSource: 'convention',
    });
    expect(pools[1]).toMatchObject({ lookupSipAddress: null, lookupSipAddressSource: null });
  });

  it('refuses to remove trusted applications while the legacy pool runs (PCMIG-TOPO-004)', async () => {
    const { deployment } = await make();
    await startPoolServices({ deployment, poolFqdn: LEGACY_POOL });
    await expectPcmigError(removeTrustedApplication({ deployment, identity: GROUP_CHAT_APP }), 'PCMIG-TOPO-004');
    await expectPcmigError(removeTrustedApplicationPool({ deployment, identity: LEGACY_POOL }), 'PCMIG-TOPO-004');
    expect(await getTrustedApplication({ deployment })).toHaveLength(2);
  });

  it('removes a trusted application, then the pool with the rest, and warns while the Lookup account is not moved', async () => {
    const { deployment } = await make();
    const whatIf = await removeTrustedApplication({ deployment, identity: `${LEGACY_POOL.toUpperCase()}/groupchat`, whatIf: true });
    expect(whatIf.actions).toEqual([expect.objectContaining({ code: 'remove-trusted-application', target: GROUP_CHAT_APP })]);
    expect(await getTrustedApplication({ deployment })).toHaveLength(2);

    const removed = await removeTrustedApplication({ deployment, identity: `${LEGACY_POOL}/groupchat` });
    expect(removed.application.identity).toBe(GROUP_CHAT_APP);
    expect(removed.warnings.join(' ')).toContain('still exists');
    expect(removed.warnings.join(' ')).toContain('could not be cross-checked');
    expect((await getTrustedApplication({ deployment })).map((application) => application.identity)).toEqual([COMPLIANCE_APP]);
    await expectPcmigError(removeTrustedApplication({ deployment, identity: GROUP_CHAT_APP }), 'PCMIG-TOPO-006');
    await expectPcmigError(removeTrustedApplication({ deployment, identity: 'no-slash' }), 'PCMIG-TOPO-006');

    await moveLookupUri({ deployment });
    const pool = await removeTrustedApplicationPool({ deployment, identity: `TrustedApplicationPool:${LEGACY_POOL}` });
    expect(pool.actions.map((action) => `${action.code} ${action.target}`)).toEqual([
      `remove-trusted-application ${COMPLIANCE_APP}`,
      `remove-trusted-application-pool TrustedApplicationPool:${LEGACY_POOL}`,
    ]);
    expect(pool.warnings.join(' ')).not.toContain('still exists');
    expect(await getTrustedApplicationPool({ deployment })).toEqual([]);
    expect(await getTrustedApplication({ deployment })).toEqual([]);
    await expectPcmigError(removeTrustedApplicationPool({ deployment, identity: LEGACY_POOL }), 'PCMIG-TOPO-007');
    expect((await getTopologyHistory({ deployment })).map((event) => event.code)).toEqual(['trusted-application-removed', 'trusted-application-pool-removed']);
  });

  it('refuses a trusted application pool without a Registrar, as Lync does (PCMIG-TOPO-008)', async () => {
    const { deployment } = await make((d) => ({ ...d, trustedApplicationPools: [{ fqdn: LEGACY_POOL, computers: [] }] }));
    await expectPcmigError(removeTrustedApplicationPool({ deployment, identity: LEGACY_POOL }), 'PCMIG-TOPO-008');
  });

  it('refuses when the pool database shows a Group Chat server active in the last hour (PCMIG-TOPO-005)', async () => {
    const { deployment } = await make(undefined, { createPoolDatabases: true });
    const [legacy] = await getPersistentChatPool({ deployment, identity: LEGACY_POOL });
    const database = await openPool({ dbInstance: legacy!.dbInstance, access: 'write' });
    await database.connection.execute('INSERT INTO tblServerIdentity (serverID, serverAddress, serverLastPingTime) VALUES (@id, @address, @ping)', {
      id: 1,
      address: 'gc1.contoso.com',
      ping: new Date(Date.now() - 5 * 60_000),
    });
    await database.close();
    const error = await expectPcmigError(removeTrustedApplication({ deployment, identity: GROUP_CHAT_APP }), 'PCMIG-TOPO-005');
    expect(error.shortMessage).toContain('gc1.contoso.com');

    const stale = await openPool({ dbInstance: legacy!.dbInstance, access: 'write' });
    await stale.connection.execute('UPDATE tblServerIdentity SET serverLastPingTime = @ping', { ping: new Date(Date.now() - 3 * 3_600_000) });
    await stale.close();
    const removed = await removeTrustedApplication({ deployment, identity: GROUP_CHAT_APP });
    expect(removed.warnings.join(' ')).not.toContain('cross-checked');
  });
});
