import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { category, planScenario, room, ScenarioFolder } from '../test-support/scenario.js';

describe('R1 flattening', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());
  const tree = {
    categories: [category(10, ROOT_NODE_ID, 'Eng'), category(11, 10, 'Platform'), category(12, 11, 'Build & Test'), category(20, ROOT_NODE_ID, 'Sales')],
    rooms: [room(100, 10, 'eng-chat'), room(101, 12, 'ci'), room(102, ROOT_NODE_ID, 'lobby'), room(103, 20, 'deals')],
  };

  it('names every sub-category by its full path and prefixes rooms under sub-categories, with the default separator', async () => {
    const plan = await planScenario(folder, tree);
    expect(plan.categories.map((c) => c.name)).toEqual(['General', 'Eng', 'Eng / Platform', 'Eng / Platform / Build & Test', 'Sales']);
    expect(Object.fromEntries(plan.rooms.map((r) => [r.sourceName, [r.name, r.category]]))).toEqual({
      'eng-chat': ['eng-chat', 'Eng'],
      ci: ['Eng / Platform / Build & Test / ci', 'Eng / Platform / Build & Test'],
      lobby: ['lobby', 'General'],
      deals: ['deals', 'Sales'],
    });
    expect(findingsOf(plan.findings, 'category-flattened').map((f) => f.data.to)).toEqual(['Eng / Platform', 'Eng / Platform / Build & Test']);
    expect(findingsOf(plan.findings, 'room-prefixed').map((f) => [f.data.from, f.data.to])).toEqual([['ci', 'Eng / Platform / Build & Test / ci']]);
    expect(findingsOf(plan.findings, 'root-rooms-category')[0]?.data).toEqual({ category: 'General', rooms: 1 });
  });

  it('takes the separator and the root-rooms category as options', async () => {
    const plan = await planScenario(folder, tree, {}, { categorySeparator: ' - ', rootRoomsCategory: 'Legacy lobby' });
    expect(plan.categories.map((c) => c.name)).toEqual(['Legacy lobby', 'Eng', 'Eng - Platform', 'Eng - Platform - Build & Test', 'Sales']);
    expect(plan.rooms.find((r) => r.sourceName === 'ci')?.name).toBe('Eng - Platform - Build & Test - ci');
  });

  it('creates no root-rooms category when no migrated room needs one', async () => {
    const plan = await planScenario(folder, { categories: [category(10, ROOT_NODE_ID, 'Eng')], rooms: [room(100, 10, 'a'), room(101, ROOT_NODE_ID, 'off', { disabled: true })] });
    expect(plan.categories.map((c) => c.name)).toEqual(['Eng']);
    expect(findingsOf(plan.findings, 'root-rooms-category')).toEqual([]);
  });

  it('refuses names that collide once flattened (case-insensitively, trailing spaces ignored)', async () => {
    const plan = await planScenario(folder, {
      categories: [category(10, ROOT_NODE_ID, 'A'), category(11, 10, 'B'), category(12, ROOT_NODE_ID, 'a / b ')],
      rooms: [room(100, 10, 'x'), room(101, 12, 'X')],
    });
    const collisions = findingsOf(plan.findings, 'name-collision');
    expect(collisions.map((f) => [f.data.kind, f.data.name])).toEqual([
      ['category', 'A / B'],
      ['category', 'a / b '],
      ['room', 'x'],
      ['room', 'X'],
    ]);
    expect(collisions.every((f) => f.severity === 'error')).toBe(true);
  });

  it('rejects unusable options with a stable error', async () => {
    await expect(planScenario(folder, tree, {}, { categorySeparator: '' })).rejects.toMatchObject({ id: 'PCMIG-IMP-005' });
    await expect(planScenario(folder, tree, {}, { categorySeparator: '\\' })).rejects.toMatchObject({ id: 'PCMIG-IMP-005' });
    await expect(planScenario(folder, tree, {}, { rootRoomsCategory: '  ' })).rejects.toMatchObject({ id: 'PCMIG-IMP-005' });
  });
});
