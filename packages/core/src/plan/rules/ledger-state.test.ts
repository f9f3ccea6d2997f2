import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import type { SourceData } from '../../model/source-data.js';
import { openPool } from '../../db/open-pool.js';
import { ImportLedger } from '../../db/repositories/import-ledger.js';
import { PersistentChatStore } from '../../db/repositories/persistent-chat-store.js';
import { importPersistentChatData } from '../../import/import-persistent-chat-data.js';
import { findingsOf } from '../findings/finding.js';
import { planMigration } from '../plan-migration.js';
import { readTargetSnapshot } from '../target-snapshot.js';
import { alice, bob, category, messages, room, ScenarioFolder, type SourceSpec } from '../test-support/scenario.js';

const NOW = () => new Date('2014-01-01T00:00:00Z');
const spec: SourceSpec = {
  principals: [alice, bob],
  categories: [category(10, ROOT_NODE_ID, 'Eng')],
  rooms: [room(100, 10, 'a'), room(101, 10, 'b')],
  messages: [...messages(100, 30, [2, 3]), ...messages(101, 30, [3])],
};

/** Fails its second reading of the messages after `after` of them: an import stopped part-way, in process. */
function failingOnApply(source: SourceData, after: number): SourceData {
  let readings = 0;
  return {
    info: () => source.info(),
    principals: () => source.principals(),
    affiliations: () => source.affiliations(),
    categories: () => source.categories(),
    rooms: () => source.rooms(),
    roles: () => source.roles(),
    scopes: () => source.scopes(),
    addins: () => source.addins(),
    async *messages() {
      readings += 1;
      let n = 0;
      for await (const batch of source.messages()) {
        for (const m of batch) {
          if (readings === 2 && ++n > after) throw new Error('disk unplugged');
          yield [m];
        }
      }
    },
  };
}

describe('the import ledger: idempotency, resume, one pool (P4)', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('a finished import is recognised and not applied again; other options on the same source are refused', async () => {
    const { reader } = await folder.source(spec);
    const target = await folder.target();
    await target.pool.close();
    await importPersistentChatData({ dbInstance: target.path, source: reader, backup: false, now: NOW });
    const again = await importPersistentChatData({ dbInstance: target.path, source: reader, whatIf: true, now: NOW });
    expect(again.plan.status).toBe('complete');
    expect(findingsOf(again.plan.findings, 'already-imported')).toHaveLength(1);
    expect(again.plan.rooms.map((r) => r.action)).toEqual(['create', 'create']);
    const other = await importPersistentChatData({ dbInstance: target.path, source: reader, whatIf: true, categorySeparator: ' - ', now: NOW });
    expect(findingsOf(other.plan.findings, 'source-already-imported').map((f) => f.severity)).toEqual(['error']);
    await expect(importPersistentChatData({ dbInstance: target.path, source: reader, categorySeparator: ' - ', backup: false, now: NOW })).rejects.toMatchObject({
      id: 'PCMIG-IMP-002',
    });
  });

  it('an interrupted import resumes with the same allocations and ends as an uninterrupted one', async () => {
    const { reader } = await folder.source(spec);
    const reference = await folder.target({ categories: [category(50, ROOT_NODE_ID, 'Other', {}, false)] });
    await reference.pool.close();
    await importPersistentChatData({ dbInstance: reference.path, source: reader, backup: false, now: NOW, messagesPerTransaction: 7 });

    const target = await folder.target({ categories: [category(50, ROOT_NODE_ID, 'Other', {}, false)] });
    await target.pool.close();
    await expect(
      importPersistentChatData({ dbInstance: target.path, source: failingOnApply(reader, 40), backup: false, now: NOW, messagesPerTransaction: 7 }),
    ).rejects.toMatchObject({ id: 'PCMIG-IMP-007' });
    const pending = await importPersistentChatData({ dbInstance: target.path, source: reader, whatIf: true, now: NOW });
    expect(pending.plan.status).toBe('resume');
    expect(findingsOf(pending.plan.findings, 'resuming-import')[0]?.data.stepsDone).toBeGreaterThanOrEqual(5);
    // Another source cannot start while this one is pending.
    const { reader: otherSource } = await folder.source({ ...spec, rooms: [room(100, 10, 'zzz')], messages: [] });
    const blocked = await importPersistentChatData({ dbInstance: target.path, source: otherSource, whatIf: true, now: NOW });
    expect(findingsOf(blocked.plan.findings, 'import-pending').map((f) => f.severity)).toEqual(['error']);

    const resumed = await importPersistentChatData({ dbInstance: target.path, source: reader, backup: false, now: NOW, messagesPerTransaction: 7 });
    expect(resumed.status).toBe('resumed');
    expect(resumed.written.messages).toBe(60 - 35);
    const state = async (file: string) => {
      const pool = await openPool({ dbInstance: file, access: 'read', role: 'target' });
      const snapshot = await readTargetSnapshot(new PersistentChatStore(pool));
      const rows = await pool.connection.query('SELECT * FROM tblChat ORDER BY channelId, chatId');
      const ledger = await new ImportLedger(pool.connection).runs();
      await pool.close();
      return { categories: snapshot.categories, rooms: snapshot.rooms, principals: snapshot.principals, rows, ledger };
    };
    expect(await state(target.path)).toEqual(await state(reference.path));
  });

  it('plans without the ledger tables (a fresh target) and never creates them in -WhatIf', async () => {
    const { reader } = await folder.source(spec);
    const { store } = await folder.target();
    const plan = await planMigration(reader, await readTargetSnapshot(store), { now: NOW() });
    expect(plan.status).toBe('fresh');
    expect(await new ImportLedger(store.connection).exists()).toBe(false);
  });
});
