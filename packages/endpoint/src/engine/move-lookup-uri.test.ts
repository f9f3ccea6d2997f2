import fs from 'node:fs';
import path from 'node:path';
import type { ProgressEvent } from '@pcmig/core';
import { expect, it } from 'vitest';
import { directoryErrors } from '../errors/directory-errors.js';
import { dumpDirectory, withFaults } from '../test-support/faulty-directory.js';
import { expectPcmigError, forEachDirectory } from '../test-support/for-each-directory.js';
import { spawnTsChild, waitForExit, waitForLine } from '../test-support/run-ts-child.js';
import { LEGACY_POOL, LOOKUP_DISPLAY_NAME, LOOKUP_URI, PC_POOL } from '../test-support/test-deployment.js';
import { getPersistentChatEndpoint } from './get-endpoint.js';
import { readActiveJournal } from './lookup-move-journal.js';
import { moveLookupUri } from './move-lookup-uri.js';
import { newPersistentChatEndpoint } from './new-endpoint.js';
import { startPoolServices } from './pool-services.js';

function history(journalFolder: string): { outcome: string; notes?: string[] }[] {
  const folder = path.join(journalFolder, 'history');
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .sort()
    .map((file) => JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as { outcome: string; notes?: string[] });
}

/** The endpoint creation failing after the user was deleted: the fault the move must survive. */
const failedCreate = () => directoryErrors.create('PCMIG-DIR-003', { message: 'Injected: creating the endpoint is refused.' });

