import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { alice, bob, carol, category, planScenario, ScenarioFolder } from '../test-support/scenario.js';

describe('§4 room-creation right → Creators', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('gives Creators = managers, plus members where members could create rooms', async () => {
    const plan = await planScenario(folder, {
      principals: [alice, bob, carol],
      root: { membersCanCreateRooms: true },
      categories: [
        category(10, ROOT_NODE_ID, 'Open', { roleDefinerId: 10, overrideMembers: true }),
        category(20, ROOT_NODE_ID, 'Restricted', { roleDefinerId: 20, overrideMembers: true, membersCanCreateRooms: false }),
      ],
      roles: [
        { nodeId: 10, principalId: 3, role: 'Member' },
        { nodeId: 20, principalId: 4, role: 'Member' },
        { nodeId: 20, principalId: 2, role: 'Manager' },
      ],
    });
    const id = (source: number) => plan.principals.find((p) => p.sourceId === source)?.targetId;
    expect(Object.fromEntries(plan.categories.map((c) => [c.name, c.creators]))).toEqual({ Open: [id(3)], Restricted: [id(2)] });
    expect(findingsOf(plan.findings, 'creators').map((f) => [f.data.category, f.data.membersCouldCreate])).toEqual([
      ['Open', true],
      ['Restricted', false],
    ]);
  });

  it('keeps the Creator rows of a Persistent Chat source', async () => {
    const plan = await planScenario(folder, {
      flavour: 'pc2013',
      principals: [alice],
      categories: [category(10, ROOT_NODE_ID, 'Eng', {}, false)],
      roles: [{ nodeId: 10, principalId: 2, role: 'Creator' }],
    });
    expect(plan.categories[0]?.creators).toEqual([plan.principals[0]?.targetId]);
  });
});
