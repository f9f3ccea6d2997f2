import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { category, planScenario, room, ScenarioFolder } from '../test-support/scenario.js';

describe('§4 per-room file upload and chat history', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('sets categories from the resolved chain and warns for rooms that overrode them', async () => {
    const plan = await planScenario(folder, {
      root: { fileUpload: true, chatHistory: true },
      categories: [category(10, ROOT_NODE_ID, 'Eng', { chatHistory: false }), category(11, 10, 'Sub')],
      rooms: [room(100, 10, 'uploads off', { fileUpload: false }), room(101, 11, 'history on', { chatHistory: true }), room(102, 11, 'plain')],
    });
    expect(plan.categories.map((c) => [c.name, c.fileUpload, c.chatHistory])).toEqual([
      ['Eng', true, false],
      ['Eng / Sub', true, false],
    ]);
    expect(findingsOf(plan.findings, 'room-setting-override').map((f) => [f.data.room, f.data.setting, f.data.roomValue, f.data.categoryValue])).toEqual([
      ['uploads off', 'fileUpload', false, true],
      ['history on', 'chatHistory', true, false],
    ]);
  });
});
