import type { PersistentChatStore } from '../db/repositories/persistent-chat-store.js';
import type { Principal } from '../model/principal.js';
import type { SourceData } from '../model/source-data.js';
import { ticksToDate, type Ticks } from '../model/ticks.js';
import type { MigrationPlan } from '../plan/plan-types.js';
import type { TargetSnapshot } from '../plan/target-snapshot.js';
import { withHeapRelief } from '../runtime/heap-relief.js';
import { DistinctAffiliations } from './distinct-affiliations.js';

const BATCH = 5000;

/** Created principals (with their affiliations), as AD sync would cache them, flagged for its next refresh. */
export async function writePrincipals(plan: MigrationPlan, snapshot: TargetSnapshot, store: PersistentChatStore, source: SourceData, instant: Ticks): Promise<number> {
  const created = new Map(plan.principals.filter((p) => p.action === 'create' && p.targetId !== null).map((p) => [p.sourceId, p]));
  if (created.size === 0) return 0;
  const verifiedOn = ticksToDate(instant);
  const byGuid = new Map(snapshot.principals.map((p) => [p.guid, p.id]));
  const sourceGuids = new Map<number, string>();
  let batch: Principal[] = [];
  const flush = async () => {
    if (batch.length > 0) await store.insertPrincipals(batch, { on: instant, verifiedOn });
    batch = [];
  };
  for await (const principals of withHeapRelief(source.principals())) {
    for (const p of principals) {
      sourceGuids.set(p.id, p.guid);
      const action = created.get(p.id);
      if (!action?.targetId) continue;
      // R6 decision: a federated user becomes an ordinary user, SIP-disabled (no federated type in Persistent Chat).
      batch.push({ ...p, id: action.targetId, federated: false, state: p.federated ? 'sip-disabled' : p.state, homePoolId: p.federated ? null : p.homePoolId });
      if (batch.length >= BATCH) await flush();
    }
  }
  await flush();
  const targetOf = new Map<number, number>();
  for (const p of plan.principals) if (p.targetId !== null && p.action !== 'unresolved') targetOf.set(p.sourceId, p.targetId);
  const resolve = (sourceId: number) => targetOf.get(sourceId) ?? byGuid.get(sourceGuids.get(sourceId) ?? '');
  const affiliations = new DistinctAffiliations();
  for await (const rows of withHeapRelief(source.affiliations())) {
    for (const a of rows) {
      const principal = created.get(a.principalId)?.targetId;
      const affiliation = resolve(a.affiliationId);
      if (principal === undefined || principal === null || affiliation === undefined) continue;
      affiliations.add(principal, a.index, affiliation);
    }
  }
  for (const batch of affiliations.batches(BATCH)) await store.insertAffiliations(batch);
  const refresh = [...created.values()].filter((p) => !p.federated).map((p) => p.targetId as number);
  for (let i = 0; i < refresh.length; i += BATCH) await store.markPrincipalsForRefresh(refresh.slice(i, i + BATCH));
  return created.size;
}
