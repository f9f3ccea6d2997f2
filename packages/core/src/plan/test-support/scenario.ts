import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT_NODE_ID, type SourceFlavour } from '../../model/constants.js';
import type { Message } from '../../model/message.js';
import { newSourceCategory, newSourceRoom, type Addin, type RoleAssignment, type ScopeEntry, type SourceCategory, type SourceRoom } from '../../model/node.js';
import type { Affiliation, Principal } from '../../model/principal.js';
import { isoToTicks } from '../../model/ticks.js';
import { createPool, openPool, type PoolDatabase } from '../../db/open-pool.js';
import { PersistentChatStore } from '../../db/repositories/persistent-chat-store.js';
import { seedPoolRoot } from '../../db/repositories/seed-pool-root.js';
import { SourceReader } from '../../db/repositories/source-reader.js';
import { SourceWriter } from '../../db/repositories/source-writer.js';
import type { Ticks } from '../../model/ticks.js';
import { planMigration } from '../plan-migration.js';
import type { PlanOptions } from '../plan-options.js';
import type { MigrationPlan } from '../plan-types.js';
import { readTargetSnapshot } from '../target-snapshot.js';

/**
 * Builds small simulated pools for planner, importer and verification tests: a Group Chat (or
 * Persistent Chat) source written with SourceWriter and read back through SourceReader, and a
 * Persistent Chat target with its system principal, root and cached domains.
 */

const on = isoToTicks('2011-05-01T08:00:00Z');
export const AUDIT = { addedBy: 1, addedOn: on, updatedBy: 1, updatedOn: on };
export const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const ROOT_GUID = guid(1);

export function user(id: number, name: string, extra: Partial<Principal> = {}): Principal {
  return {
    id,
    guid: guid(10_000 + id),
    kind: 'user',
    uri: `sip:${name}@contoso.com`,
    name,
    displayName: name,
    email: `${name}@contoso.com`,
    companyName: null,
    dn: `CN=${name},OU=Users,DC=contoso,DC=com`,
    upn: `${name}@contoso.com`,
    state: 'active',
    federated: false,
    homePoolId: null,
    ...extra,
  };
}

export function group(id: number, name: string, extra: Partial<Principal> = {}): Principal {
  return {
    ...user(id, name),
    kind: 'group',
    uri: `ma-grp:${guid(10_000 + id)}@u.g`,
    name: null,
    displayName: null,
    email: null,
    upn: null,
    dn: `CN=${name},OU=Groups,DC=contoso,DC=com`,
    ...extra,
  };
}

export function domainPrincipal(id: number, dnsName: string, extra: Partial<Principal> = {}): Principal {
  return {
    ...user(id, dnsName),
    kind: 'domain',
    uri: `ma-grp:${guid(20_000 + id)}@u.g`,
    guid: guid(20_000 + id),
    name: null,
    displayName: null,
    email: null,
    upn: null,
    dn: dnsName
      .split('.')
      .map((label) => `DC=${label}`)
      .join(','),
    ...extra,
  };
}

export function federatedUser(id: number, address: string): Principal {
  return { ...user(id, address.split('@')[0] as string), uri: `sip:${address}`, dn: null, upn: null, federated: true };
}

export function category(id: number, parentId: number, name: string, extra: Partial<SourceCategory> = {}, legacy = true): SourceCategory {
  return newSourceCategory({
    id,
    guid: guid(id),
    parentId,
    name,
    audit: AUDIT,
    ...(legacy
      ? { allowSubcategoryScopeChanges: true, scopeDefinerId: parentId, roleDefinerId: parentId }
      : { invitations: false, chatHistory: true, fileUpload: false }),
    ...extra,
  });
}

export function room(id: number, categoryId: number, name: string, extra: Partial<SourceRoom> = {}, legacy = true): SourceRoom {
  return newSourceRoom({
    id,
    guid: guid(id),
    categoryId,
    name,
    audit: AUDIT,
    ...(legacy ? { topic: '', scopeDefinerId: categoryId, roleDefinerId: id } : {}),
    ...extra,
  });
}

/** `count` messages in a room, one hour apart from `startIso`, authors cycling through `authors`. */
export function messages(roomId: number, count: number, authors: readonly number[], startIso = '2011-01-01T00:00:00Z', firstChatId = 1): Message[] {
  const start = isoToTicks(startIso);
  return Array.from({ length: count }, (_, i) => ({
    roomId,
    chatId: firstChatId + i,
    timestamp: start + BigInt(i) * 36_000_000_000n,
    authorId: authors[i % authors.length] as number,
    isAlert: i % 17 === 0,
    content: `message ${i} in room ${roomId} — ünïcode ✓`,
    rtf: null,
  }));
}

export interface SourceSpec {
  readonly flavour?: SourceFlavour;
  readonly rootName?: string;
  /** Root category fields (settings, definers). */
  readonly root?: Partial<SourceCategory>;
  readonly principals?: readonly Principal[];
  readonly affiliations?: readonly Affiliation[];
  readonly categories?: readonly SourceCategory[];
  readonly rooms?: readonly SourceRoom[];
  readonly roles?: readonly RoleAssignment[];
  readonly scopes?: readonly ScopeEntry[];
  readonly addins?: readonly Addin[];
  readonly messages?: readonly Message[];
  readonly startDate?: Ticks;
}

