import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { alice, bob, carol, category, planScenario, room, sales, ScenarioFolder } from '../test-support/scenario.js';

describe('§4 inherited member lists → explicit Members', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('expands the member list of the defining ancestor and ignores stale rows', async () => {
    const plan = await planScenario(folder, {
      principals: [alice, bob, carol, sales],
      categories: [category(10, ROOT_NODE_ID, 'Eng', { roleDefinerId: 10, overrideMembers: true })],
      rooms: [room(100, 10, 'inherits', { roleDefinerId: 10 }), room(101, 10, 'own', { roleDefinerId: 101, overrideMembers: true })],
      roles: [
        { nodeId: 10, principalId: 5, role: 'Member' },
        { nodeId: 10, principalId: 2, role: 'Member' },
        { nodeId: 100, principalId: 4, role: 'Member' },
        { nodeId: 101, principalId: 3, role: 'Member' },
      ],
    });
    const id = (source: number) => plan.principals.find((p) => p.sourceId === source)?.targetId;
    expect(Object.fromEntries(plan.rooms.map((r) => [r.sourceName, r.members]))).toEqual({
      inherits: [id(2), id(5)].sort((a, b) => a! - b!),
      own: [id(3)],
    });
    expect(findingsOf(plan.findings, 'inherited-members').map((f) => f.data)).toEqual([{ room: 'inherits', members: 2, inheritedFrom: 'Eng' }]);
    expect(findingsOf(plan.findings, 'stale-member-rows').map((f) => f.data)).toEqual([{ room: 'inherits', rows: 1 }]);
    // carol (only a stale row) is not referenced, so not created.
    expect(plan.principals.some((p) => p.sourceId === 4)).toBe(false);
  });
});
