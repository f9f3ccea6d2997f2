import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { category, planScenario, room, ScenarioFolder } from '../test-support/scenario.js';

describe('R4 invitations', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('resolves the tri-state chain and stores only Inherit or False on rooms', async () => {
    const plan = await planScenario(folder, {
      root: { invitations: false },
      categories: [
        category(10, ROOT_NODE_ID, 'On', { invitations: true }),
        category(11, 10, 'Inherits on'),
        category(20, ROOT_NODE_ID, 'Off'),
        category(30, ROOT_NODE_ID, 'Forced off', { invitations: false, childrenMustInherit: true }),
      ],
      rooms: [
        room(100, 10, 'on-under-on', { invitations: true }),
        room(101, 11, 'null-under-on'),
        room(102, 10, 'off-under-on', { invitations: false }),
        room(200, 20, 'on-under-off', { invitations: true }),
        room(201, 20, 'null-under-off'),
        room(202, 20, 'off-under-off', { invitations: false }),
        room(300, 30, 'on-under-forced-off', { invitations: true }),
      ],
    });
    expect(Object.fromEntries(plan.categories.map((c) => [c.name, c.invitations]))).toEqual({
      On: true,
      'On / Inherits on': true,
      Off: false,
      'Forced off': false,
    });
    expect(Object.fromEntries(plan.rooms.map((r) => [r.sourceName, r.invitations]))).toEqual({
      'on-under-on': 'Inherit',
      'null-under-on': 'Inherit',
      'off-under-on': 'False',
      'on-under-off': 'False',
      'null-under-off': 'Inherit',
      'off-under-off': 'False',
      // The category forces its children to inherit: the room's own "on" never applied.
      'on-under-forced-off': 'Inherit',
    });
    const forced = findingsOf(plan.findings, 'invitations-forced-off');
    expect(forced.map((f) => [f.severity, f.data.room, f.data.category])).toEqual([['warning', 'on-under-off', 'Off']]);
    expect(findingsOf(plan.findings, 'invitations-inherit').map((f) => f.data.room)).toEqual(['on-under-on']);
  });
});
