import type { PersistentChatStore } from '../db/repositories/persistent-chat-store.js';
import { throttleProgress, type ProgressListener } from '../model/progress.js';
import { findingPath, findingsOf } from '../plan/findings/finding.js';
import type { MigrationPlan } from '../plan/plan-types.js';
import { RoomHasher } from '../plan/scan-messages.js';
import type { TargetSnapshot } from '../plan/target-snapshot.js';
import type { VerificationCheck } from './verify-types.js';

export const VERIFY_ACTIVITY = 'Test-CsPersistentChatMigration';

/**
 * Per migrated room: the number of legacy messages in the target and their content hash, computed
 * exactly as the planner computed it over the source (legacy chatId, ticks, author objectGUID,
 * alert, RTF, content). Only the messages after the room's chatId offset count: an overwritten
 * room's own messages are not legacy ones. Messages left out by -StartDate are explained (R8).
 */
export async function checkMessages(
  plan: MigrationPlan,
  snapshot: TargetSnapshot,
  store: PersistentChatStore,
  basis: 'ledger' | 'names',
  onProgress?: ProgressListener,
): Promise<VerificationCheck[]> {
  const checks: VerificationCheck[] = [];
  if (!plan.source.contents.messages) return checks;
  const progress = throttleProgress(onProgress);
  // Target author prinID → the source objectGUID the planner hashed.
  const authorGuid = new Map<number, string>();
  for (const p of plan.principals) if (p.targetId !== null && !authorGuid.has(p.targetId)) authorGuid.set(p.targetId, p.sourceGuid);
  const existingRooms = new Set(snapshot.rooms.map((r) => r.id));
  const rooms = plan.rooms.filter((r) => r.action !== 'skip');
  let done = 0;
  for (const room of rooms) {
    const path = findingPath.room([...room.sourcePath, room.sourceName]);
    // Matched by name only, an overwritten room's offset is unknown: all its messages count.
    const offset = basis === 'ledger' ? room.messages.chatIdOffset : 0;
    let count = 0;
    const hasher = new RoomHasher();
    if (existingRooms.has(room.targetId)) {
      for await (const batch of store.roomMessages(room.targetId, 5000)) {
        for (const m of batch) {
          if (m.chatId <= offset) continue;
          count += 1;
          hasher.add(m.chatId - offset, m.timestamp, authorGuid.get(m.authorId) ?? `unknown:${m.authorId}`, m.isAlert, m.content, m.rtf);
        }
      }
    }
    const hash = count > 0 ? hasher.digest() : '';
    checks.push({ name: 'room-message-count', passed: count === room.messages.count, path, expected: room.messages.count, actual: count });
    checks.push({ name: 'room-content-hash', passed: hash === room.messages.hash, path, expected: room.messages.hash, actual: hash });
    done += 1;
    progress({ activity: VERIFY_ACTIVITY, status: `Messages: room ${done} of ${rooms.length}`, current: done, total: rooms.length });
  }
  for (const f of findingsOf(plan.findings, 'messages-before-start-date')) {
    const why = `${f.data.messages.toLocaleString('en-US')} message(s) older than ${f.data.startDate}: not migrated (R8)`;
    checks.push({ name: 'messages-left-out', passed: true, path: f.path, expected: why, actual: why, explainedBy: f.code });
  }
  return checks;
}
