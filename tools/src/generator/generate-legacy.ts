import fs from 'node:fs';
import path from 'node:path';
import {
  createPool,
  seedPoolRoot,
  SourceWriter,
  throttleProgress,
  type PoolDatabase,
  type ProgressListener,
  type SourceCategory,
  type SourceRoom,
} from '@pcmig/core';
import { buildMembership, assignNodeIds, type Membership } from './build-membership.js';
import { buildPopulation, type Population } from './build-directory.js';
import { chatServerAddress, LEGACY_SERVERS, legacyFileStoreUri } from './build-topology.js';
import { buildTree, type Tree } from './build-tree.js';
import { TextComposer } from './compose-text.js';
import { memberListDefiner, scopeDefiner } from './effective-settings.js';
import { FileStoreWriter, type StoredFileRecord } from './file-store.js';
import { emptyTally, generateMessages, type MessageTally } from './generate-messages.js';
import type { PlannedCategory, PlannedRoom } from './legacy-plan.js';
import type { ResolvedOptions } from './options.js';
import { plantStructuralCases } from './plant-cases.js';
import type { Random } from './random.js';
import { HISTORY_END_MS, HISTORY_START, LAST_AD_SYNC, msToTicks } from './timeline.js';
import type { DatabaseLocation } from './topology-types.js';

export const GENERATE_ACTIVITY = 'Generate legacy deployment';

/** Rows per tblChat insert call, and per transaction. */
const MESSAGE_BATCH = 20_000;
const MESSAGES_PER_TRANSACTION = 500_000;

export interface LegacyOutcome {
  readonly population: Population;
  readonly tree: Tree;
  readonly membership: Membership;
  readonly tally: MessageTally;
  readonly files: readonly StoredFileRecord[];
  readonly fileBytes: number;
  readonly missingFiles: readonly StoredFileRecord[];
  readonly database: DatabaseLocation;
  readonly description: string;
  readonly bytes: number | null;
  readonly fileStore: string;
}

export interface LegacyPlan {
  readonly population: Population;
  readonly tree: Tree;
  readonly membership: Membership;
}

/** Plans the legacy deployment from the seed (no I/O): a knob that does not fit fails here, before anything is written. */
export function planLegacy(options: ResolvedOptions, random: Random): LegacyPlan {
  const { size, plant } = options;
  const population = buildPopulation(random.fork('directory'), size);
  const tree = buildTree(random.fork('tree'), size, options.flavour, population.departments.length, size.categories - plant.longCategoryNames);
  const collidingRooms = options.target.fill === 'partial' && options.target.collisionNames?.rooms === undefined;
  plantStructuralCases(random.fork('plant'), tree, plant, { colliding: collidingRooms, maxDepth: size.maxDepth });
  assignNodeIds(tree);
  const membership = buildMembership(random.fork('membership'), tree, population, plant);
  return { population, tree, membership };
}

/**
 * Generates the legacy Group Chat database and its file store. SQLite files are written under a
 * temporary name and renamed once complete, so a file named groupchat.db is always whole.
 */
