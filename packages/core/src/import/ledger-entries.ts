import { ROOT_NODE_ID } from '../model/constants.js';
import type { LedgerMapEntry } from '../db/repositories/import-ledger.js';
import type { MigrationPlan } from '../plan/plan-types.js';

/**
 * Every allocation of a plan, as the ledger keeps it: what a resumed run must reuse instead of
 * deciding again against a target it has already changed. Yielded one by one: a large pool has
 * tens of thousands, written in batches.
 */
export function* ledgerEntries(plan: MigrationPlan): Generator<LedgerMapEntry> {
  for (const p of plan.principals) {
    if (p.action === 'unresolved') continue;
    const action = p.action === 'match' && p.matchedBy && p.matchedBy !== 'guid' ? `match-${p.matchedBy}` : p.action;
    yield { kind: 'principal', sourceKey: String(p.sourceId), targetId: p.targetId, targetGuid: p.targetGuid, action, chatIdOffset: 0 };
  }
  for (const a of plan.addins) yield { kind: 'addin', sourceKey: a.sourceId, targetId: null, targetGuid: a.targetId, action: a.action, chatIdOffset: 0 };
  for (const c of plan.categories) {
    // The root-rooms category is keyed by the root's id; rooms never have it.
    yield { kind: 'node', sourceKey: String(c.sourceId === ROOT_NODE_ID ? ROOT_NODE_ID : c.sourceId), targetId: c.targetId, targetGuid: c.guid, action: c.action, chatIdOffset: 0 };
  }
  for (const r of plan.rooms) {
    if (r.action === 'skip') continue;
    yield { kind: 'node', sourceKey: String(r.sourceId), targetId: r.targetId, targetGuid: r.guid, action: r.action, chatIdOffset: r.messages.chatIdOffset };
  }
}
