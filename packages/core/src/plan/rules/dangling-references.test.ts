import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { planMigration } from '../plan-migration.js';
import { readTargetSnapshot } from '../target-snapshot.js';
import { memorySource } from '../test-support/memory-source.js';
import { alice, category, guid, room, ScenarioFolder } from '../test-support/scenario.js';

describe('references that lead nowhere', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('reports dangling principals (error), nodes (warning), parents (error) and add-ins (warning)', async () => {
    const { store } = await folder.target();
    const root = category(ROOT_NODE_ID, ROOT_NODE_ID, 'Root', { parentId: null });
    const source = memorySource({
      principals: [alice],
      categories: [root, category(10, ROOT_NODE_ID, 'Eng'), category(11, 99, 'Orphan')],
      rooms: [room(100, 10, 'r', { addinId: guid(777) }), room(101, 98, 'lost')],
      roles: [
        { nodeId: 100, principalId: 2, role: 'Member' },
        { nodeId: 100, principalId: 42, role: 'Manager' },
        { nodeId: 500, principalId: 2, role: 'Member' },
      ],
      scopes: [{ nodeId: 10, principalId: 43, denied: false }],
    });
    const plan = await planMigration(source, await readTargetSnapshot(store), { now: new Date('2014-01-01T00:00:00Z') });
    expect(findingsOf(plan.findings, 'dangling-principal-reference').map((f) => [f.severity, f.data.principalId, f.data.nodeId])).toEqual([
      ['error', 42, 100],
      ['error', 43, 10],
    ]);
    expect(findingsOf(plan.findings, 'dangling-node-reference').map((f) => [f.severity, f.data.nodeId])).toEqual([['warning', 500]]);
    expect(findingsOf(plan.findings, 'dangling-parent').map((f) => f.data)).toEqual([
      { nodeId: 11, parentId: 99 },
      { nodeId: 101, parentId: 98 },
    ]);
    expect(findingsOf(plan.findings, 'dangling-addin-reference').map((f) => f.data.addinId)).toEqual([guid(777)]);
    expect(plan.rooms.map((r) => r.sourceName)).toEqual(['r']);
    expect(plan.rooms[0]?.addin).toBeNull();
  });
});