export interface TargetSpec {
  /** DNS names of the domains the target caches (default contoso.com). */
  readonly domains?: readonly string[];
  readonly principals?: readonly Principal[];
  readonly categories?: readonly SourceCategory[];
  readonly rooms?: readonly SourceRoom[];
  readonly roles?: readonly RoleAssignment[];
  readonly addins?: readonly Addin[];
  readonly messages?: readonly Message[];
  readonly servers?: readonly { serverId: number; address: string; lastPing: Date | null }[];
}

/** A temporary folder of pools, removed by dispose(). */
export class ScenarioFolder {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-plan-'));
  private readonly opened: PoolDatabase[] = [];
  private counter = 0;

  file(name: string): string {
    return path.join(this.dir, name);
  }

  async source(spec: SourceSpec): Promise<{ pool: PoolDatabase; reader: SourceReader; path: string }> {
    const flavour = spec.flavour ?? 'lync2010';
    const file = this.file(`source-${++this.counter}.db`);
    const pool = await createPool({ dbInstance: file, flavour });
    const writer = new SourceWriter(pool);
    const legacy = flavour !== 'pc2013';
    await pool.connection.transaction(async () => {
      await seedPoolRoot(writer, { rootGuid: ROOT_GUID, systemGuid: guid(9001), rootName: spec.rootName ?? 'Root', on, verifiedOn: new Date('2011-06-01T00:00:00Z') });
      if (spec.root) await this.patchRoot(pool, spec.root, legacy);
      await writer.principals(spec.principals ?? [], { on, verifiedOn: new Date('2011-06-01T00:00:00Z') });
      await writer.affiliations(spec.affiliations ?? []);
      await writer.addins(spec.addins ?? []);
      await writer.categories(spec.categories ?? []);
      await writer.rooms(spec.rooms ?? []);
      await writer.tree([...(spec.categories ?? []).map((c) => ({ id: c.id, parentId: c.parentId })), ...(spec.rooms ?? []).map((r) => ({ id: r.id, parentId: r.categoryId }))]);
      await writer.roles(spec.roles ?? []);
      await writer.scopes(spec.scopes ?? []);
      await writer.messages(spec.messages ?? []);
      await writer.lastChatIds();
    });
    this.opened.push(pool);
    const read = await openPool({ dbInstance: file, access: 'read' });
    this.opened.push(read);
    return { pool, reader: new SourceReader(read, spec.startDate !== undefined ? { startDate: spec.startDate } : {}), path: file };
  }

  private async patchRoot(pool: PoolDatabase, root: Partial<SourceCategory>, legacy: boolean): Promise<void> {
    const columns: Record<string, unknown> = {};
    if (root.invitations !== undefined) columns.invite = root.invitations;
    if (root.chatHistory !== undefined) columns.logged = root.chatHistory;
    if (root.fileUpload !== undefined) columns.filePost = root.fileUpload;
    if (legacy && root.membersCanCreateRooms !== undefined) columns.restrictChildCreate = root.membersCanCreateRooms;
    if (legacy && root.childrenMustInherit !== undefined) columns.inheritance = root.childrenMustInherit;
    for (const [column, value] of Object.entries(columns)) {
      await pool.connection.execute(`UPDATE tblNode SET ${column} = @value WHERE nodeID = @root`, { value: value as boolean | null, root: ROOT_NODE_ID });
    }
  }

  async target(spec: TargetSpec = {}): Promise<{ pool: PoolDatabase; store: PersistentChatStore; path: string }> {
    const file = this.file(`target-${++this.counter}.db`);
    const pool = await createPool({ dbInstance: file, flavour: 'pc2013' });
    const writer = new SourceWriter(pool);
    const domains = (spec.domains ?? ['contoso.com']).map((name, i) => domainPrincipal(900 + i, name));
    await pool.connection.transaction(async () => {
      await seedPoolRoot(writer, { rootGuid: guid(8001), systemGuid: guid(8002), on, verifiedOn: new Date('2013-01-01T00:00:00Z') });
      await writer.principals([...domains, ...(spec.principals ?? [])], { on, verifiedOn: new Date('2013-01-01T00:00:00Z') });
      await writer.addins(spec.addins ?? []);
      await writer.categories(spec.categories ?? []);
      await writer.rooms(spec.rooms ?? []);
      await writer.roles(spec.roles ?? []);
      await writer.messages(spec.messages ?? []);
      await writer.lastChatIds();
      for (const server of spec.servers ?? []) await writer.serverIdentity(server);
    });
    await pool.close();
    const opened = await openPool({ dbInstance: file, access: 'write', role: 'target' });
    this.opened.push(opened);
    return { pool: opened, store: new PersistentChatStore(opened), path: file };
  }

  async dispose(): Promise<void> {
    for (const pool of this.opened) await pool.close().catch(() => undefined);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Plans a source spec against a target spec. */
export async function planScenario(folder: ScenarioFolder, source: SourceSpec, target: TargetSpec = {}, options: PlanOptions = {}): Promise<MigrationPlan> {
  const { reader } = await folder.source(source);
  const { store } = await folder.target(target);
  return planMigration(reader, await readTargetSnapshot(store), { now: new Date('2014-01-01T00:00:00Z'), ...options });
}

/** The principals, categories and rooms most tests share: a small Lync 2010 tree. */
export const alice = user(2, 'alice');
export const bob = user(3, 'bob');
export const carol = user(4, 'carol');
export const sales = group(5, 'Sales');
