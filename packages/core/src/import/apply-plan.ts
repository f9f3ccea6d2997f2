import { ImportLedger, type LedgerStep } from '../db/repositories/import-ledger.js';
import type { PersistentChatStore } from '../db/repositories/persistent-chat-store.js';
import { SYSTEM_PRINCIPAL_ID, type RoleNameValue } from '../model/constants.js';
import type { Audit } from '../model/primitives.js';
import type { ProgressListener } from '../model/progress.js';
import type { SourceData } from '../model/source-data.js';
import { dateToTicks, type Ticks } from '../model/ticks.js';
import { IMPORT_ACTIVITY } from '../plan/plan-migration.js';
import { shapingOptions } from '../plan/plan-options.js';
import type { MigrationPlan } from '../plan/plan-types.js';
import type { TargetSnapshot } from '../plan/target-snapshot.js';
import type { WrittenCounts } from './import-types.js';
import { relieveHeap } from '../runtime/heap-relief.js';
import { ledgerEntries } from './ledger-entries.js';
import { loadMessages } from './load-messages.js';
import { writePrincipals } from './write-principals.js';

/**
 * Applies a plan without errors, crash-safely: the first transaction records the import and
 * every id it allocates in the ledger; each later step (principals, add-ins, categories, rooms,
 * then messages in large transactions) commits together with its ledger row, so a run killed at
 * any point resumes after the last commit and ends exactly as an uninterrupted run would. Every
 * time stamp the import writes is the import's instant, recorded with it, so a resumed run writes
 * the same values. (Nothing is written for a plan whose status is 'complete'.)
 */
export async function applyPlan(args: {
  readonly plan: MigrationPlan;
  readonly snapshot: TargetSnapshot;
  readonly store: PersistentChatStore;
  readonly source: SourceData;
  readonly instant: Ticks;
  readonly backupPath: string | null;
  readonly perTransaction: number;
  readonly now: () => Date;
  readonly onProgress?: ProgressListener;
}): Promise<WrittenCounts> {
  const { plan, snapshot, store, source } = args;
  const db = store.connection;
  const ledger = new ImportLedger(db);
  const report = (status: string) => args.onProgress?.({ activity: IMPORT_ACTIVITY, status });
  const written = { principals: 0, addins: 0, categories: 0, rooms: 0, messages: 0 };

  if (plan.status === 'fresh') {
    report('Recording the import in the ledger');
    await db.transaction(async () => {
      await ledger.ensureTables();
      await ledger.startRun(
        { runKey: plan.runKey, sourceKey: plan.sourceKey, origin: plan.source.origin, options: { ...shapingOptions(plan.options) }, startedOn: args.instant, backupPath: args.backupPath },
        ledgerEntries(plan),
      );
    });
  }
  const steps = new Map((await ledger.steps(plan.runKey)).map((s): [string, LedgerStep] => [s.step, s]));
  const step = async (name: string, work: () => Promise<void>) => {
    if (steps.get(name)?.done) return;
    report(`Writing ${name}`);
    await db.transaction(async () => {
      await work();
      await ledger.saveStep(plan.runKey, name, 0, true);
    });
  };
  const audit = (addedBy: number, addedOn: bigint): Audit => ({ addedBy, addedOn, updatedBy: SYSTEM_PRINCIPAL_ID, updatedOn: args.instant });

  await step('principals', async () => {
    written.principals = await writePrincipals(plan, snapshot, store, source, args.instant);
  });
  await step('addins', async () => {
    for (const addin of plan.addins) await store.upsertAddin({ id: addin.targetId, name: addin.name, url: addin.url });
    written.addins = plan.addins.length;
  });
  await step('categories', async () => {
    const existing = new Map(snapshot.categories.map((c) => [c.id, c]));
    for (const c of plan.categories) {
      if (c.action === 'keep') continue;
      relieveHeap();
      const before = c.action === 'overwrite' ? existing.get(c.targetId)?.audit : undefined;
      await store.upsertCategory({
        id: c.targetId,
        guid: c.guid,
        name: c.name,
        description: c.description,
        invitations: c.invitations,
        fileUpload: c.fileUpload,
        chatHistory: c.chatHistory,
        audit: before ? audit(before.addedBy, before.addedOn) : audit(c.addedBy, BigInt(c.addedOn)),
      });
      const allowed = new Set(c.allowedMembers);
      await store.replaceScope(c.targetId, [
        ...c.allowedMembers.map((id) => ({ principalId: id, denied: false })),
        ...c.deniedMembers.filter((id) => !allowed.has(id)).map((id) => ({ principalId: id, denied: true })),
      ]);
      await store.replaceRoles(c.targetId, c.creators.map((id) => ({ principalId: id, role: 'Creator' as RoleNameValue })));
      written.categories += 1;
    }
  });
  await step('rooms', async () => {
    const existing = new Map(snapshot.rooms.map((r) => [r.id, r]));
    for (const r of plan.rooms) {
      if (r.action === 'skip' || r.action === 'keep') continue;
      relieveHeap();
      const before = r.action === 'overwrite' ? existing.get(r.targetId)?.audit : undefined;
      await store.upsertRoom({
        id: r.targetId,
        guid: r.guid,
        categoryId: r.categoryTargetId,
        name: r.name,
        description: r.description,
        privacy: r.privacy,
        type: r.type,
        invitations: r.invitations,
        disabled: r.disabled,
        addinId: r.addin,
        audit: before ? audit(before.addedBy, before.addedOn) : audit(r.addedBy, BigInt(r.addedOn)),
      });
      await store.replaceRoles(r.targetId, [
        ...r.members.map((id) => ({ principalId: id, role: 'Member' as RoleNameValue })),
        ...r.managers.map((id) => ({ principalId: id, role: 'Manager' as RoleNameValue })),
        ...r.presenters.map((id) => ({ principalId: id, role: 'Voiced' as RoleNameValue })),
      ]);
      written.rooms += 1;
    }
  });

  if (plan.source.contents.messages && !steps.get('messages')?.done) {
    if (await shouldDropMessageKey(plan, snapshot, store)) await store.dropMessageKey();
    written.messages = await loadMessages({
      plan,
      store,
      source,
      ledger,
      steps,
      perTransaction: args.perTransaction,
      ...(args.onProgress ? { onProgress: args.onProgress } : {}),
    });
  }
  report('Rebuilding the message index and closing the ledger');
  await db.transaction(async () => {
    if (!(await store.hasMessageKey())) await store.rebuildMessageKey();
    if (plan.source.contents.messages) await ledger.saveStep(plan.runKey, 'messages', 0, true);
    await ledger.completeRun(plan.runKey, dateToTicks(args.now()));
  });
  args.onProgress?.({ activity: IMPORT_ACTIVITY, status: 'Done', completed: true });
  return written;
}

/**
 * Decision: drop tblChat's key for the load (then rebuild it once) when the load is large compared
 * with what the table holds; rebuilding a big table's key for a few messages would cost more
 * than it saves. A key dropped by an interrupted run stays dropped until the load completes.
 */
async function shouldDropMessageKey(plan: MigrationPlan, snapshot: TargetSnapshot, store: PersistentChatStore): Promise<boolean> {
  if (!(await store.hasMessageKey())) return false;
  let existing = 0;
  for (const extent of snapshot.messages.values()) existing += extent.count;
  return plan.totals.messages.import > 0 && plan.totals.messages.import * 4 >= existing;
}
