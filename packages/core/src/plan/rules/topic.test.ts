import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { category, planScenario, room, ScenarioFolder } from '../test-support/scenario.js';

describe('§4 Topic', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('carries the topic in the description when it fits, else drops it with a warning', async () => {
    const plan = await planScenario(folder, {
      categories: [category(10, ROOT_NODE_ID, 'Eng')],
      rooms: [
        room(100, 10, 'no description', { topic: 'Release train' }),
        room(101, 10, 'both', { description: 'Builds', topic: 'Green builds only' }),
        room(102, 10, 'too long', { description: 'd'.repeat(250), topic: 'longer topic' }),
        room(103, 10, 'same', { description: 'Same', topic: 'Same' }),
      ],
    });
    expect(Object.fromEntries(plan.rooms.map((r) => [r.sourceName, r.description]))).toEqual({
      'no description': 'Release train',
      both: 'Builds | Topic: Green builds only',
      'too long': 'd'.repeat(250),
      same: 'Same',
    });
    expect(findingsOf(plan.findings, 'topic-merged').map((f) => f.data.room)).toEqual(['no description', 'both']);
    expect(findingsOf(plan.findings, 'topic-dropped').map((f) => [f.severity, f.data.topic])).toEqual([['warning', 'longer topic']]);
  });
});
