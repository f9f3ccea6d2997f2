import { expect, it } from 'vitest';
import { sameDn } from '../ldap/distinguished-name.js';
import { dumpDirectory } from '../test-support/faulty-directory.js';
import { expectPcmigError, forEachDirectory } from '../test-support/for-each-directory.js';
import { LOOKUP_URI, PC_POOL } from '../test-support/test-deployment.js';
import { getPersistentChatEndpoint } from './get-endpoint.js';
import { newPersistentChatEndpoint } from './new-endpoint.js';
import { removePersistentChatEndpoint } from './remove-endpoint.js';

const SECOND_POOL = 'pchat2.contoso.com';

forEachDirectory('Get-/Remove-CsPersistentChatEndpoint', ({ make }) => {
  const withTwoPools = () =>
    make((definition) => ({ ...definition, pools: [...definition.pools, { fqdn: SECOND_POOL, kind: 'pc2013', database: { instance: 'pchat2.db' } }] }));

  it('finds endpoints by SIP address, display name, DN, -Filter and pool, and removes them one by one', async () => {
    const { deployment } = await withTwoPools();
    const a = (await newPersistentChatEndpoint({ deployment, sipAddress: 'sip:chat-a@contoso.com', persistentChatPoolFqdn: PC_POOL, displayName: 'Chat A' })).endpoint;
    const b = (await newPersistentChatEndpoint({ deployment, sipAddress: 'sip:chat-b@contoso.org', persistentChatPoolFqdn: SECOND_POOL, displayName: 'Chat B' })).endpoint;
    const c = (await newPersistentChatEndpoint({ deployment, sipAddress: 'sip:chat-c@contoso.com', persistentChatPoolFqdn: SECOND_POOL })).endpoint;
    const sips = async (params: Parameters<typeof getPersistentChatEndpoint>[0]) =>
      (await getPersistentChatEndpoint({ deployment, ...params })).endpoints.map((endpoint) => endpoint.sipAddress);

    expect(await sips({})).toEqual([a.sipAddress, b.sipAddress, c.sipAddress]);
    expect(await sips({ identity: 'SIP:CHAT-B@contoso.org' })).toEqual([b.sipAddress]);
    expect(await sips({ identity: 'chat-c@contoso.com' })).toEqual([c.sipAddress]);
    expect(await sips({ identity: 'chat a' })).toEqual([a.sipAddress]);
    expect(await sips({ identity: b.identity.toUpperCase() })).toEqual([b.sipAddress]);
    expect(await sips({ persistentChatPoolFqdn: SECOND_POOL })).toEqual([b.sipAddress, c.sipAddress]);
    expect(await sips({ filter: '{SipAddress -like "sip:chat-?@contoso.com"}' })).toEqual([a.sipAddress, c.sipAddress]);
    expect(await sips({ filter: '{DisplayName -eq "Chat B" -or PersistentChatPoolFqdn -eq "pchat.contoso.com"}' })).toEqual([a.sipAddress, b.sipAddress]);
    expect(await sips({ filter: "-not (DisplayName -like 'chat*')" })).toEqual([c.sipAddress]);
    expect(await sips({ identity: 'sip:nobody@contoso.com' })).toEqual([]);
    await expectPcmigError(getPersistentChatEndpoint({ deployment, filter: '{SipAddress -match "x"}' }), 'PCMIG-EP-007');

    const whatIf = await removePersistentChatEndpoint({ deployment, identity: 'Chat A', whatIf: true });
    expect(whatIf).toMatchObject({ whatIf: true, actions: [{ code: 'remove-endpoint', sipAddress: a.sipAddress }] });
    expect(await sips({})).toHaveLength(3);

    const removed = await removePersistentChatEndpoint({ deployment, identity: 'Chat A' });
    expect(sameDn(removed.endpoint.identity, a.identity)).toBe(true);
    expect(await sips({})).toEqual([b.sipAddress, c.sipAddress]);
    await removePersistentChatEndpoint({ deployment, identity: b.identity });
    await removePersistentChatEndpoint({ deployment, identity: c.sipAddress });
    expect(await sips({})).toEqual([]);
    expect(await deployment.directory.read(c.identity)).toBeNull();
  });

  it('refuses an identity that matches nothing (EP-004), several endpoints (EP-005) or a user (EP-016), changing nothing', async () => {
    const { deployment, lookupUserDn } = await make();
    await newPersistentChatEndpoint({ deployment, sipAddress: 'sip:chat-a@contoso.com', persistentChatPoolFqdn: PC_POOL, displayName: 'Chat' });
    await newPersistentChatEndpoint({ deployment, sipAddress: 'sip:chat-b@contoso.com', persistentChatPoolFqdn: PC_POOL, displayName: 'Chat' });
    const before = await dumpDirectory(deployment);
    await expectPcmigError(removePersistentChatEndpoint({ deployment, identity: 'sip:nobody@contoso.com' }), 'PCMIG-EP-004');
    const ambiguous = await expectPcmigError(removePersistentChatEndpoint({ deployment, identity: 'Chat' }), 'PCMIG-EP-005');
    expect(ambiguous.shortMessage).toContain('sip:chat-a@contoso.com');
    await expectPcmigError(removePersistentChatEndpoint({ deployment, identity: lookupUserDn }), 'PCMIG-EP-016');
    await expectPcmigError(removePersistentChatEndpoint({ deployment, identity: LOOKUP_URI }), 'PCMIG-EP-004');
    expect(await dumpDirectory(deployment)).toEqual(before);
  });

  it('warns when the removed endpoint carries a legacy pool\'s Lookup Server URI', async () => {
    const { deployment, lookupUserDn } = await make();
    await deployment.directory.delete(lookupUserDn);
    await newPersistentChatEndpoint({ deployment, sipAddress: LOOKUP_URI, persistentChatPoolFqdn: PC_POOL });
    const removed = await removePersistentChatEndpoint({ deployment, identity: LOOKUP_URI });
    expect(removed.warnings.join(' ')).toContain('legacy Group Chat clients will no longer reach');
  });
});
