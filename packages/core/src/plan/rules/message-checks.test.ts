import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { isoToTicks } from '../../model/ticks.js';
import { findingsOf } from '../findings/finding.js';
import { planMigration } from '../plan-migration.js';
import { readTargetSnapshot } from '../target-snapshot.js';
import { memorySource } from '../test-support/memory-source.js';
import { alice, category, messages, planScenario, room, ScenarioFolder } from '../test-support/scenario.js';

describe('messages: unknown authors, unknown rooms, impossible time stamps', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('refuses messages by unknown authors or in unknown rooms, warns for impossible dates', async () => {
    const odd = messages(100, 3, [2]);
    odd[0] = { ...odd[0]!, timestamp: isoToTicks('1995-03-01T00:00:00Z') };
    odd[2] = { ...odd[2]!, timestamp: isoToTicks('2030-01-01T00:00:00Z') };
    const plan = await planScenario(folder, {
      principals: [alice],
      categories: [category(10, ROOT_NODE_ID, 'Eng')],
      rooms: [room(100, 10, 'r'), room(101, 10, 'off', { disabled: true })],
      messages: [...odd, ...messages(101, 2, [77]), ...messages(100, 4, [99], '2011-03-01T00:00:00Z', 10)],
    });
    expect(findingsOf(plan.findings, 'message-unknown-author').map((f) => [f.severity, f.data])).toEqual([
      ['error', { authorId: 99, messages: 4, sampleChatIds: [10, 11, 12, 13] }],
    ]);
    const impossible = findingsOf(plan.findings, 'message-impossible-timestamp');
    expect(impossible.map((f) => [f.severity, f.data.messages, f.data.sampleChatIds])).toEqual([['warning', 2, [1, 3]]]);
    expect(impossible[0]?.data.earliest).toBe('1995-03-01T00:00:00.0000000Z');
    // Disabled rooms do not count: author 77 posted only there.
    expect(plan.totals.findings.error).toBe(1);
  });

  it('refuses messages of rooms the source does not contain, and messages out of key order', async () => {
    const { store } = await folder.target();
    const root = category(ROOT_NODE_ID, ROOT_NODE_ID, 'Root', { parentId: null });
    const list = [...messages(100, 3, [2]), ...messages(555, 2, [2])];
    const swapped = [list[1]!, list[0]!, list[2]!, ...list.slice(3)];
    const source = memorySource({ principals: [alice], categories: [root, category(10, ROOT_NODE_ID, 'Eng')], rooms: [room(100, 10, 'r')], messages: swapped });
    const plan = await planMigration(source, await readTargetSnapshot(store), { now: new Date('2014-01-01T00:00:00Z') });
    expect(findingsOf(plan.findings, 'message-unknown-room').map((f) => f.data)).toEqual([{ roomId: 555, messages: 2 }]);
    expect(findingsOf(plan.findings, 'message-out-of-order').map((f) => f.data)).toEqual([{ roomId: 100, chatId: 1, previousRoomId: 100, previousChatId: 2 }]);
  });
});
