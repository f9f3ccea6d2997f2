import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { alice, bob, carol, category, planScenario, room, ScenarioFolder } from '../test-support/scenario.js';

describe('R3 root-category managers (and category managers)', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('makes root managers managers of every migrated room, listed; category managers manage the rooms below', async () => {
    const plan = await planScenario(folder, {
      principals: [alice, bob, carol],
      categories: [category(10, ROOT_NODE_ID, 'Eng'), category(11, 10, 'Sub'), category(20, ROOT_NODE_ID, 'Sales')],
      rooms: [room(100, 10, 'a'), room(101, 11, 'b'), room(102, 20, 'c'), room(103, 20, 'off', { disabled: true })],
      roles: [
        { nodeId: ROOT_NODE_ID, principalId: 2, role: 'Manager' },
        { nodeId: 10, principalId: 3, role: 'Manager' },
        { nodeId: 102, principalId: 4, role: 'Manager' },
      ],
    });
    const ids = new Map(plan.principals.map((p) => [p.sourceId, p.targetId]));
    const managers = Object.fromEntries(plan.rooms.filter((r) => r.action !== 'skip').map((r) => [r.sourceName, r.managers]));
    expect(managers).toEqual({
      a: [ids.get(2), ids.get(3)],
      b: [ids.get(2), ids.get(3)],
      c: [ids.get(2), ids.get(4)],
    });
    expect(findingsOf(plan.findings, 'root-manager').map((f) => f.data)).toEqual([{ uri: 'sip:alice@contoso.com', rooms: 3 }]);
    expect(findingsOf(plan.findings, 'category-manager').map((f) => [f.data.uri, f.data.category, f.data.rooms])).toEqual([['sip:bob@contoso.com', 'Eng', 2]]);
    // Managers could create rooms: they are Creators of their categories (and below).
    const creators = Object.fromEntries(plan.categories.map((c) => [c.name, c.creators]));
    expect(creators['Eng / Sub']).toEqual([ids.get(2), ids.get(3)]);
    expect(creators.Sales).toEqual([ids.get(2)]);
  });
});
