import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOYMENT_FIXTURE as F } from '../test-support/build-deployment.js';
import { deploymentRuns, errorRecords, whatIfLines, type DeploymentRuns } from '../test-support/deployment-runs.js';

let runs: DeploymentRuns;
beforeAll(async () => {
  runs = await deploymentRuns('pcmig-topology-cmdlets-');
});
afterAll(() => runs.dispose());

const json = async <T = Record<string, unknown>>(folder: string, args: string[]) => {
  const result = await runs.run(folder, [...args, '--json']);
  expect(result.exitCode, result.stderr).toBe(0);
  return result.json<T>();
};

describe('Get-CsTrustedApplication and Get-CsTrustedApplicationPool', () => {
  it('list the topology\'s trusted applications and pools, one by identity, and refuse unknown ones', async () => {
    const folder = runs.fresh();
    expect(await json(folder, ['Get-CsTrustedApplication'])).toEqual([
      { Identity: F.groupChatApplication, ApplicationId: 'urn:application:groupchat', TrustedApplicationPoolFqdn: F.legacyPool, Port: 5041 },
    ]);
    expect(await json(folder, ['Get-CsTrustedApplication', `${F.legacyPool.toUpperCase()}/groupchat`])).toHaveLength(1);
    expect(await json(folder, ['Get-CsTrustedApplicationPool'])).toEqual([
      {
        Identity: F.trustedPool,
        PoolFqdn: F.legacyPool,
        Registrar: `Registrar:${F.registrar}`,
        Site: 'Redmond',
        Computers: ['atl-gc-001a.litwareinc.com'],
        Applications: [F.groupChatApplication],
        GroupChatPoolFqdn: F.legacyPool,
      },
    ]);
    expect(await json(folder, ['Get-CsTrustedApplicationPool', F.legacyPool])).toHaveLength(1);
    const app = await runs.run(folder, ['Get-CsTrustedApplication', `${F.legacyPool}/nothing`, '--json']);
    expect([app.exitCode, errorRecords(app)[0]?.id]).toEqual([2, 'PCMIG-TOPO-006']);
    const pool = await runs.run(folder, ['Get-CsTrustedApplicationPool', 'nowhere.litwareinc.com', '--json']);
    expect([pool.exitCode, errorRecords(pool)[0]?.id]).toEqual([2, 'PCMIG-TOPO-007']);
  });
});

describe('Remove-CsTrustedApplication and Remove-CsTrustedApplicationPool', () => {
  it('show what they would remove under -WhatIf, with the warning that the Lookup account is not moved yet', async () => {
    const folder = runs.fresh();
    const app = await runs.run(folder, ['Remove-CsTrustedApplication', `${F.legacyPool}/groupchat`, '-WhatIf']);
    expect(app.exitCode, app.stderr).toBe(0);
    expect(whatIfLines(app)).toEqual([`What if: Remove the trusted application ${F.groupChatApplication} from trusted application pool ${F.legacyPool}.`]);
    expect(app.stderr).toContain(`WARNING: The Lookup Server account ${F.lookupUri} of ${F.legacyPool} still exists`);
    const pool = await runs.run(folder, ['Remove-CsTrustedApplicationPool', F.trustedPool, '-WhatIf']);
    expect(whatIfLines(pool)).toEqual([
      `What if: Remove the trusted application ${F.groupChatApplication} with its pool.`,
      `What if: Remove the trusted application pool ${F.legacyPool} and its 1 application(s).`,
    ]);
    expect(await json(folder, ['Get-CsTrustedApplication'])).toHaveLength(1);
    expect(await json(folder, ['Get-CsPersistentChatTopologyHistory'])).toHaveLength(1);
  });

  it('remove (ConfirmImpact High: -Force or -Confirm:$false without a terminal) and record it in the history', async () => {
    const folder = runs.fresh();
    expect((await runs.run(folder, ['Remove-CsTrustedApplication', F.groupChatApplication])).exitCode).toBe(3);
    const removed = await runs.run(folder, ['Remove-CsTrustedApplication', F.groupChatApplication, '-Force', '--json']);
    expect([removed.exitCode, removed.stdout]).toEqual([0, '']);
    expect(await json(folder, ['Get-CsTrustedApplication'])).toEqual([]);
    const pool = await runs.run(folder, ['Remove-CsTrustedApplicationPool', '-Identity', F.legacyPool, '-Confirm:$false', '--json']);
    expect([pool.exitCode, pool.stdout]).toEqual([0, '']);
    expect(await json(folder, ['Get-CsTrustedApplicationPool'])).toEqual([]);
    const history = await json<{ When: string; Event: string; Target: string; Applications: string[] }>(folder, ['Get-CsPersistentChatTopologyHistory']);
    expect(history.map((e) => [e.Event, e.Target, e.Applications])).toEqual([
      ['service-state', F.legacyPool, []],
      ['trusted-application-removed', F.groupChatApplication, [F.groupChatApplication]],
      ['trusted-application-pool-removed', F.legacyPool, []],
    ]);
    expect(Number.isNaN(Date.parse(history[0]!.When))).toBe(false);
  });

  it('are refused while the legacy pool\'s services run (PCMIG-TOPO-004), and nothing is removed', async () => {
    const folder = runs.fresh();
    await runs.run(folder, ['Start-CsPersistentChatPoolService', '-PoolFqdn', F.legacyPool]);
    for (const args of [['Remove-CsTrustedApplication', F.groupChatApplication, '-Force'], ['Remove-CsTrustedApplicationPool', F.legacyPool, '-WhatIf']]) {
      const refused = await runs.run(folder, [...args, '--json']);
      expect([refused.exitCode, errorRecords(refused)[0]?.id], args[0]).toEqual([2, 'PCMIG-TOPO-004']);
    }
    expect(await json(folder, ['Get-CsTrustedApplication'])).toHaveLength(1);
  });
});

