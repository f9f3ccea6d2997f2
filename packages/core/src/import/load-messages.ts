import type { SqlValue } from '../db/connection.js';
import type { ImportLedger, LedgerStep } from '../db/repositories/import-ledger.js';
import type { PersistentChatStore } from '../db/repositories/persistent-chat-store.js';
import { throttleProgress, type ProgressListener } from '../model/progress.js';
import type { Message } from '../model/message.js';
import type { SourceData } from '../model/source-data.js';
import { IMPORT_ACTIVITY } from '../plan/plan-migration.js';
import type { MigrationPlan, RoomAction } from '../plan/plan-types.js';
import { importErrors } from './import-errors.js';
import { withHeapRelief } from '../runtime/heap-relief.js';

export const messageStep = (sourceRoomId: number) => `messages:${sourceRoomId}`;

interface PendingStep {
  readonly room: RoomAction;
  readonly position: number;
  readonly done: boolean;
}

interface RoomProgress {
  readonly room: RoomAction;
  readonly step: LedgerStep | undefined;
  /** Last legacy chatId written (or recorded by an earlier run); -1 before any. */
  last: number;
  /** Source messages met for the room, written or not. */
  seen: number;
  /** Rows written since the last commit. */
  dirty: boolean;
}

/**
 * Streams the source's messages into tblChat in large transactions. Each transaction also
 * records, per room, the last legacy chatId it committed (and whether the room is complete), so a
 * run killed at any moment resumes after exactly what was committed: nothing is written twice
 * and nothing is skipped. Rows are written batch by batch inside the open transaction, so memory
 * holds one source batch, whatever the transaction's size (and young objects die young).
 */
export async function loadMessages(args: {
  readonly plan: MigrationPlan;
  readonly store: PersistentChatStore;
  readonly source: SourceData;
  readonly ledger: ImportLedger;
  readonly steps: ReadonlyMap<string, LedgerStep>;
  readonly perTransaction: number;
  readonly onProgress?: ProgressListener;
}): Promise<number> {
  const { plan, store, ledger, steps } = args;
  const rooms = new Map(plan.rooms.filter((r) => r.action !== 'skip').map((r) => [r.sourceId, r]));
  const authors = new Map<number, number>();
  for (const p of plan.principals) if (p.targetId !== null && p.action !== 'unresolved') authors.set(p.sourceId, p.targetId);
  const progress = throttleProgress(args.onProgress);
  const total = plan.totals.messages.import;
  const seen = new Map<number, number>();
  // Rooms completed in the open transaction; the current room is recorded at each commit too.
  let finished: PendingStep[] = [];
  let current: RoomProgress | undefined;
  let written = 0;
  let passed = 0;

  const finishRoom = () => {
    if (!current) return;
    seen.set(current.room.sourceId, current.seen);
    if (!current.step?.done && current.last >= 0) finished.push({ room: current.room, position: current.last, done: true });
    current = undefined;
  };
  /** The rows of one source batch, in tblChat's column order; rooms are tracked as they change. */
  const rowsOf = (batch: readonly Message[], from: number, to: number): SqlValue[][] => {
    const rows: SqlValue[][] = [];
    for (let i = from; i < to; i += 1) {
      const message = batch[i] as Message;
      if (current?.room.sourceId !== message.roomId) {
        const room = rooms.get(message.roomId);
        if (!room) continue;
        finishRoom();
        const step = steps.get(messageStep(room.sourceId));
        current = { room, step, last: step?.position ?? -1, seen: 0, dirty: false };
      }
      current.seen += 1;
      if (current.step && (current.step.done || message.chatId <= current.step.position)) {
        passed += 1;
        continue;
      }
      const author = authors.get(message.authorId);
      if (author === undefined || message.chatId <= current.last) {
        throw importErrors.create('PCMIG-IMP-008', {
          message: `Message (room ${message.roomId}, chatId ${message.chatId}) ${author === undefined ? `has an author (${message.authorId}) the plan did not resolve` : 'is out of order'}.`,
          reason: { roomId: message.roomId, chatId: message.chatId },
        });
      }
      const room = current.room;
      rows.push([room.targetId, room.messages.chatIdOffset + message.chatId, message.timestamp, author, message.isAlert ? 1 : 0, message.content, message.rtf]);
      current.last = message.chatId;
      current.dirty = true;
    }
    return rows;
  };

  const batches = withHeapRelief(args.source.messages())[Symbol.asyncIterator]();
  let batch: readonly Message[] = [];
  let index = 0;
  let exhausted = false;
  while (!exhausted) {
    await store.connection.transaction(async () => {
      // A transaction takes at most perTransaction source messages, splitting a source batch if needed.
      let consumed = 0;
      let inTransaction = 0;
      while (consumed < args.perTransaction) {
        if (index >= batch.length) {
          const next = await batches.next();
          if (next.done) {
            exhausted = true;
            finishRoom();
            break;
          }
          batch = next.value;
          index = 0;
        }
        const end = Math.min(batch.length, index + args.perTransaction - consumed);
        const rows = rowsOf(batch, index, end);
        consumed += end - index;
        index = end;
        if (rows.length > 0) await store.insertChatRows(rows);
        inTransaction += rows.length;
      }
      const updates = [...finished];
      if (current?.dirty) updates.push({ room: current.room, position: current.last, done: false });
      for (const step of updates) {
        await ledger.saveStep(plan.runKey, messageStep(step.room.sourceId), step.position, step.done);
        if (step.done) await store.setLastChatId(step.room.targetId, step.room.messages.chatIdOffset + step.position);
      }
      written += inTransaction;
    });
    // Only once committed: a rolled-back transaction leaves these for the next run.
    finished = [];
    if (current) current.dirty = false;
    progress({
      activity: IMPORT_ACTIVITY,
      status: `Messages: ${(written + passed).toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`,
      current: written + passed,
      total,
      ...(total > 0 ? { percentComplete: Math.min(100, Math.floor(((written + passed) * 100) / total)) } : {}),
    });
  }
  for (const room of rooms.values()) {
    if ((seen.get(room.sourceId) ?? 0) !== room.messages.count) {
      throw importErrors.create('PCMIG-IMP-008', {
        message: `Room '${room.name}' has ${(seen.get(room.sourceId) ?? 0).toLocaleString('en-US')} message(s) in the source now; the plan counted ${room.messages.count.toLocaleString('en-US')}.`,
        target: room.name,
        reason: { room: room.sourceId, planned: room.messages.count, found: seen.get(room.sourceId) ?? 0 },
      });
    }
  }
  return written;
}
