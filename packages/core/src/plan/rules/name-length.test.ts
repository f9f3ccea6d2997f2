import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { category, planScenario, room, ScenarioFolder } from '../test-support/scenario.js';
import { shortenName } from './name-length.js';

describe('R2 names up to 256 characters', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());
  const long = (c: string, n: number) => c.repeat(n);
  const tree = {
    categories: [category(10, ROOT_NODE_ID, long('P', 200)), category(11, 10, long('C', 100))],
    rooms: [room(100, 10, long('r', 56)), room(101, 10, long('s', 57)), room(102, 11, 'short')],
  };

  it('is an error naming the item and its length, counting the prefix', async () => {
    const plan = await planScenario(folder, tree);
    const errors = findingsOf(plan.findings, 'name-too-long');
    expect(errors.map((f) => [f.data.kind, f.data.length])).toEqual([
      ['category', 303],
      ['room', 311],
    ]);
    expect(errors[0]?.message).toContain('303 characters');
    // A room in a top-level category is not prefixed: 56 and 57 characters are fine.
    expect(plan.rooms.find((r) => r.sourceId === 101)?.name).toHaveLength(57);
    expect(plan.totals.findings.error).toBe(2);
  });

  it('with -ShortenLongNames shortens deterministically and reports old → new', async () => {
    const plan = await planScenario(folder, tree, {}, { shortenLongNames: true });
    expect(plan.totals.findings.error).toBe(0);
    const shortened = findingsOf(plan.findings, 'name-shortened');
    expect(shortened).toHaveLength(2);
    for (const f of shortened) {
      expect(f.severity).toBe('warning');
      expect(f.data.to.length).toBeLessThanOrEqual(256);
      expect(f.data.to).toMatch(/~[0-9a-f]{7}$/);
    }
    const category = plan.categories.find((c) => c.sourceId === 11);
    const roomName = plan.rooms.find((r) => r.sourceId === 102)?.name;
    // The room's prefix is its (shortened) category's name.
    expect(roomName?.startsWith(category!.name.slice(0, 200))).toBe(true);
    const again = await planScenario(folder, tree, {}, { shortenLongNames: true });
    expect(again.categories.map((c) => c.name)).toEqual(plan.categories.map((c) => c.name));
  });

  it('never splits a surrogate pair and keeps distinct names distinct', () => {
    const emoji = `${'a'.repeat(247)}😀😀😀😀😀`;
    const short = shortenName(emoji, 256);
    expect(short.length).toBeLessThanOrEqual(256);
    expect(() => encodeURIComponent(short)).not.toThrow();
    expect(shortenName(`${'x'.repeat(300)}1`, 256)).not.toBe(shortenName(`${'x'.repeat(300)}2`, 256));
    expect(shortenName('short', 256)).toBe('short');
  });

  it('refuses empty names', async () => {
    const plan = await planScenario(folder, { categories: [category(10, ROOT_NODE_ID, 'A')], rooms: [room(100, 10, '')] });
    expect(findingsOf(plan.findings, 'name-empty').map((f) => f.data)).toEqual([{ kind: 'room', nodeId: 100 }]);
  });
});
