import { afterAll, describe, expect, it } from 'vitest';
import { findingsOf } from '../findings/finding.js';
import { planScenario, ScenarioFolder } from '../test-support/scenario.js';

describe('R11/R13 services stopped', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());
  const now = new Date('2014-01-01T00:00:00Z');

  it('is an error when a server pinged within the hour, a warning with -Force, nothing for stale pings', async () => {
    const servers = [
      { serverId: 1, address: 'net.tcp://pc01:8011', lastPing: new Date(now.getTime() - 5 * 60_000) },
      { serverId: 2, address: 'net.tcp://pc02:8011', lastPing: new Date(now.getTime() - 3 * 3600_000) },
    ];
    const running = await planScenario(folder, {}, { servers }, { now });
    const found = findingsOf(running.findings, 'services-running');
    expect(found.map((f) => [f.severity, f.data.servers])).toEqual([['error', ['net.tcp://pc01:8011']]]);
    const forced = await planScenario(folder, {}, { servers }, { now, force: true });
    expect(findingsOf(forced.findings, 'services-running').map((f) => [f.severity, f.data.forced])).toEqual([['warning', true]]);
    const stale = await planScenario(folder, {}, { servers: [servers[1]!] }, { now });
    expect(findingsOf(stale.findings, 'services-running')).toEqual([]);
  });
});
