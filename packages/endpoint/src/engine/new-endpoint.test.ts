import { expect, it } from 'vitest';
import { sameDn } from '../ldap/distinguished-name.js';
import { dumpDirectory } from '../test-support/faulty-directory.js';
import { expectPcmigError, forEachDirectory } from '../test-support/for-each-directory.js';
import { LEGACY_POOL, LOOKUP_URI, PC_POOL } from '../test-support/test-deployment.js';
import { getPersistentChatEndpoint } from './get-endpoint.js';
import { newPersistentChatEndpoint } from './new-endpoint.js';

forEachDirectory('New-CsPersistentChatEndpoint', ({ make }) => {
  it('creates a contact in CN=Application Contacts with a GUID CN, homed on the pool', async () => {
    const { deployment, forestDn } = await make();
    const result = await newPersistentChatEndpoint({ deployment, sipAddress: 'sip:pchat@contoso.com', persistentChatPoolFqdn: 'PCHAT.contoso.com', displayName: 'Persistent Chat' });
    expect(result.whatIf).toBe(false);
    expect(result.endpoint).toMatchObject({ sipAddress: 'sip:pchat@contoso.com', displayName: 'Persistent Chat', persistentChatPoolFqdn: PC_POOL, enabled: true });
    expect(result.endpoint.identity).toMatch(
      new RegExp(`^CN=\\{[0-9a-f-]{36}\\},CN=Application Contacts,CN=RTC Service,CN=Services,CN=Configuration,${forestDn}$`, 'i'),
    );
    expect(result.actions).toEqual([expect.objectContaining({ code: 'create-endpoint', persistentChatPoolFqdn: PC_POOL })]);
    expect(sameDn(result.actions[0]!.target, result.endpoint.identity)).toBe(true);
    const entry = await deployment.directory.read(result.endpoint.identity);
    expect(entry?.attributes['msRTCSIP-OwnerUrn']).toEqual(['urn:application:persistentchat']);
    expect((await getPersistentChatEndpoint({ deployment })).endpoints).toEqual([result.endpoint]);
  });

  it('shows the endpoint under -WhatIf and changes nothing', async () => {
    const { deployment } = await make();
    const before = await dumpDirectory(deployment);
    const result = await newPersistentChatEndpoint({ deployment, sipAddress: 'sip:pchat@contoso.org', persistentChatPoolFqdn: PC_POOL, whatIf: true });
    expect(result.whatIf).toBe(true);
    expect(result.endpoint).toMatchObject({ sipAddress: 'sip:pchat@contoso.org', displayName: null, persistentChatPoolFqdn: PC_POOL });
    expect(result.actions[0]!.description).toContain('Create the Persistent Chat endpoint');
    expect(await dumpDirectory(deployment)).toEqual(before);
  });

  it.each([
    ['ocschat@contoso.com', 'PCMIG-EP-001'],
    ['sip:ocs chat@contoso.com', 'PCMIG-EP-001'],
    ['sip:pchat@fabrikam.com', 'PCMIG-EP-002'],
  ])('refuses the SIP address %s with %s and changes nothing', async (sipAddress, id) => {
    const { deployment } = await make();
    const before = await dumpDirectory(deployment);
    await expectPcmigError(newPersistentChatEndpoint({ deployment, sipAddress, persistentChatPoolFqdn: PC_POOL }), id);
    expect(await dumpDirectory(deployment)).toEqual(before);
  });

  it('refuses an unknown pool (PCMIG-TOPO-001) and a legacy pool (PCMIG-TOPO-002)', async () => {
    const { deployment } = await make();
    const before = await dumpDirectory(deployment);
    await expectPcmigError(newPersistentChatEndpoint({ deployment, sipAddress: 'sip:pchat@contoso.com', persistentChatPoolFqdn: 'nowhere.contoso.com' }), 'PCMIG-TOPO-001');
    const legacy = await expectPcmigError(newPersistentChatEndpoint({ deployment, sipAddress: 'sip:pchat@contoso.com', persistentChatPoolFqdn: LEGACY_POOL }), 'PCMIG-TOPO-002');
    expect(legacy.shortMessage).toContain('Lync Server 2010 Group Chat');
    expect(await dumpDirectory(deployment)).toEqual(before);
  });

  it('refuses the URI of the Lookup Server account, naming the classic cause (PCMIG-EP-003)', async () => {
    const { deployment, lookupUserDn } = await make();
    const before = await dumpDirectory(deployment);
    const error = await expectPcmigError(newPersistentChatEndpoint({ deployment, sipAddress: 'sip:OCSCHAT@contoso.com', persistentChatPoolFqdn: PC_POOL }), 'PCMIG-EP-003');
    expect(error.shortMessage.toLowerCase()).toContain(lookupUserDn.toLowerCase());
    expect(error.hint).toContain('not deleted first');
    expect(error.hint).toContain('Move-CsPersistentChatLookupUri');
    expect(await dumpDirectory(deployment)).toEqual(before);
  });

  it('refuses a URI another endpoint or an ordinary user holds (PCMIG-EP-003)', async () => {
    const { deployment } = await make();
    await newPersistentChatEndpoint({ deployment, sipAddress: 'sip:pchat@contoso.com', persistentChatPoolFqdn: PC_POOL });
    const again = await expectPcmigError(newPersistentChatEndpoint({ deployment, sipAddress: 'sip:pchat@contoso.com', persistentChatPoolFqdn: PC_POOL }), 'PCMIG-EP-003');
    expect(again.hint).toContain('Get-CsPersistentChatEndpoint');
    const user = await expectPcmigError(newPersistentChatEndpoint({ deployment, sipAddress: 'sip:alice@contoso.com', persistentChatPoolFqdn: PC_POOL }), 'PCMIG-EP-003');
    expect(user.hint).toContain('ocschat');
    expect((await getPersistentChatEndpoint({ deployment })).endpoints).toHaveLength(1);
  });

  it.each([
    ['', 'empty'],
    ['x'.repeat(257), 'longer'],
    ['Chat\u0007Bell', 'control'],
  ])('refuses the display name %j (PCMIG-EP-006)', async (displayName, why) => {
    const { deployment } = await make();
    const error = await expectPcmigError(newPersistentChatEndpoint({ deployment, sipAddress: 'sip:pchat@contoso.com', persistentChatPoolFqdn: PC_POOL, displayName }), 'PCMIG-EP-006');
    expect(error.shortMessage).toContain(why);
  });

  it('warns when the pool already has an endpoint (one per pool is enough)', async () => {
    const { deployment } = await make();
    await newPersistentChatEndpoint({ deployment, sipAddress: 'sip:pchat@contoso.com', persistentChatPoolFqdn: PC_POOL });
    const second = await newPersistentChatEndpoint({ deployment, sipAddress: 'sip:pchat2@contoso.com', persistentChatPoolFqdn: PC_POOL });
    expect(second.warnings.join(' ')).toContain('already has 1 endpoint');
    expect(LOOKUP_URI).toBe('sip:ocschat@contoso.com');
  });
});
