import type { PrincipalKind } from '../model/principal.js';
import type { Addin } from '../model/node.js';
import { ImportLedger, type LedgerMapEntry, type LedgerRun, type LedgerStep } from '../db/repositories/import-ledger.js';
import type { MessageExtent, PersistentChatStore, StoredCategory, StoredRoom } from '../db/repositories/persistent-chat-store.js';
import type { ServiceActivity } from '../db/repositories/service-activity.js';

/** A principal the target caches, as far as matching needs it. */
export interface TargetPrincipal {
  readonly id: number;
  readonly guid: string;
  readonly uri: string;
  readonly upn: string | null;
  readonly kind: PrincipalKind;
  readonly dn: string | null;
}

export interface TargetLedger {
  readonly runs: readonly LedgerRun[];
  /** Id allocations per run. */
  readonly maps: ReadonlyMap<string, readonly LedgerMapEntry[]>;
  /** Applied steps per run. */
  readonly steps: ReadonlyMap<string, readonly LedgerStep[]>;
}

/**
 * Everything the planner needs to know about the target, read in one go: the planner itself
 * never touches the database.
 */
export interface TargetSnapshot {
  /** Safe for reports. */
  readonly description: string;
  readonly engine: 'sqlite' | 'mssql';
  readonly categories: readonly StoredCategory[];
  readonly rooms: readonly StoredRoom[];
  readonly addins: readonly Addin[];
  readonly principals: readonly TargetPrincipal[];
  /** DNS names of the domains the target caches (tblPrincipal rows of type DC). */
  readonly domains: readonly string[];
  readonly maxIds: { readonly node: number; readonly principal: number };
  /** Every tblNode.nodeGuid (unique in the target: a new node must not reuse one). */
  readonly nodeGuids: readonly string[];
  readonly messages: ReadonlyMap<number, MessageExtent>;
  readonly activity: ServiceActivity;
  readonly ledger: TargetLedger;
}

/** Reads the target for planning and verification. Only reads. */
export async function readTargetSnapshot(store: PersistentChatStore): Promise<TargetSnapshot> {
  const principals: TargetPrincipal[] = [];
  for await (const batch of store.principals(5000)) {
    for (const p of batch) principals.push({ id: p.id, guid: p.guid, uri: p.uri, upn: p.upn, kind: p.kind, dn: p.dn });
  }
  const ledger = new ImportLedger(store.connection);
  const runs = await ledger.runs();
  const maps = new Map<string, LedgerMapEntry[]>();
  const steps = new Map<string, LedgerStep[]>();
  for (const run of runs) {
    maps.set(run.runKey, await ledger.maps(run.runKey));
    steps.set(run.runKey, await ledger.steps(run.runKey));
  }
  return {
    description: store.description,
    engine: store.connection.engine,
    categories: await store.categories(),
    rooms: await store.rooms(),
    addins: await store.addins(),
    principals,
    domains: await store.domainNames(),
    maxIds: await store.maxIds(),
    nodeGuids: await store.nodeGuids(),
    messages: await store.messageExtents(),
    activity: await store.serviceActivity(),
    ledger: { runs, maps, steps },
  };
}
