import fs from 'node:fs';
import path from 'node:path';
import {
  createPool,
  newSourceCategory,
  newSourceRoom,
  seedPoolRoot,
  SourceWriter,
  Visibility,
  type Addin,
  type Message,
  type Principal,
  type RoleAssignment,
  type ScopeEntry,
  type SourceCategory,
  type SourceRoom,
} from '@pcmig/core';
import type { Population } from './build-directory.js';
import { chatServerAddress, TARGET_SERVERS } from './build-topology.js';
import type { Tree } from './build-tree.js';
import type { Membership } from './build-membership.js';
import type { ResolvedOptions } from './options.js';
import { PrincipalTable } from './principal-table.js';
import type { Random } from './random.js';
import type { PlantedCases, TargetSummary } from './result-types.js';
import { HISTORY_END, HISTORY_END_MS, LAST_AD_SYNC, msToTicks } from './timeline.js';
import type { DatabaseLocation } from './topology-types.js';
import { ENGLISH } from './vocabulary-chat.js';

export interface TargetOutcome {
  readonly database: DatabaseLocation;
  readonly description: string;
  readonly bytes: number | null;
  readonly fileStore: string;
  readonly collisions: PlantedCases['collisions'];
  readonly summary: TargetSummary;
}

const DAY_MS = 86_400_000;
/** The Persistent Chat pool went in a few weeks before the migration. */
const INSTALLED_MS = HISTORY_END_MS - 30 * DAY_MS;

/**
 * The Lync Server 2013 Persistent Chat pool the migration goes to: the forest's domains and some
 * of the users cached (tblPrincipal rows of type DC and User, with the same objectGUIDs as the
 * legacy pool, under other prinIDs), and with fill 'partial' categories, rooms and add-ins
 * created during a pilot, some named like legacy ones (R9).
 */