export async function generateLegacy(options: ResolvedOptions, random: Random, folder: string, plan: LegacyPlan): Promise<LegacyOutcome> {
  const progress = throttleProgress(options.onProgress);
  const report = (status: string, extra: Partial<Parameters<ProgressListener>[0]> = {}) => progress({ activity: GENERATE_ACTIVITY, status, ...extra });
  const { population, tree, membership } = plan;

  const fileStore = new FileStoreWriter(path.join(folder, 'filestore'));
  const finalPath = path.join(folder, 'groupchat.db');
  const partialPath = path.join(folder, 'groupchat.partial.db');
  const sqlite = options.dbInstance === undefined;
  const pool = await createPool({
    dbInstance: sqlite ? partialPath : (options.dbInstance as string),
    ...(options.dbName !== undefined ? { dbName: options.dbName } : {}),
    flavour: options.flavour,
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  const tally = emptyTally();
  let missingFiles: StoredFileRecord[] = [];
  try {
    const writer = new SourceWriter(pool);
    await writer.bulkLoad(async () => {
      report('Writing principals, categories and rooms');
      await writeStructure(writer, pool, options, random, tree, membership);
      const composer = new TextComposer(population.people.slice(0, 500).map((p) => p.user.givenName));
      const batches = generateMessages(
        tree.rooms,
        {
          random: random.fork('messages'),
          composer,
          fileStore,
          filePostRate: options.size.filePostRate,
          cutoff: options.cutoffTicks,
          batchSize: MESSAGE_BATCH,
          onRoom: (index) =>
            report(`Messages: room ${index + 1} of ${tree.rooms.length}`, {
              current: tally.written,
              total: options.size.messages,
              percentComplete: options.size.messages === 0 ? 100 : Math.floor((tally.written / options.size.messages) * 100),
            }),
        },
        tally,
      );
      let done = false;
      while (!done) {
        await pool.connection.transaction(async () => {
          let rows = 0;
          while (rows < MESSAGES_PER_TRANSACTION) {
            const next = batches.next();
            if (next.done) {
              done = true;
              return;
            }
            await writer.messages(next.value);
            rows += next.value.length;
          }
        });
      }
      report('Building the message index');
      await pool.connection.transaction(() => writer.lastChatIds(tally.lastChatIds));
    });
    // Links whose file went missing (planted last, so the other files do not depend on it).
    missingFiles = random.fork('missing-files').sample(fileStore.files, options.plant.missingFiles);
    fileStore.remove(missingFiles);
  } catch (error) {
    await pool.close();
    if (sqlite) fs.rmSync(partialPath, { force: true });
    throw error;
  }
  await pool.close();
  if (sqlite) fs.renameSync(partialPath, finalPath);
  report('Legacy deployment written', { completed: true, percentComplete: 100, current: tally.written, total: options.size.messages });
  const database: DatabaseLocation = sqlite
    ? { engine: 'sqlite', dbInstance: finalPath, dbName: null }
    : { engine: 'mssql', dbInstance: options.dbInstance as string, dbName: options.dbName ?? null };
  return {
    population,
    tree,
    membership,
    tally,
    files: fileStore.files,
    fileBytes: fileStore.totalBytes,
    missingFiles,
    database,
    description: sqlite ? finalPath : pool.description,
    bytes: sqlite ? fs.statSync(finalPath).size : null,
    fileStore: fileStore.root,
  };
}

async function writeStructure(writer: SourceWriter, pool: PoolDatabase, options: ResolvedOptions, random: Random, tree: Tree, membership: Membership): Promise<void> {
  const verifiedOn = LAST_AD_SYNC;
  await pool.connection.transaction(async () => {
    const { root } = await seedPoolRoot(writer, {
      rootGuid: tree.root.guid,
      systemGuid: random.fork('system').guid(),
      on: HISTORY_START,
      verifiedOn,
      fileStoreUri: legacyFileStoreUri(),
    });
    assertRootAsPlanned(root, tree.root);
    const principals = membership.principals.principals;
    for (let i = 0; i < principals.length; i += 10_000) {
      await writer.principals(principals.slice(i, i + 10_000), { on: HISTORY_START, verifiedOn });
    }
    await writer.affiliations(membership.principals.affiliations);
    await writer.addins(tree.addins);
    await writer.categories(tree.categories.map(toSourceCategory));
    await writer.rooms(tree.rooms.map(toSourceRoom));
    await writer.tree([...tree.categories.map((c) => ({ id: c.id, parentId: (c.parent as PlannedCategory).id })), ...tree.rooms.map((r) => ({ id: r.id, parentId: r.category.id }))]);
    await writer.roles(membership.roles);
    await writer.scopes(membership.scopes);
    // Chat servers' last pings: long ago (stopped), or a minute ago on the first (left running).
    for (const [index, computer] of LEGACY_SERVERS.entries()) {
      const running = options.plant.servicesRunning && index === 0;
      await writer.serverIdentity({
        serverId: index + 1,
        address: chatServerAddress(computer),
        lastPing: running ? new Date(options.now.getTime() - 60_000) : new Date(HISTORY_END_MS - index * 60_000),
      });
    }
  });
}

/** The generator's inheritance rules assume the root seedPoolRoot writes; a change there must not go unnoticed. */
function assertRootAsPlanned(root: SourceCategory, planned: PlannedCategory): void {
  const settings = ['invitations', 'chatHistory', 'fileUpload', 'membersCanCreateRooms', 'childrenMustInherit', 'allowSubcategoryScopeChanges', 'overrideMembers'] as const;
  const differing = settings.filter((key) => root[key] !== planned[key]);
  if (differing.length > 0) throw new Error(`seedPoolRoot writes a root whose ${differing.join(', ')} differ from the generator's plan`);
}

const audit = (createdMs: number, updatedMs: number) => ({ addedBy: 1, addedOn: msToTicks(createdMs), updatedBy: 1, updatedOn: msToTicks(updatedMs) });

function toSourceCategory(category: PlannedCategory): SourceCategory {
  return {
    id: category.id,
    guid: category.guid,
    parentId: (category.parent as PlannedCategory).id,
    name: category.name,
    description: category.description,
    invitations: category.invitations,
    chatHistory: category.chatHistory,
    fileUpload: category.fileUpload,
    membersCanCreateRooms: category.membersCanCreateRooms,
    childrenMustInherit: category.childrenMustInherit,
    allowSubcategoryScopeChanges: category.allowSubcategoryScopeChanges,
    overrideMembers: category.overrideMembers,
    scopeDefinerId: scopeDefiner(category).id,
    roleDefinerId: memberListDefiner(category).id,
    fileStoreUri: null,
    disabled: false,
    audit: audit(category.createdMs, category.createdMs),
  };
}

function toSourceRoom(room: PlannedRoom): SourceRoom {
  return {
    id: room.id,
    guid: room.guid,
    categoryId: room.category.id,
    name: room.name,
    description: room.description,
    topic: room.topic,
    visibility: room.visibility,
    behavior: room.behavior,
    disabled: room.disabled,
    invitations: room.invitations,
    chatHistory: room.chatHistory,
    fileUpload: room.fileUpload,
    overrideMembers: room.overrideMembers,
    scopeDefinerId: scopeDefiner(room.category).id,
    roleDefinerId: room.overrideMembers ? room.id : memberListDefiner(room.category).id,
    addinId: room.addin?.id ?? null,
    audit: audit(room.createdMs, Math.max(room.createdMs, room.updatedMs)),
  };
}
