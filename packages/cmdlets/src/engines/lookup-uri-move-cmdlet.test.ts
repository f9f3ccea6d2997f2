import { moveLookupUri, openDeployment, type Directory } from '@pcmig/endpoint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOYMENT_FIXTURE as F } from '../test-support/build-deployment.js';
import { deploymentRuns, errorRecords, whatIfLines, type DeploymentRuns } from '../test-support/deployment-runs.js';

let runs: DeploymentRuns;
beforeAll(async () => {
  runs = await deploymentRuns('pcmig-lookup-move-');
});
afterAll(() => runs.dispose());

const lookupEndpoints = async (folder: string) => (await runs.run(folder, ['Get-CsPersistentChatEndpoint', F.lookupUri, '-ErrorAction', 'SilentlyContinue', '--json'])).json<Record<string, unknown>>();

describe('Move-CsPersistentChatLookupUri', () => {
  it('shows both steps under -WhatIf, in order, and changes nothing', async () => {
    const folder = runs.fresh();
    const whatIf = await runs.run(folder, ['Move-CsPersistentChatLookupUri', '-WhatIf']);
    expect(whatIf.exitCode, whatIf.stderr).toBe(0);
    const lines = whatIfLines(whatIf);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`What if: Delete the Lookup Server user account ${F.lookupUserDn} (${F.lookupUri}) of Lync Server 2010 Group Chat pool ${F.legacyPool}.`);
    expect(lines[1]).toMatch(
      new RegExp(`^What if: Create the Persistent Chat endpoint CN=\\{[0-9a-f-]{36}\\},CN=Application Contacts,.+ with SIP address ${F.lookupUri} and display name "${F.lookupDisplayName}" on pool ${F.pcPool}\\.$`, 'i'),
    );
    expect(whatIf.stdout).toBe(`${lines.join('\n')}\n`);
    expect(await lookupEndpoints(folder)).toEqual([]);

    const records = (await runs.run(folder, ['Move-CsPersistentChatLookupUri', '-WhatIf', '--records'])).json<{ type: string; description?: string; action?: string }>();
    expect(records.map((r) => r.type)).toEqual(['whatif', 'whatif', 'end']);
    expect(records[0]).toMatchObject({ action: 'Delete the Lookup Server user account', description: lines[0]!.slice('What if: '.length) });
  });

  it('asks first (ConfirmImpact High), naming the legacy pool or what stands for it', async () => {
    const folder = runs.fresh();
    const refused = await runs.run(folder, ['Move-CsPersistentChatLookupUri']);
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr).toContain('PCMIG-HOST-011');
    const tty = { stdin: true, stderr: true } as const;
    const unnamed = await runs.run(folder, ['Move-CsPersistentChatLookupUri'], { tty, input: 'n\n' });
    expect(unnamed.stderr).toContain('on target "the Lookup Server URI of the legacy Group Chat pool".');
    const named = await runs.run(folder, ['Move-CsPersistentChatLookupUri', '-LegacyPoolFqdn', F.legacyPool], { tty, input: 'n\n' });
    expect(named.stderr).toContain(`on target "the Lookup Server URI of ${F.legacyPool}".`);
    expect(await lookupEndpoints(folder)).toEqual([]);
  });

  it('moves the URI as one unit, with progress, writes the move, and changes nothing the second time', async () => {
    const folder = runs.fresh();
    const moved = await runs.run(folder, ['Move-CsPersistentChatLookupUri', '-LegacyPoolFqdn', F.legacyPool, '-PersistentChatPoolFqdn', F.pcPool, '-Confirm:$false', '--records']);
    expect(moved.exitCode).toBe(0);
    const records = moved.json<{ type: string; value?: Record<string, unknown>; activity?: string; completed?: boolean }>();
    const progress = records.filter((r) => r.type === 'progress');
    expect(progress[0]).toMatchObject({ activity: 'Move-CsPersistentChatLookupUri' });
    expect(progress.at(-1)).toMatchObject({ completed: true });
    const [result] = records.filter((r) => r.type === 'object').map((r) => r.value!);
    expect(result).toMatchObject({
      SipAddress: F.lookupUri,
      DisplayName: F.lookupDisplayName,
      LegacyPoolFqdn: F.legacyPool,
      PersistentChatPoolFqdn: F.pcPool,
      RemovedUser: F.lookupUserDn,
      AlreadyMoved: false,
      LookupSipAddressSource: 'convention',
    });
    expect(result!.Journal).toMatch(/journal[\\/]history[\\/].+\.json$/);
    const [endpoint] = await lookupEndpoints(folder);
    expect(endpoint).toMatchObject({ Identity: result!.Identity, SipAddress: F.lookupUri, DisplayName: F.lookupDisplayName, PersistentChatPoolFqdn: F.pcPool });

    const again = await runs.run(folder, ['Move-CsPersistentChatLookupUri', '-Confirm:$false', '--json']);
    expect(again.exitCode).toBe(0);
    expect(again.json()[0]).toMatchObject({ AlreadyMoved: true, RemovedUser: null, Identity: result!.Identity });
    expect(again.stderr).toContain('nothing to do');
  });

  it('is refused while the legacy pool\'s services run (PCMIG-TOPO-004, with the command that records the stop)', async () => {
    const folder = runs.fresh();
    expect((await runs.run(folder, ['Start-CsPersistentChatPoolService', '-PoolFqdn', F.legacyPool])).exitCode).toBe(0);
    for (const extra of [['-WhatIf'], ['-Confirm:$false']]) {
      const refused = await runs.run(folder, ['Move-CsPersistentChatLookupUri', ...extra, '--json']);
      expect(refused.exitCode).toBe(2);
      const [record] = errorRecords(refused);
      expect(record).toMatchObject({ id: 'PCMIG-TOPO-004', target: F.legacyPool, command: 'Move-CsPersistentChatLookupUri' });
      expect(record!.hint).toContain(`Stop-CsPersistentChatPoolService -PoolFqdn ${F.legacyPool}`);
    }
    expect(await lookupEndpoints(folder)).toEqual([]);
  });

  it('refuses a Persistent Chat pool as the legacy pool (PCMIG-TOPO-003)', async () => {
    const result = await runs.run(runs.fresh(), ['Move-CsPersistentChatLookupUri', '-LegacyPoolFqdn', F.pcPool, '-WhatIf', '--json']);
    expect([result.exitCode, errorRecords(result)[0]?.id]).toEqual([2, 'PCMIG-TOPO-003']);
  });

  it('reports a move a crash left half-done, shows its repair under -WhatIf, and repairs it before the next endpoint command', async () => {
    const folder = runs.fresh();
    // A directory that deletes but can neither add nor restore: the move stops after the delete (PCMIG-EP-011).
    const deployment = await openDeployment(folder);
    const refuse = async () => {
      throw new Error('injected: the directory refuses to write');
    };
    const directory: Directory = new Proxy(deployment.directory, {
      get(target, name) {
        if (name === 'add' || name === 'restore') return refuse;
        const value: unknown = Reflect.get(target, name);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await expect(moveLookupUri({ deployment: { ...deployment, directory }, whatIf: false })).rejects.toMatchObject({ id: 'PCMIG-EP-011' });
    await deployment.close();

    const listed = await runs.run(folder, ['Get-CsPersistentChatEndpoint', '--json']);
    expect(listed.exitCode).toBe(0);
    expect(listed.stderr).toMatch(new RegExp(`WARNING: A lookup URI move of ${F.lookupUri} started .+ was interrupted \\(user-removed\\); the next endpoint command repairs it\\.`));

    const plan = await runs.run(folder, ['Move-CsPersistentChatLookupUri', '-WhatIf']);
    expect(whatIfLines(plan).map((line) => line.slice(0, 45))).toEqual([
      'What if: Restore user account CN=ocschat,CN=U',
      'What if: Delete the Lookup Server user accoun',
      'What if: Create the Persistent Chat endpoint ',
    ]);

    const repaired = await runs.run(folder, ['New-CsPersistentChatEndpoint', '-SipAddress', 'sip:chatrooms@litwareinc.com', '-PersistentChatPoolFqdn', F.pcPool, '-Verbose', '--json']);
    expect(repaired.exitCode, repaired.stderr).toBe(0);
    expect(repaired.stderr).toContain(`VERBOSE: Repaired: Restore user account ${F.lookupUserDn}`);
    expect(repaired.stderr).toMatch(new RegExp(`WARNING: A lookup URI move of ${F.lookupUri} started .+ had been interrupted and was repaired first: the user account was restored .*\\(journal .+\\)\\.`));
    const held = await runs.run(folder, ['New-CsPersistentChatEndpoint', '-SipAddress', F.lookupUri, '-PersistentChatPoolFqdn', F.pcPool, '--json']);
    expect(errorRecords(held)[0]?.id).toBe('PCMIG-EP-003');
  });
});
