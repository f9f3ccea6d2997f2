import { afterAll, describe, expect, it } from 'vitest';
import { Behavior, ROOT_NODE_ID, Visibility } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { category, planScenario, room, ScenarioFolder } from '../test-support/scenario.js';

describe('§4 visibility → privacy, auditorium → type', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('maps private → Secret, scope → Closed, none → Closed (info), auditorium → Auditorium', async () => {
    const plan = await planScenario(folder, {
      categories: [category(10, ROOT_NODE_ID, 'Eng')],
      rooms: [
        room(100, 10, 'private', { visibility: Visibility.Private }),
        room(101, 10, 'scoped', { visibility: Visibility.Scope, behavior: Behavior.Auditorium }),
        room(102, 10, 'unset', { visibility: null }),
      ],
    });
    expect(plan.rooms.map((r) => [r.sourceName, r.privacy, r.type])).toEqual([
      ['private', 'Secret', 'Normal'],
      ['scoped', 'Closed', 'Auditorium'],
      ['unset', 'Closed', 'Normal'],
    ]);
    expect(findingsOf(plan.findings, 'visibility-defaulted').map((f) => f.data.room)).toEqual(['unset']);
  });
});