describe('Get-CsPersistentChatPool, Stop- and Start-CsPersistentChatPoolService, Get-CsPersistentChatTopologyHistory', () => {
  it('describe the pools', async () => {
    const folder = runs.fresh();
    const pools = await json(folder, ['Get-CsPersistentChatPool']);
    expect(pools.map((p) => [p.Identity, p.Kind, p.Legacy, p.Services, p.LookupSipAddress])).toEqual([
      [F.legacyPool, 'lync2010', true, 'stopped', F.lookupUri],
      [F.pcPool, 'pc2013', false, 'running', null],
    ]);
    expect(pools[0]).toMatchObject({ Product: 'Lync Server 2010 Group Chat', LookupSipAddressSource: 'convention', DBName: null, FileStore: 'filestore-legacy' });
    expect(String(pools[0]!.DBInstance)).toMatch(/pools[\\/]gc\.db$/);
    expect(Number.isNaN(Date.parse(String(pools[0]!.ServicesChangedAt)))).toBe(false);
    expect(await json(folder, ['Get-CsPersistentChatPool', F.pcPool.toUpperCase()])).toHaveLength(1);
    const unknown = await runs.run(folder, ['Get-CsPersistentChatPool', 'nowhere.litwareinc.com', '--json']);
    expect([unknown.exitCode, errorRecords(unknown)[0]?.id]).toEqual([2, 'PCMIG-TOPO-001']);
  });

  it('record service states: -WhatIf changes nothing, -PassThru writes the pool, a repeated state only warns', async () => {
    const folder = runs.fresh();
    const whatIf = await runs.run(folder, ['Stop-CsPersistentChatPoolService', '-PoolFqdn', F.pcPool, '-PassThru', '-WhatIf']);
    expect(whatIfLines(whatIf)).toEqual([`What if: Stop the services of Lync Server 2013 Persistent Chat pool ${F.pcPool}.`]);
    expect(whatIf.stdout).toBe(`${whatIfLines(whatIf)[0]}\n`);
    expect((await json(folder, ['Get-CsPersistentChatPool', F.pcPool]))[0]).toMatchObject({ Services: 'running' });

    const quiet = await runs.run(folder, ['Stop-CsPersistentChatPoolService', '-PoolFqdn', F.pcPool, '--json']);
    expect([quiet.exitCode, quiet.stdout]).toEqual([0, '']);
    const again = await runs.run(folder, ['Stop-CsPersistentChatPoolService', '-PoolFqdn', F.pcPool, '-PassThru', '--json']);
    expect(again.json()[0]).toMatchObject({ PoolFqdn: F.pcPool, Services: 'stopped' });
    expect(again.stderr).toContain(`WARNING: The services of ${F.pcPool} are already stopped.`);
    const started = await json(folder, ['Start-CsPersistentChatPoolService', '-PoolFqdn', F.pcPool, '-PassThru']);
    expect(started[0]).toMatchObject({ Services: 'running' });

    const history = await runs.run(folder, ['Get-CsPersistentChatTopologyHistory'], { tty: { stdout: true } });
    const rows = history.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^When\s+Event\s+Target\s+From\s+To$/);
    expect(rows.slice(2).map((row) => row.split(/\s+/).slice(2))).toEqual([
      ['service-state', F.legacyPool, 'running', 'stopped'],
      ['service-state', F.pcPool, 'running', 'stopped'],
      ['service-state', F.pcPool, 'stopped', 'running'],
    ]);
    const unknown = await runs.run(folder, ['Start-CsPersistentChatPoolService', '-PoolFqdn', 'nowhere.litwareinc.com', '--json']);
    expect([unknown.exitCode, errorRecords(unknown)[0]?.id]).toEqual([2, 'PCMIG-TOPO-001']);
  });
});
