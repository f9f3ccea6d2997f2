import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../model/constants.js';
import { formatPlanText } from './print/format-plan-text.js';
import { planToJson } from './print/plan-to-json.js';
import type { MigrationPlan } from './plan-types.js';
import { alice, bob, carol, category, messages, planScenario, room, sales, ScenarioFolder } from './test-support/scenario.js';

describe('planMigration on a small Lync 2010 pool', () => {
  const folder = new ScenarioFolder();
  let plan: MigrationPlan;
  beforeAll(async () => {
    plan = await planScenario(folder, {
      principals: [alice, bob, carol, sales],
      categories: [category(10, ROOT_NODE_ID, 'Engineering', { invitations: true }), category(11, 10, 'Platform', { roleDefinerId: 11, overrideMembers: true })],
      rooms: [room(100, 10, 'general'), room(101, 11, 'builds'), room(102, ROOT_NODE_ID, 'lobby'), room(103, 11, 'old', { disabled: true })],
      roles: [
        { nodeId: ROOT_NODE_ID, principalId: 2, role: 'Manager' },
        { nodeId: 11, principalId: 5, role: 'Member' },
        { nodeId: 100, principalId: 3, role: 'Member' },
      ],
      scopes: [{ nodeId: ROOT_NODE_ID, principalId: 5, denied: false }],
      messages: [...messages(100, 30, [2, 3]), ...messages(101, 10, [4]), ...messages(103, 5, [2])],
    });
  });
  afterAll(() => folder.dispose());

  it('plans every category and room with converted names and ACLs', () => {
    expect(plan.totals.findings.error).toBe(0);
    expect(plan.categories.map((c) => [c.name, c.action])).toEqual([
      ['General', 'create'],
      ['Engineering', 'create'],
      ['Engineering / Platform', 'create'],
    ]);
    const builds = plan.rooms.find((r) => r.sourceId === 101);
    expect(builds?.name).toBe('Engineering / Platform / builds');
    expect(plan.rooms.find((r) => r.sourceId === 103)?.action).toBe('skip');
    expect(plan.totals.messages).toEqual({ import: 40, cut: 0, inSkippedRooms: 5 });
    const text = formatPlanText(plan);
    expect(text).toContain('Engineering / Platform');
    expect(JSON.parse(planToJson(plan)).runKey).toBe(plan.runKey);
  });
});
