import { afterAll, describe, expect, it } from 'vitest';
import { Behavior, ROOT_NODE_ID } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { alice, category, planScenario, room, ScenarioFolder } from '../test-support/scenario.js';

describe('§4 Voiced → Presenters', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('keeps presenters of auditoriums and drops those of normal rooms with a warning', async () => {
    const plan = await planScenario(folder, {
      principals: [alice],
      categories: [category(10, ROOT_NODE_ID, 'Eng')],
      rooms: [room(100, 10, 'town hall', { behavior: Behavior.Auditorium }), room(101, 10, 'chat')],
      roles: [
        { nodeId: 100, principalId: 2, role: 'Voiced' },
        { nodeId: 101, principalId: 2, role: 'Voiced' },
      ],
    });
    const [hall, chat] = plan.rooms;
    expect(hall).toMatchObject({ type: 'Auditorium', presenters: [plan.principals[0]?.targetId] });
    expect(chat).toMatchObject({ type: 'Normal', presenters: [] });
    expect(findingsOf(plan.findings, 'presenters').map((f) => f.data)).toEqual([{ room: 'town hall', presenters: 1 }]);
    expect(findingsOf(plan.findings, 'presenters-dropped').map((f) => [f.severity, f.data])).toEqual([['warning', { room: 'chat', presenters: 1 }]]);
  });
});
