import crypto from 'node:crypto';
import { levelContents, type LevelContents } from '../model/export-level.js';
import type { Addin, RoleAssignment, ScopeEntry, SourceCategory, SourceRoom } from '../model/node.js';
import type { Principal } from '../model/principal.js';
import type { SourceData, SourceInfo } from '../model/source-data.js';
import { isLegacyFlavour } from '../db/schema/pool-schema.js';
import { SourceReader } from '../db/repositories/source-reader.js';
import { withHeapRelief } from '../runtime/heap-relief.js';

/** The source without its messages, held in memory for the rules (messages are streamed, see scan-messages.ts). */
export interface SourceModel {
  /** The source's info; from a SourceReader without its rooms' kept messages per month (SourceReader.info). */
  readonly info: SourceInfo;
  readonly contents: LevelContents;
  /** Group Chat (nested tree, tri-state settings) rather than Persistent Chat. */
  readonly legacy: boolean;
  readonly principals: ReadonlyMap<number, Principal>;
  /** Every category, the root included when the source has one. */
  readonly categories: ReadonlyMap<number, SourceCategory>;
  readonly rooms: ReadonlyMap<number, SourceRoom>;
  readonly rolesByNode: ReadonlyMap<number, readonly RoleAssignment[]>;
  readonly scopesByNode: ReadonlyMap<number, readonly ScopeEntry[]>;
  readonly addins: ReadonlyMap<string, Addin>;
  /** SHA-256 of everything above (messages are fingerprinted by the scan). */
  readonly structureHash: string;
}

const canonical = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** Reads everything but the messages. Collections stream in batches; only these fit in memory at once. */
export async function readSourceModel(source: SourceData): Promise<SourceModel> {
  const hash = crypto.createHash('sha256');
  // Only the cut messages per month matter here (the scan counts the rest): a database need not count its rooms' kept ones.
  const info = source instanceof SourceReader ? await source.info({ roomMonths: 'cut' }) : await source.info();
  hash.update(canonical({ flavour: info.flavour, level: info.level, scope: info.scope, startDate: info.startDate, cut: [...info.messagesCut].sort((a, b) => a[0] - b[0]) }));

  const principals = new Map<number, Principal>();
  for await (const batch of withHeapRelief(source.principals())) {
    for (const p of batch) principals.set(p.id, p);
    hash.update(canonical(batch));
  }
  const categories = new Map<number, SourceCategory>();
  for (const c of await source.categories()) categories.set(c.id, c);
  const rooms = new Map<number, SourceRoom>();
  for (const r of await source.rooms()) rooms.set(r.id, r);
  hash.update(canonical([...categories.values()]));
  hash.update(canonical([...rooms.values()]));

  const rolesByNode = new Map<number, RoleAssignment[]>();
  for await (const batch of withHeapRelief(source.roles())) {
    for (const role of batch) push(rolesByNode, role.nodeId, role);
    hash.update(canonical(batch));
  }
  const scopesByNode = new Map<number, ScopeEntry[]>();
  for await (const batch of withHeapRelief(source.scopes())) {
    for (const scope of batch) push(scopesByNode, scope.nodeId, scope);
    hash.update(canonical(batch));
  }
  const addins = new Map<string, Addin>();
  for (const addin of await source.addins()) addins.set(addin.id, addin);
  hash.update(canonical([...addins.values()]));

  return {
    info,
    contents: levelContents(info.level),
    legacy: isLegacyFlavour(info.flavour),
    principals,
    categories,
    rooms,
    rolesByNode,
    scopesByNode,
    addins,
    structureHash: hash.digest('hex'),
  };
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