forEachDirectory('Move-CsPersistentChatLookupUri', ({ kind, make, slapd }) => {
  it('shows both steps under -WhatIf and changes nothing', async () => {
    const { deployment, lookupUserDn } = await make();
    const before = await dumpDirectory(deployment);
    const result = await moveLookupUri({ deployment, whatIf: true });
    expect(result.whatIf).toBe(true);
    expect(result.actions.map((action) => action.code)).toEqual(['remove-user', 'create-endpoint']);
    expect(result.actions[0]).toMatchObject({ sipAddress: LOOKUP_URI, displayName: LOOKUP_DISPLAY_NAME });
    expect(result.actions[0]!.target.toLowerCase()).toBe(lookupUserDn.toLowerCase());
    expect(result.actions[1]).toMatchObject({ sipAddress: LOOKUP_URI, displayName: LOOKUP_DISPLAY_NAME, persistentChatPoolFqdn: PC_POOL });
    expect(result.endpoint).toMatchObject({ sipAddress: LOOKUP_URI, displayName: LOOKUP_DISPLAY_NAME, persistentChatPoolFqdn: PC_POOL });
    expect(result.lookupSipAddressSource).toBe('convention');
    expect(await dumpDirectory(deployment)).toEqual(before);
    expect(fs.existsSync(path.join(deployment.journalFolder, 'lookup-move.json'))).toBe(false);
  });

  it('deletes the Lookup Server user and creates the endpoint with the same URI and display name', async () => {
    const { deployment, lookupUserDn } = await make();
    const progress: ProgressEvent[] = [];
    const result = await moveLookupUri({ deployment, onProgress: (event) => progress.push(event) });
    expect(result).toMatchObject({ whatIf: false, alreadyMoved: false, sipAddress: LOOKUP_URI, legacyPoolFqdn: LEGACY_POOL, persistentChatPoolFqdn: PC_POOL, recovered: null });
    expect(result.endpoint).toMatchObject({ sipAddress: LOOKUP_URI, displayName: LOOKUP_DISPLAY_NAME, persistentChatPoolFqdn: PC_POOL, enabled: true });
    expect(result.removedUser?.dn.toLowerCase()).toBe(lookupUserDn.toLowerCase());
    expect(await deployment.directory.read(lookupUserDn)).toBeNull();
    expect((await getPersistentChatEndpoint({ deployment, identity: LOOKUP_URI })).endpoints).toEqual([result.endpoint]);
    expect(progress.at(-1)).toMatchObject({ activity: 'Move-CsPersistentChatLookupUri', completed: true, percentComplete: 100 });
    expect(history(deployment.journalFolder).map((entry) => entry.outcome)).toEqual(['completed']);
    expect(fs.existsSync(result.journal!)).toBe(true);

    const again = await moveLookupUri({ deployment });
    expect(again).toMatchObject({ alreadyMoved: true, actions: [], removedUser: null });
    expect(again.endpoint.identity).toBe(result.endpoint.identity);
  });

  it('refuses while the legacy pool\'s services run (PCMIG-TOPO-004), changing nothing', async () => {
    const { deployment } = await make();
    await startPoolServices({ deployment, poolFqdn: LEGACY_POOL });
    const before = await dumpDirectory(deployment);
    const error = await expectPcmigError(moveLookupUri({ deployment }), 'PCMIG-TOPO-004');
    expect(error.hint).toContain(`Stop-CsPersistentChatPoolService -PoolFqdn ${LEGACY_POOL}`);
    expect(await dumpDirectory(deployment)).toEqual(before);
  });

  it('reports a missing Lookup Server account (EP-008), duplicate accounts (EP-009) and a contact in the way (EP-003)', async () => {
    const missing = await make();
    await missing.deployment.directory.delete(missing.lookupUserDn);
    const error = await expectPcmigError(moveLookupUri({ deployment: missing.deployment }), 'PCMIG-EP-008');
    expect(error.shortMessage).toContain('ocschat@ convention');

    const twice = await make();
    await twice.deployment.directory.add({
      dn: `CN=ocschat2,CN=Users,${twice.forestDn}`,
      attributes: { objectClass: ['top', 'user'], cn: ['ocschat2'], 'msRTCSIP-PrimaryUserAddress': [LOOKUP_URI] },
    });
    await expectPcmigError(moveLookupUri({ deployment: twice.deployment }), 'PCMIG-EP-009');

    const contact = await make();
    await contact.deployment.directory.add({
      dn: `CN=Chat Contact,CN=Users,${contact.forestDn}`,
      attributes: { objectClass: ['top', 'contact'], cn: ['Chat Contact'], 'msRTCSIP-PrimaryUserAddress': [LOOKUP_URI] },
    });
    const before = await dumpDirectory(contact.deployment);
    const inUse = await expectPcmigError(moveLookupUri({ deployment: contact.deployment }), 'PCMIG-EP-003');
    expect(inUse.hint).toContain('Chat Contact');
    expect(await dumpDirectory(contact.deployment)).toEqual(before);
  });

  it('needs the pool named when several Persistent Chat pools exist (PCMIG-TOPO-009)', async () => {
    const { deployment } = await make((d) => ({ ...d, pools: [...d.pools, { fqdn: 'pchat2.contoso.com', kind: 'pc2013', database: { instance: 'p2.db' } }] }));
    await expectPcmigError(moveLookupUri({ deployment }), 'PCMIG-TOPO-009');
    const result = await moveLookupUri({ deployment, persistentChatPoolFqdn: 'pchat2.contoso.com' });
    expect(result.endpoint.persistentChatPoolFqdn).toBe('pchat2.contoso.com');
  });

  it('restores the user account exactly when creating the endpoint fails after the delete (PCMIG-EP-010)', async () => {
    const { deployment, lookupUserDn } = await make();
    const before = await dumpDirectory(deployment);
    const original = (await deployment.directory.read(lookupUserDn))!;
    let deleted = false;
    const faulty = withFaults(deployment, {
      afterDelete: () => {
        deleted = true;
      },
      beforeAdd: () => {
        throw failedCreate();
      },
    });
    const error = await expectPcmigError(moveLookupUri({ deployment: faulty }), 'PCMIG-EP-010');
    expect(deleted).toBe(true);
    expect(error.cause).toMatchObject({ id: 'PCMIG-DIR-003' });
    expect(error.reason).toMatchObject({ identityPreserved: kind === 'embedded' });
    expect(await dumpDirectory(deployment)).toEqual(before);
    const restored = (await deployment.directory.read(lookupUserDn))!;
    if (kind === 'embedded') expect(restored.guid).toBe(original.guid);
    expect(fs.existsSync(path.join(deployment.journalFolder, 'lookup-move.json'))).toBe(false);
    expect(history(deployment.journalFolder).map((entry) => entry.outcome)).toEqual(['rolled-back']);
    expect((await getPersistentChatEndpoint({ deployment })).endpoints).toEqual([]);
  });

  it('keeps the journal when the account cannot be restored either (PCMIG-EP-011), and the next command restores it', async () => {
    const { deployment, lookupUserDn } = await make();
    const before = await dumpDirectory(deployment);
    const broken = withFaults(deployment, {
      beforeAdd: () => {
        throw failedCreate();
      },
      beforeRestore: () => {
        throw directoryErrors.create('PCMIG-DIR-001', { message: 'Injected: the directory went away.' });
      },
    });
    const error = await expectPcmigError(moveLookupUri({ deployment: broken }), 'PCMIG-EP-011');
    expect(error.shortMessage).toContain('lookup-move.json');
    const seen = await getPersistentChatEndpoint({ deployment });
    expect(seen.interruptedMove).toMatchObject({ state: 'user-removed', sipAddress: LOOKUP_URI });
    expect(seen.warnings.join(' ')).toContain('was interrupted');

    const next = await newPersistentChatEndpoint({ deployment, sipAddress: 'sip:pchat@contoso.com', persistentChatPoolFqdn: PC_POOL });
    expect(next.recovered).toMatchObject({ outcome: 'user-restored', sipAddress: LOOKUP_URI, actions: [{ code: 'restore-user' }] });
    await deployment.directory.delete(next.endpoint.identity);
    expect(await dumpDirectory(deployment)).toEqual(before);
    expect((await deployment.directory.read(lookupUserDn))?.attributes['msRTCSIP-PrimaryUserAddress']).toEqual([LOOKUP_URI]);
    expect((await getPersistentChatEndpoint({ deployment })).interruptedMove).toBeNull();
  });

  it('reports a restore that lost attributes (PCMIG-EP-012), keeping the original in the journal', async () => {
    const { deployment } = await make();
    const lossy = withFaults(deployment, {
      beforeAdd: () => {
        throw failedCreate();
      },
      restoreAs: (snapshot) => ({ ...snapshot, attributes: Object.fromEntries(Object.entries(snapshot.attributes).filter(([name]) => name !== 'telephoneNumber')) }),
    });
    const error = await expectPcmigError(moveLookupUri({ deployment: lossy }), 'PCMIG-EP-012');
    expect(error.shortMessage).toContain('telephoneNumber');
    expect(error.reason).toMatchObject({ differences: [{ attribute: 'telephoneNumber', expected: ['+1 425 555 0100'], actual: [] }] });
    const [archived] = history(deployment.journalFolder);
    expect(archived!.outcome).toBe('rolled-back');
    expect(archived!.notes!.join(' ')).toContain('telephoneNumber');
  });

  it('refuses to guess when both the account and the endpoint exist after an interruption (PCMIG-EP-014) or the journal is damaged (PCMIG-EP-013)', async () => {
    const { deployment } = await make();
    const stuck = withFaults(deployment, {
      beforeAdd: () => {
        throw failedCreate();
      },
      beforeRestore: () => {
        throw directoryErrors.create('PCMIG-DIR-001', { message: 'Injected: the directory went away.' });
      },
    });
    await expectPcmigError(moveLookupUri({ deployment: stuck }), 'PCMIG-EP-011');
    const journal = (await readActiveJournal(deployment))!;
    await deployment.directory.restore(journal.user);
    await deployment.directory.add(journal.endpoint);
    const before = await dumpDirectory(deployment);
    const error = await expectPcmigError(newPersistentChatEndpoint({ deployment, sipAddress: 'sip:pchat@contoso.com', persistentChatPoolFqdn: PC_POOL }), 'PCMIG-EP-014');
    expect(error.shortMessage).toContain('both');
    expect(await dumpDirectory(deployment)).toEqual(before);

    fs.writeFileSync(path.join(deployment.journalFolder, 'lookup-move.json'), '{"version":1,');
    await expectPcmigError(moveLookupUri({ deployment }), 'PCMIG-EP-013');
    const listed = await getPersistentChatEndpoint({ deployment });
    expect(listed.endpoints).toHaveLength(1);
    expect(listed.warnings.join(' ')).toContain('PCMIG-EP-013');
  });

  it('survives a process killed between the two steps: the next run repairs and completes the move', async () => {
    const { deployment, folder, env, lookupUserDn } = await make();
    const child = spawnTsChild('kill-during-move.ts', [folder], env);
    const exited = waitForExit(child);
    await waitForLine(child, 'user-removed');
    child.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');

    expect(await deployment.directory.read(lookupUserDn)).toBeNull();
    const seen = await getPersistentChatEndpoint({ deployment });
    expect(seen.endpoints).toEqual([]);
    expect(seen.interruptedMove).toMatchObject({ state: 'user-removed', sipAddress: LOOKUP_URI });

    const result = await moveLookupUri({ deployment });
    expect(result.recovered).toMatchObject({ outcome: 'user-restored' });
    expect(result.endpoint).toMatchObject({ sipAddress: LOOKUP_URI, displayName: LOOKUP_DISPLAY_NAME, persistentChatPoolFqdn: PC_POOL });
    expect(await deployment.directory.read(lookupUserDn)).toBeNull();
    expect(history(deployment.journalFolder).map((entry) => entry.outcome)).toEqual(['user-restored', 'completed']);
  });

  if (kind === 'ldap') {
    it('restores the account once the directory is back after an outage between the steps', async () => {
      const { deployment, lookupUserDn } = await make();
      const before = await dumpDirectory(deployment);
      const server = slapd();
      const outage = withFaults(deployment, { afterDelete: () => server.stopProcess() });
      try {
        const error = await expectPcmigError(moveLookupUri({ deployment: outage }), 'PCMIG-EP-011');
        expect(error.cause).toMatchObject({ id: 'PCMIG-DIR-001' });
      } finally {
        await server.startProcess();
      }
      expect(await deployment.directory.read(lookupUserDn)).toBeNull();
      const result = await moveLookupUri({ deployment });
      expect(result.recovered?.outcome).toBe('user-restored');
      expect(result.endpoint.sipAddress).toBe(LOOKUP_URI);
      expect(before.some((entry) => entry.dn === lookupUserDn.toLowerCase())).toBe(true);
    });
  }
});
