import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../model/constants.js';
import { category, messages, planScenario, room, ScenarioFolder, user } from '../plan/test-support/scenario.js';
import { renderImportReport } from './import-report.js';

describe('the -Report page', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('is self-contained, escapes every name from the legacy data, and has every section', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const plan = await planScenario(folder, {
      principals: [user(2, 'alice')],
      categories: [category(10, ROOT_NODE_ID, `Eng ${hostile}`), category(11, 10, 'Sub "quoted" & more')],
      rooms: [room(100, 11, `room ${hostile}`, { topic: '</script><script>alert(2)</script>' })],
      messages: messages(100, 3, [2]),
    });
    const page = renderImportReport(plan, { status: 'what-if', backupPath: null });
    expect(page).not.toContain(hostile);
    expect(page).not.toContain('<script>alert(2)');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const id of ['summary', 'findings', 'renames', 'conflicts', 'months', 'categories', 'rooms', 'principals']) expect(page).toContain(`<section id="${id}">`);
    expect(page.match(/<script>/g)).toHaveLength(1);
    expect(page).toContain('What if — nothing was changed');
  });
});
