import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOYMENT_FIXTURE as F } from '../test-support/build-deployment.js';
import { deploymentRuns, errorRecords, whatIfLines, type DeploymentRuns } from '../test-support/deployment-runs.js';
import { runHostInMemory } from '../test-support/run-host-in-memory.js';

interface Endpoint {
  Identity: string;
  SipAddress: string;
  DisplayName: string | null;
  PersistentChatPoolFqdn: string | null;
  Enabled: boolean;
  Guid: string | null;
}

const CONTACTS = `CN=Application Contacts,CN=RTC Service,CN=Services,CN=Configuration,${F.forestDn}`;
let runs: DeploymentRuns;
beforeAll(async () => {
  runs = await deploymentRuns('pcmig-endpoint-cmdlets-');
});
afterAll(() => runs.dispose());

async function endpoints(folder: string, ...args: string[]): Promise<Endpoint[]> {
  const result = await runs.run(folder, ['Get-CsPersistentChatEndpoint', ...args, '--json']);
  return result.json<Endpoint>();
}

describe('New-CsPersistentChatEndpoint', () => {
  const NEW = ['New-CsPersistentChatEndpoint', '-SipAddress', 'sip:chatrooms@litwareinc.com', '-PersistentChatPoolFqdn', F.pcPool];

  it('creates the contact, writes it only with -PassThru, and Get- finds it', async () => {
    const folder = runs.fresh();
    const quiet = await runs.run(folder, [...NEW, '-DisplayName', 'Chat Rooms', '--json']);
    expect([quiet.exitCode, quiet.stdout]).toEqual([0, '']);
    expect(quiet.stderr).toBe(`WARNING: Pool ${F.pcPool} already has 1 endpoint(s) (${F.endpointUri}); one per pool is enough for legacy clients.\n`);
    const [found] = await endpoints(folder, 'sip:chatrooms@litwareinc.com');
    expect(found).toMatchObject({ SipAddress: 'sip:chatrooms@litwareinc.com', DisplayName: 'Chat Rooms', PersistentChatPoolFqdn: F.pcPool, Enabled: true });
    expect(found!.Identity).toMatch(new RegExp(`^CN=\\{[0-9a-f-]{36}\\},${CONTACTS}$`, 'i'));

    const passThru = await runs.run(folder, ['New-CsPersistentChatEndpoint', '-SipAddress', 'sip:help@litwareinc.com', '-PersistentChatPoolFqdn', F.pcPool.toUpperCase(), '-PassThru', '--json']);
    expect(passThru.exitCode, passThru.stderr).toBe(0);
    expect(Object.keys(passThru.json<Endpoint>()[0]!)).toEqual(['Identity', 'SipAddress', 'DisplayName', 'PersistentChatPoolFqdn', 'Enabled', 'Guid']);
    expect(passThru.json<Endpoint>()[0]).toMatchObject({ SipAddress: 'sip:help@litwareinc.com', DisplayName: null, PersistentChatPoolFqdn: F.pcPool });
    expect(passThru.stderr).toContain(`WARNING: Pool ${F.pcPool} already has 2 endpoint(s)`);
    expect((await endpoints(folder)).map((e) => e.SipAddress).sort()).toEqual(['sip:chatrooms@litwareinc.com', F.endpointUri, 'sip:help@litwareinc.com'].sort());
  });

  it('shows the contact it would create under -WhatIf, writes nothing and creates nothing', async () => {
    const folder = runs.fresh();
    const whatIf = await runs.run(folder, [...NEW, '-PassThru', '-WhatIf']);
    expect(whatIf.exitCode, whatIf.stderr).toBe(0);
    const lines = whatIfLines(whatIf);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^What if: Create the Persistent Chat endpoint CN=\\{[0-9a-f-]{36}\\},${CONTACTS} with SIP address sip:chatrooms@litwareinc.com on pool ${F.pcPool}\\.$`, 'i'));
    expect(whatIf.stdout).toBe(`${lines[0]}\n`);
    expect(await endpoints(folder)).toHaveLength(1);
  });

  it('refuses a SIP address held by the Lookup Server account with PCMIG-EP-003 and its hint, even under -WhatIf', async () => {
    const folder = runs.fresh();
    for (const extra of [[], ['-WhatIf']]) {
      const refused = await runs.run(folder, ['New-CsPersistentChatEndpoint', '-SipAddress', F.lookupUri, '-PersistentChatPoolFqdn', F.pcPool, ...extra, '--json']);
      expect(refused.exitCode).toBe(2);
      expect(refused.stdout).toBe('');
      const [record] = errorRecords(refused);
      expect(record).toMatchObject({ id: 'PCMIG-EP-003', category: 'ResourceExists', terminating: true, command: 'New-CsPersistentChatEndpoint', target: F.lookupUri });
      expect(record!.hint).toContain(`${F.lookupUserDn} is the Lookup Server account of Lync Server 2010 Group Chat pool ${F.legacyPool}`);
      expect(record!.hint).toContain('Move-CsPersistentChatLookupUri');
    }
    const text = await runs.run(folder, ['New-CsPersistentChatEndpoint', '-SipAddress', F.lookupUri, '-PersistentChatPoolFqdn', F.pcPool]);
    expect(text.stderr).toContain('FullyQualifiedErrorId : PCMIG-EP-003,New-CsPersistentChatEndpoint');
    expect(text.stderr).toContain('+ Hint                  : CN=ocschat,CN=Users');
    expect(await endpoints(folder)).toHaveLength(1);
  });

  it('reports the engine\'s validation errors with their ids: address, domain, pool kind, unknown pool, display name', async () => {
    const folder = runs.fresh();
    const cases: [string[], string][] = [
      [['-SipAddress', 'chatrooms@litwareinc.com', '-PersistentChatPoolFqdn', F.pcPool], 'PCMIG-EP-001'],
      [['-SipAddress', 'sip:chatrooms@fabrikam.com', '-PersistentChatPoolFqdn', F.pcPool], 'PCMIG-EP-002'],
      [['-SipAddress', 'sip:chatrooms@litwareinc.com', '-PersistentChatPoolFqdn', F.legacyPool], 'PCMIG-TOPO-002'],
      [['-SipAddress', 'sip:chatrooms@litwareinc.com', '-PersistentChatPoolFqdn', 'nowhere.litwareinc.com'], 'PCMIG-TOPO-001'],
      [['-SipAddress', 'sip:chatrooms@litwareinc.com', '-PersistentChatPoolFqdn', F.pcPool, '-DisplayName', 'x'.repeat(257)], 'PCMIG-EP-006'],
    ];
    for (const [args, id] of cases) {
      const result = await runs.run(folder, ['New-CsPersistentChatEndpoint', ...args, '--json']);
      expect([result.exitCode, errorRecords(result)[0]?.id], args.join(' ')).toEqual([2, id]);
    }
    expect(await endpoints(folder)).toHaveLength(1);
  });

  it('binds the PowerShell way: unique prefixes, -Name:value, and an ambiguous -P refused with the matches', async () => {
    const folder = runs.fresh();
    const short = await runHostInMemory(['New-CsPersistentChatEndpoint', '-sip', 'sip:chatrooms@litwareinc.com', '-Pers', F.pcPool, '-Disp:Chat Rooms', '-Pass', '-Dep', folder, '-wa', 'SilentlyContinue', '--json']);
    expect(short.exitCode, short.stderr).toBe(0);
    expect(short.json()[0]).toMatchObject({ SipAddress: 'sip:chatrooms@litwareinc.com', DisplayName: 'Chat Rooms' });
    const ambiguous = await runs.run(folder, ['New-CsPersistentChatEndpoint', '-SipAddress', 'sip:x@litwareinc.com', '-P', F.pcPool]);
    expect(ambiguous.exitCode).toBe(3);
    expect(ambiguous.stderr).toContain('PCMIG-HOST-003');
    expect(ambiguous.stderr).toMatch(/-PersistentChatPoolFqdn -PassThru -ProgressAction/);
    const twoIdentities = await runs.run(folder, ['Remove-CsPersistentChatEndpoint', F.endpointUri, 'other', '-Force']);
    expect([twoIdentities.exitCode, twoIdentities.stderr.includes('PCMIG-HOST-008')]).toEqual([3, true]);
    expect(await endpoints(folder)).toHaveLength(2);
  });

  it('refuses a missing mandatory parameter in the binder (exit 3), before the deployment is opened', async () => {
    const result = await runHostInMemory(['New-CsPersistentChatEndpoint', '-SipAddress', 'sip:x@litwareinc.com', '-Deployment', path.join(runs.fresh(), 'missing')]);
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain('PCMIG-HOST-004');
    expect(result.stderr).toContain('PersistentChatPoolFqdn');
  });
});

describe('-Deployment', () => {
  it('defaults to PCMIG_DEPLOYMENT of the host\'s environment, relative to its current directory', async () => {
    const folder = runs.fresh();
    const viaEnv = await runHostInMemory(['Get-CsPersistentChatEndpoint', '--json'], { env: { PCMIG_DEPLOYMENT: path.basename(folder) }, cwd: path.dirname(folder) });
    expect(viaEnv.exitCode, viaEnv.stderr).toBe(0);
    expect(viaEnv.json<Endpoint>().map((e) => e.SipAddress)).toEqual([F.endpointUri]);
    const relative = await runHostInMemory(['Get-CsPersistentChatEndpoint', '-Deployment', path.basename(folder), '-Verbose', '--json'], { cwd: path.dirname(folder) });
    expect(relative.json()).toHaveLength(1);
    expect(relative.stderr).toContain(`VERBOSE: Deployment ${folder} (Litware rehearsal): directory`);
  });

  it('says so with PCMIG-DEPL-001 when neither is given, and names a folder without deployment.json', async () => {
    const none = await runHostInMemory(['Get-CsPersistentChatPool', '--json'], { env: {} });
    expect([none.exitCode, errorRecords(none)[0]?.id]).toEqual([2, 'PCMIG-DEPL-001']);
    const empty = await runHostInMemory(['Get-CsPersistentChatPool', '-Deployment', path.dirname(runs.fresh()), '--json']);
    expect(empty.exitCode).toBe(2);
    expect(errorRecords(empty)[0]?.id).toMatch(/^PCMIG-DEPL-\d{3}$/);
  });
});

describe('Get-CsPersistentChatEndpoint', () => {
  it('finds endpoints by SIP address (with or without sip:), display name and distinguished name, positionally too', async () => {
    const folder = runs.fresh();
    const [all] = await endpoints(folder);
    for (const identity of [F.endpointUri, 'PCHAT@litwareinc.com', F.endpointDisplayName.toLowerCase(), all!.Identity]) {
      expect((await endpoints(folder, identity)).map((e) => e.Identity), identity).toEqual([all!.Identity]);
    }
    expect(await endpoints(folder, '-Identity', F.endpointUri, '-PersistentChatPoolFqdn', F.pcPool)).toHaveLength(1);
  });

  it('applies -Filter the way Lync does, and refuses one it cannot parse (PCMIG-EP-007)', async () => {
    const folder = runs.fresh();
    expect(await endpoints(folder, '-Filter', '{SipAddress -like "sip:pchat*"}')).toHaveLength(1);
    expect(await endpoints(folder, '-Filter', 'DisplayName -eq "Nobody" -or SipAddress -notlike "*@litwareinc.com"')).toHaveLength(0);
    const bad = await runs.run(folder, ['Get-CsPersistentChatEndpoint', '-Filter', 'Colour -eq "red"', '--json']);
    expect([bad.exitCode, errorRecords(bad)[0]?.id]).toEqual([2, 'PCMIG-EP-007']);
  });

  it('reports an identity that matches nothing as a non-terminating PCMIG-EP-004 (exit 1), and an unknown pool as PCMIG-TOPO-001', async () => {
    const folder = runs.fresh();
    const missing = await runs.run(folder, ['Get-CsPersistentChatEndpoint', 'sip:nobody@litwareinc.com']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('FullyQualifiedErrorId : PCMIG-EP-004,Get-CsPersistentChatEndpoint');
    const pool = await runs.run(folder, ['Get-CsPersistentChatEndpoint', '-PersistentChatPoolFqdn', 'nowhere.litwareinc.com', '--json']);
    expect([pool.exitCode, errorRecords(pool)[0]?.id]).toEqual([2, 'PCMIG-TOPO-001']);
  });
});

describe('Remove-CsPersistentChatEndpoint', () => {
  it('asks first (ConfirmImpact High): refused without a terminal, N keeps the endpoint, -Force removes it', async () => {
    const folder = runs.fresh();
    const refused = await runs.run(folder, ['Remove-CsPersistentChatEndpoint', F.endpointUri]);
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr).toContain('PCMIG-HOST-011');
    const declined = await runs.run(folder, ['Remove-CsPersistentChatEndpoint', F.endpointUri], { tty: { stdin: true, stderr: true }, input: 'n\n' });
    expect(declined.exitCode).toBe(0);
    expect(declined.stderr).toContain(`Performing the operation "Remove the Persistent Chat endpoint" on target "${F.endpointUri}".`);
    expect(await endpoints(folder)).toHaveLength(1);

    const removed = await runs.run(folder, ['Remove-CsPersistentChatEndpoint', '-Identity', F.endpointUri, '-Force', '-Verbose']);
    expect([removed.exitCode, removed.stdout]).toEqual([0, '']);
    expect(removed.stderr).toMatch(/VERBOSE: Done: Remove the Persistent Chat endpoint CN=\{[0-9a-f-]{36}\},CN=Application Contacts/i);
    expect(await endpoints(folder)).toHaveLength(0);
  });

  it('shows what it would remove under -WhatIf and removes nothing', async () => {
    const folder = runs.fresh();
    const [endpoint] = await endpoints(folder);
    const whatIf = await runs.run(folder, ['Remove-CsPersistentChatEndpoint', F.endpointDisplayName, '-WhatIf']);
    expect(whatIf.exitCode, whatIf.stderr).toBe(0);
    expect(whatIfLines(whatIf)).toEqual([`What if: Remove the Persistent Chat endpoint ${endpoint!.Identity} (${F.endpointUri}).`]);
    expect(await endpoints(folder)).toHaveLength(1);
  });

  it('refuses what is not an endpoint (PCMIG-EP-016) or matches none (PCMIG-EP-004)', async () => {
    const folder = runs.fresh();
    const user = await runs.run(folder, ['Remove-CsPersistentChatEndpoint', F.lookupUserDn, '-Confirm:$false', '--json']);
    expect([user.exitCode, errorRecords(user)[0]?.id]).toEqual([2, 'PCMIG-EP-016']);
    const none = await runs.run(folder, ['Remove-CsPersistentChatEndpoint', 'sip:nobody@litwareinc.com', '-Force', '--json']);
    expect([none.exitCode, errorRecords(none)[0]?.id]).toEqual([2, 'PCMIG-EP-004']);
  });
});