export async function generateTarget(options: ResolvedOptions, random: Random, folder: string, legacy: { population: Population; tree: Tree; membership: Membership }): Promise<TargetOutcome> {
  const fileStore = path.join(folder, 'filestore');
  fs.mkdirSync(fileStore, { recursive: true });
  const sqlite = options.target.dbInstance === undefined;
  const finalPath = path.join(folder, 'mgc.db');
  const partialPath = path.join(folder, 'mgc.partial.db');
  const pool = await createPool({
    dbInstance: sqlite ? partialPath : (options.target.dbInstance as string),
    ...(options.target.dbName !== undefined ? { dbName: options.target.dbName } : {}),
    flavour: 'pc2013',
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  const plan = planTarget(options, random, legacy);
  try {
    const writer = new SourceWriter(pool);
    await writer.bulkLoad(() =>
      pool.connection.transaction(async () => {
        const installed = msToTicks(INSTALLED_MS);
        await seedPoolRoot(writer, { rootGuid: plan.rootGuid, systemGuid: plan.systemGuid, on: installed, verifiedOn: LAST_AD_SYNC });
        await writer.principals(plan.principals.principals, { on: installed, verifiedOn: LAST_AD_SYNC });
        await writer.affiliations(plan.principals.affiliations);
        await writer.addins(plan.addins);
        await writer.categories(plan.categories);
        await writer.rooms(plan.rooms);
        await writer.roles(plan.roles);
        await writer.scopes(plan.scopes);
        await writer.messages(plan.messages);
        await writer.lastChatIds(new Map(plan.rooms.map((room) => [room.id, plan.messages.filter((m) => m.roomId === room.id).length])));
        for (const [index, computer] of TARGET_SERVERS.entries()) {
          const running = options.plant.targetServicesRunning && index === 0;
          await writer.serverIdentity({ serverId: index + 1, address: chatServerAddress(computer), lastPing: running ? new Date(options.now.getTime() - 60_000) : new Date(INSTALLED_MS + DAY_MS) });
        }
      }),
    );
  } catch (error) {
    await pool.close();
    if (sqlite) fs.rmSync(partialPath, { force: true });
    throw error;
  }
  await pool.close();
  if (sqlite) fs.renameSync(partialPath, finalPath);
  const principals = plan.principals.principals;
  return {
    database: sqlite ? { engine: 'sqlite', dbInstance: finalPath, dbName: null } : { engine: 'mssql', dbInstance: options.target.dbInstance as string, dbName: options.target.dbName ?? null },
    description: sqlite ? finalPath : pool.description,
    bytes: sqlite ? fs.statSync(finalPath).size : null,
    fileStore,
    collisions: plan.collisions,
    summary: {
      principals: principals.length + 1,
      cachedUsers: principals.filter((p) => p.kind === 'user').length,
      domains: principals.filter((p) => p.kind === 'domain').length,
      categories: plan.categories.length,
      rooms: plan.rooms.length,
      addins: plan.addins.length,
      messages: plan.messages.length,
    },
  };
}

interface TargetPlan {
  readonly rootGuid: string;
  readonly systemGuid: string;
  readonly principals: PrincipalTable;
  readonly categories: SourceCategory[];
  readonly rooms: SourceRoom[];
  readonly addins: Addin[];
  readonly roles: RoleAssignment[];
  readonly scopes: ScopeEntry[];
  readonly messages: Message[];
  readonly collisions: PlantedCases['collisions'];
}

function planTarget(options: ResolvedOptions, random: Random, legacy: { population: Population; tree: Tree; membership: Membership }): TargetPlan {
  const rootGuid = random.guid();
  const systemGuid = random.guid();
  const table = new PrincipalTable();
  const domains = new Map<string, Principal>();
  for (const domain of legacy.population.directory.domains) domains.set(domain.fqdn, table.addDomain(domain));
  // Some users already signed in to Persistent Chat (and were cached); the importer adds the rest.
  const usersByGuid = new Map(legacy.population.directory.users.map((user) => [user.guid, user]));
  const candidates = legacy.membership.principals.principals.filter((p) => p.kind === 'user' && p.state === 'active' && usersByGuid.has(p.guid));
  const cached: Principal[] = [];
  for (const principal of random.sample(candidates, Math.round(candidates.length * options.target.cachedUserShare))) {
    const user = usersByGuid.get(principal.guid);
    if (!user) continue;
    const stored = table.addUser(user, 'active');
    table.affiliate(stored, domains.get(user.domain));
    cached.push(stored);
  }
  const empty: TargetPlan = { rootGuid, systemGuid, principals: table, categories: [], rooms: [], addins: [], roles: [], scopes: [], messages: [], collisions: { categories: [], rooms: [], addins: [] } };
  if (options.target.fill !== 'partial') return empty;
  if (cached.length < 3) {
    // A pilot needs people; cache a few more when the share was set very low.
    for (const principal of random.sample(candidates.filter((c) => !table.get(c.guid)), 3 - cached.length)) {
      const user = usersByGuid.get(principal.guid);
      if (user) cached.push(table.addUser(user, 'active'));
    }
  }
  return { ...empty, ...plantPilot(options, random, legacy.tree, cached, [...domains.values()]) };
}

/** What a pilot left in the new pool: its own category, rooms and add-in, and items named like legacy ones. */
function plantPilot(options: ResolvedOptions, random: Random, tree: Tree, people: readonly Principal[], domains: readonly Principal[]) {
  const names = options.target.collisionNames;
  const collidingCategories = names?.categories ? [...names.categories] : random.sample(tree.categories.filter((c) => c.depth === 1), options.plant.collidingCategories).map((c) => c.name);
  const collidingRooms = names?.rooms ? [...names.rooms] : tree.rooms.filter((r) => r.exclusive === 'colliding').map((r) => r.name);
  const collidingAddins = names?.addins ? [...names.addins] : random.sample(tree.addins, options.plant.collidingAddins).map((a) => a.name);
  const fresh = (name: string) => {
    let candidate = name;
    for (let n = 2; tree.names.has(candidate) || collidingCategories.includes(candidate) || collidingRooms.includes(candidate); n += 1) candidate = `${name} ${n}`;
    return candidate;
  };
  const installed = (days: number) => msToTicks(INSTALLED_MS + days * DAY_MS);
  const nodeAudit = (days: number) => ({ addedBy: 1, addedOn: installed(days), updatedBy: 1, updatedOn: installed(days) });
  let nextId = 2;

  // Property order is the order of the random draws: keep it, or generated pools change.
  const category = (name: string, invitations: boolean): SourceCategory =>
    newSourceCategory({
      id: nextId++,
      guid: random.guid(),
      parentId: 1,
      name,
      description: `Created during the Persistent Chat pilot`,
      invitations,
      chatHistory: true,
      fileUpload: random.chance(0.5),
      audit: nodeAudit(1),
    });
  const pilot = category(fresh('Persistent Chat Pilot'), true);
  const categories = [pilot, ...collidingCategories.map((name) => category(name, random.chance(0.5)))];

  const addins: Addin[] = [
    { id: random.guid(), name: fresh('Team Site'), url: 'https://apps.contoso.com/persistentchat/team-site/' },
    ...collidingAddins.map((name) => ({ id: random.guid(), name, url: `https://apps.contoso.com/persistentchat/${encodeURIComponent(name.toLowerCase())}/` })),
  ];

  const room = (name: string, categoryId: number, visibility: SourceRoom['visibility']): SourceRoom =>
    newSourceRoom({
      id: 0,
      guid: random.guid(),
      categoryId,
      name,
      description: 'Pilot room',
      visibility,
      invitations: random.chance(0.3) ? false : null,
      addinId: random.chance(0.3) ? (addins[0] as Addin).id : null,
      audit: nodeAudit(2),
    });
  const rooms: SourceRoom[] = [
    room(fresh('Welcome to Persistent Chat'), pilot.id, Visibility.Open),
    room(fresh('Pilot feedback 💬'), pilot.id, Visibility.Scope),
    ...collidingRooms.map((name) => room(name, pilot.id, random.pick([Visibility.Open, Visibility.Scope, Visibility.Private]))),
    ...categories.slice(1).map((c, i) => room(fresh(`Pilot room ${i + 1}`), c.id, Visibility.Scope)),
  ];
  for (const r of rooms) r.id = nextId++;

  const roles: RoleAssignment[] = [];
  const scopes: ScopeEntry[] = [];
  const [creator, denied] = random.sample(people, 2);
  for (const c of categories) for (const domain of domains) scopes.push({ nodeId: c.id, principalId: domain.id, denied: false });
  if (denied) scopes.push({ nodeId: pilot.id, principalId: denied.id, denied: true });
  if (creator) roles.push({ nodeId: pilot.id, principalId: creator.id, role: 'Creator' });
  const messages: Message[] = [];
  for (const r of rooms) {
    const members = random.sample(people, random.int(2, Math.min(10, people.length)));
    members.forEach((member, index) => roles.push({ nodeId: r.id, principalId: member.id, role: index === 0 ? 'Manager' : 'Member' }));
    const count = random.int(5, 40);
    for (let i = 0; i < count; i += 1) {
      const phrase = random.pick(ENGLISH.phrases);
      messages.push({
        roomId: r.id,
        chatId: i + 1,
        timestamp: HISTORY_END - BigInt(count - i) * 36_000_000_000n,
        authorId: random.pick(members).id,
        isAlert: false,
        content: phrase,
        rtf: random.chance(0.5) ? `{\\rtf1\\ansi ${phrase}}` : null,
      });
    }
  }
  return { categories, rooms, addins, roles, scopes, messages, collisions: { categories: collidingCategories, rooms: collidingRooms, addins: collidingAddins } };
}
