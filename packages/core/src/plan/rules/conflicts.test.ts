import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { alice, category, guid, messages, planScenario, room, ScenarioFolder } from '../test-support/scenario.js';

describe('R9 conflicts with the target', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('lists every overwrite before anything happens, keeps the target ids and appends after its messages', async () => {
    const plan = await planScenario(
      folder,
      {
        principals: [alice],
        categories: [category(10, ROOT_NODE_ID, 'Eng'), category(11, ROOT_NODE_ID, 'New')],
        rooms: [room(100, 10, 'General Chat'), room(101, 11, 'fresh')],
        messages: messages(100, 3, [2]),
        addins: [{ id: guid(500), name: 'Wiki', url: 'https://new/wiki' }],
      },
      {
        categories: [category(50, ROOT_NODE_ID, 'ENG', {}, false), category(51, ROOT_NODE_ID, 'Other', {}, false)],
        rooms: [room(60, 51, 'general chat ', {}, false)],
        messages: messages(60, 4, [1], '2013-06-01T00:00:00Z', 10),
        addins: [{ id: guid(700), name: 'wiki', url: 'https://old/wiki' }],
      },
    );
    expect(plan.categories.map((c) => [c.name, c.action, c.targetId])).toEqual([
      ['Eng', 'overwrite', 50],
      ['New', 'create', 61],
    ]);
    const general = plan.rooms.find((r) => r.sourceId === 100);
    expect(general).toMatchObject({ action: 'overwrite', targetId: 60, categoryTargetId: 50 });
    expect(general?.messages).toMatchObject({ existing: 4, chatIdOffset: 13, count: 3 });
    expect(plan.rooms.find((r) => r.sourceId === 101)).toMatchObject({ action: 'create', targetId: 62, guid: guid(101) });
    expect(findingsOf(plan.findings, 'category-overwritten').map((f) => f.data)).toEqual([{ name: 'Eng', targetId: 50 }]);
    expect(findingsOf(plan.findings, 'room-overwritten').map((f) => f.data)).toEqual([
      { name: 'General Chat', targetId: 60, targetCategory: 'Other', existingMessages: 4, chatIdOffset: 13 },
    ]);
    expect(plan.addins).toEqual([{ sourceId: guid(500), name: 'Wiki', url: 'https://new/wiki', action: 'overwrite', targetId: guid(700) }]);
    expect(findingsOf(plan.findings, 'addin-overwritten').map((f) => f.data.previousUrl)).toEqual(['https://old/wiki']);
    expect(plan.findings.filter((f) => f.rule === 'R9').every((f) => f.severity === 'warning')).toBe(true);
  });

  it('gives a new GUID when the legacy one is taken by another node', async () => {
    const plan = await planScenario(folder, { categories: [category(10, ROOT_NODE_ID, 'Eng')] }, { categories: [{ ...category(50, ROOT_NODE_ID, 'Other', {}, false), guid: guid(10) }] });
    const taken = findingsOf(plan.findings, 'guid-taken');
    expect(taken.map((f) => f.data.guid)).toEqual([guid(10)]);
    expect(plan.categories[0]?.guid).toBe(taken[0]?.data.newGuid);
    expect(plan.categories[0]?.guid).not.toBe(guid(10));
  });
});
