import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { isoToTicks } from '../../model/ticks.js';
import { findingsOf } from '../findings/finding.js';
import { alice, category, messages, planScenario, room, ScenarioFolder } from '../test-support/scenario.js';

describe('R8 start date', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('counts the messages left out per room and per month', async () => {
    const plan = await planScenario(folder, {
      principals: [alice],
      categories: [category(10, ROOT_NODE_ID, 'Eng')],
      rooms: [room(100, 10, 'a'), room(101, 10, 'b')],
      // 48 messages an hour apart from 2009-12-31T00:00Z: 24 before 2010-01-01.
      messages: [...messages(100, 48, [2], '2009-12-31T00:00:00Z'), ...messages(101, 5, [2], '2010-02-01T00:00:00Z')],
      startDate: isoToTicks('2010-01-01T00:00:00Z'),
    });
    expect(findingsOf(plan.findings, 'messages-before-start-date').map((f) => [f.data.room, f.data.messages])).toEqual([['a', 24]]);
    expect(plan.source.startDate).toBe('2010-01-01T00:00:00.0000000Z');
    expect(plan.totals.messages).toMatchObject({ import: 29, cut: 24 });
    expect(plan.months.map((m) => [m.month, m.migrated, m.cut])).toEqual([
      ['2009-12', 0, 24],
      ['2010-01', 24, 0],
      ['2010-02', 5, 0],
    ]);
    expect(plan.rooms.find((r) => r.sourceName === 'a')?.messages).toMatchObject({ count: 24, cut: 24, firstChatId: 25, lastChatId: 48 });
  });
});
