import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { alice, category, messages, planScenario, room, ScenarioFolder } from '../test-support/scenario.js';

describe('R7 disabled rooms', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('does not migrate disabled Group Chat rooms nor their messages (info per room)', async () => {
    const plan = await planScenario(folder, {
      principals: [alice],
      categories: [category(10, ROOT_NODE_ID, 'Eng', { disabled: true })],
      rooms: [room(100, 10, 'live'), room(101, 10, 'retired', { disabled: true })],
      messages: [...messages(100, 4, [2]), ...messages(101, 6, [2])],
    });
    expect(plan.rooms.map((r) => [r.sourceName, r.action])).toEqual([
      ['live', 'create'],
      ['retired', 'skip'],
    ]);
    expect(findingsOf(plan.findings, 'room-disabled-not-migrated').map((f) => [f.severity, f.data])).toEqual([['info', { room: 'retired', messages: 6 }]]);
    expect(plan.totals.messages).toMatchObject({ import: 4, inSkippedRooms: 6 });
    expect(plan.months.reduce((n, m) => n + m.notMigrated, 0)).toBe(6);
    expect(findingsOf(plan.findings, 'category-disabled-in-source').map((f) => f.data.name)).toEqual(['Eng']);
  });

  it('imports disabled rooms of a Persistent Chat source disabled (a restore must not lose them)', async () => {
    const plan = await planScenario(folder, {
      flavour: 'pc2013',
      principals: [alice],
      categories: [category(10, ROOT_NODE_ID, 'Eng', {}, false)],
      rooms: [room(101, 10, 'retired', { disabled: true }, false)],
    });
    expect(plan.rooms[0]).toMatchObject({ action: 'create', disabled: true });
    expect(findingsOf(plan.findings, 'room-disabled-kept')).toHaveLength(1);
  });
});
