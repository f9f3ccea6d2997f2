import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { alice, bob, carol, category, planScenario, room, sales, ScenarioFolder } from '../test-support/scenario.js';

describe('§4 scope → AllowedMembers', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('takes the effective (narrowed) scope of each category; DeniedMembers stays empty for Group Chat', async () => {
    const plan = await planScenario(folder, {
      principals: [alice, bob, carol, sales],
      categories: [category(10, ROOT_NODE_ID, 'Eng', { scopeDefinerId: ROOT_NODE_ID }), category(11, 10, 'Narrow', { scopeDefinerId: 11 })],
      rooms: [room(100, 11, 'r', { scopeDefinerId: 100 })],
      scopes: [
        { nodeId: ROOT_NODE_ID, principalId: 5, denied: false },
        { nodeId: ROOT_NODE_ID, principalId: 4, denied: false },
        { nodeId: 11, principalId: 2, denied: false },
        { nodeId: 100, principalId: 3, denied: false },
      ],
    });
    const id = (source: number) => plan.principals.find((p) => p.sourceId === source)?.targetId;
    expect(Object.fromEntries(plan.categories.map((c) => [c.name, [c.allowedMembers, c.deniedMembers]]))).toEqual({
      Eng: [[id(4), id(5)].sort((a, b) => a! - b!), []],
      'Eng / Narrow': [[id(2)], []],
    });
    expect(findingsOf(plan.findings, 'allowed-members').map((f) => f.data.definedAt)).toEqual(['(root)', 'Eng / Narrow']);
    expect(findingsOf(plan.findings, 'room-scope-dropped').map((f) => f.data)).toEqual([{ room: 'r', entries: 1 }]);
  });

  it('keeps allow and deny rows of a Persistent Chat source as they are', async () => {
    const plan = await planScenario(folder, {
      flavour: 'pc2013',
      principals: [alice, bob],
      categories: [category(10, ROOT_NODE_ID, 'Eng', {}, false)],
      scopes: [
        { nodeId: 10, principalId: 2, denied: false },
        { nodeId: 10, principalId: 3, denied: true },
      ],
    });
    const id = (source: number) => plan.principals.find((p) => p.sourceId === source)?.targetId;
    expect(plan.categories[0]).toMatchObject({ allowedMembers: [id(2)], deniedMembers: [id(3)] });
    expect(findingsOf(plan.findings, 'allowed-members')).toEqual([]);
  });
});
