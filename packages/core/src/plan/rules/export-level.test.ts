import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import type { SourceData } from '../../model/source-data.js';
import { findingsOf } from '../findings/finding.js';
import { planMigration } from '../plan-migration.js';
import { readTargetSnapshot } from '../target-snapshot.js';
import { alice, category, messages, room, ScenarioFolder } from '../test-support/scenario.js';

/** The same source read as a package of another -Level would describe it. */
function asLevel(source: SourceData, level: 'Content' | 'User' | 'Category'): SourceData {
  return {
    ...source,
    info: async () => ({ ...(await source.info()), level }),
    principals: () => source.principals(),
    affiliations: () => source.affiliations(),
    categories: () => source.categories(),
    rooms: async () => (level === 'Category' || level === 'User' ? [] : source.rooms()),
    roles: () => source.roles(),
    scopes: () => source.scopes(),
    addins: () => source.addins(),
    messages: () => (level === 'Content' ? source.messages() : (async function* () {})()),
  };
}

describe('export level semantics', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('a Content package changes no node: existing rooms keep their settings, missing ones are errors', async () => {
    const { reader } = await folder.source({
      principals: [alice],
      categories: [category(10, ROOT_NODE_ID, 'Eng')],
      rooms: [room(100, 10, 'here'), room(101, 10, 'missing')],
      roles: [{ nodeId: 100, principalId: 2, role: 'Member' }],
      messages: messages(100, 3, [2]),
    });
    const { store } = await folder.target({ categories: [category(50, ROOT_NODE_ID, 'Eng', {}, false)], rooms: [room(60, 50, 'here', {}, false)] });
    const plan = await planMigration(asLevel(reader, 'Content'), await readTargetSnapshot(store), { now: new Date('2014-01-01T00:00:00Z') });
    expect(findingsOf(plan.findings, 'level-partial')[0]?.data.notImported).toEqual(['category settings and ACLs', 'room settings and roles', 'add-ins']);
    expect(plan.categories[0]).toMatchObject({ action: 'keep', targetId: 50, allowedMembers: [], creators: [] });
    expect(plan.rooms.map((r) => [r.sourceName, r.action, r.targetId, r.members])).toEqual([
      ['here', 'keep', 60, []],
      ['missing', 'keep', 0, []],
    ]);
    expect(findingsOf(plan.findings, 'content-target-missing').map((f) => f.data)).toEqual([{ kind: 'room', name: 'missing' }]);
  });

  it('a User package creates every principal the target lacks and nothing else', async () => {
    const { reader } = await folder.source({ principals: [alice], categories: [category(10, ROOT_NODE_ID, 'Eng')] });
    const { store } = await folder.target();
    const plan = await planMigration(asLevel(reader, 'User'), await readTargetSnapshot(store), { now: new Date('2014-01-01T00:00:00Z') });
    expect(plan.principals.map((p) => [p.uri, p.action])).toEqual([['sip:alice@contoso.com', 'create']]);
    expect(plan.rooms).toEqual([]);
  });
});
