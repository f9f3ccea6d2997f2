import fs from 'node:fs';
import path from 'node:path';
import { dnsDomainOfDn, isoToTicks, parseFileLinks, runningEvidence, SourceReader, openPool, ROOT_NODE_ID } from '@pcmig/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedDeployment } from './result-types.js';
import { cleanUp, generate, readLegacy, readTarget } from './test-support/generated.js';
import { LegacyRules } from './test-support/legacy-rules.js';

afterAll(cleanUp);

const NOW = new Date('2024-05-01T12:00:00Z');
const sorted = (ids: readonly number[]) => [...ids].sort((a, b) => a - b);

/** Every knob turned on, with counts unlike the defaults so that a knob that is ignored shows. */
const ALL_KNOBS = {
  longRoomNames: 3,
  longCategoryNames: 2,
  rootManagers: 3,
  invitationConflicts: 3,
  federatedUsers: 3,
  disabledRooms: 3,
  cutoff: '2010-07-01',
  collidingCategories: 2,
  collidingRooms: 2,
  collidingAddins: 2,
  foreignForestPrincipals: 2,
  unknownAuthors: 2,
  servicesRunning: true,
  targetServicesRunning: true,
  topicRooms: 9,
  fileUploadOverrides: 1,
  chatHistoryOverrides: 1,
  inheritedMemberRooms: 5,
  restrictedCreationCategories: 3,
  rootRooms: 2,
  missingFiles: 2,
} as const;

describe('planted cases, every knob on', () => {
  let result: GeneratedDeployment;
  beforeAll(async () => {
    result = await generate('knobs', { size: 'tiny', flavour: 'lync2010', seed: 5, now: NOW, target: { fill: 'partial' }, plant: ALL_KNOBS });
  });

  it('R1/R2: names that exceed 256 characters only once flattened', async () => {
    const { rooms: longRooms, categories: longCategories } = result.planted.longNames;
    expect(longRooms).toHaveLength(ALL_KNOBS.longRoomNames);
    expect(longCategories).toHaveLength(ALL_KNOBS.longCategoryNames);
    await readLegacy(result, ({ categories, rooms }) => {
      const rules = new LegacyRules(categories);
      for (const planted of longRooms) {
        const room = rooms.find((r) => r.id === planted.id)!;
        expect(room.name.length).toBeLessThanOrEqual(256);
        expect(rules.depth(room.categoryId)).toBeGreaterThanOrEqual(2);
        expect(rules.flattenedLength([...rules.path(room.categoryId), room.name], '')).toBeGreaterThan(256);
        expect(rules.flattenedLength(rules.path(room.categoryId), ' / ')).toBeLessThanOrEqual(256);
        expect(planted.categoryPath).toEqual(rules.path(room.categoryId));
      }
      for (const planted of longCategories) {
        const category = categories.find((c) => c.id === planted.id)!;
        expect(category.name.length).toBeLessThanOrEqual(256);
        expect(rules.flattenedLength(rules.path(category.id), '')).toBeGreaterThan(256);
        expect(rooms.some((r) => r.categoryId === category.id)).toBe(false);
      }
    });
  });

  it('R3: managers of the root category', async () => {
    await readLegacy(result, ({ roles, principals }) => {
      const managers = roles.filter((r) => r.nodeId === ROOT_NODE_ID && r.role === 'Manager').map((r) => r.principalId);
      expect(sorted(managers)).toEqual(sorted(result.planted.rootManagers.map((m) => m.id)));
      expect(managers).toHaveLength(ALL_KNOBS.rootManagers);
      expect(managers.every((id) => principals.find((p) => p.id === id)?.state === 'active')).toBe(true);
    });
  });

  it('R4: rooms with invitations on under a category whose effective setting is off', async () => {
    await readLegacy(result, ({ categories, rooms }) => {
      const rules = new LegacyRules(categories);
      const conflicts = rooms.filter((r) => r.invitations === true && !rules.roomForced(r) && !rules.effective(r.categoryId, 'invitations')).map((r) => r.id);
      expect(conflicts).toHaveLength(ALL_KNOBS.invitationConflicts);
      expect(sorted(conflicts)).toEqual(sorted(result.planted.invitationConflicts.map((r) => r.id)));
      // Rooms that turn invitations on under a category that sends them are not conflicts; some exist.
      expect(rooms.filter((r) => r.invitations === true).length).toBeGreaterThanOrEqual(conflicts.length);
    });
  });

  it('R6: federated users (type 6) in rooms, posting there', async () => {
    await readLegacy(result, ({ principals, roles, messages }) => {
      const federated = principals.filter((p) => p.federated);
      expect(sorted(federated.map((p) => p.id))).toEqual(sorted(result.planted.federatedUsers.map((f) => f.id)));
      expect(federated).toHaveLength(ALL_KNOBS.federatedUsers);
      for (const planted of result.planted.federatedUsers) {
        const rooms = roles.filter((r) => r.principalId === planted.id && r.role === 'Member').map((r) => r.nodeId);
        expect(sorted(rooms)).toEqual(sorted(planted.rooms));
        expect(rooms.length).toBeGreaterThanOrEqual(1);
        expect(messages.filter((m) => m.authorId === planted.id)).toHaveLength(planted.messages);
        expect(planted.messages).toBeGreaterThan(0);
      }
      expect(federated.every((p) => p.dn === null && !/contoso\.com$/.test(p.uri))).toBe(true);
    });
  });

  it('R7: disabled rooms that hold messages', async () => {
    await readLegacy(result, ({ rooms, messages }) => {
      const disabled = rooms.filter((r) => r.disabled);
      expect(disabled).toHaveLength(ALL_KNOBS.disabledRooms);
      expect(sorted(disabled.map((r) => r.id))).toEqual(sorted(result.planted.disabledRooms.map((r) => r.id)));
      for (const planted of result.planted.disabledRooms) {
        expect(planted.messages).toBeGreaterThan(0);
        expect(messages.filter((m) => m.roomId === planted.id)).toHaveLength(planted.messages);
      }
    });
  });

  it('R8: messages before the cutoff, counted as -StartDate counts them', async () => {
    const startDate = isoToTicks('2010-07-01T00:00:00Z');
    expect(result.planted.cutoff.ticks).toBe(startDate.toString());
    const pool = await openPool({ dbInstance: result.legacy.database.dbInstance, access: 'read' });
    try {
      const info = await new SourceReader(pool, { startDate }).info();
      const cut = [...info.messagesCut.values()].reduce((a, b) => a + b, 0);
      expect(cut).toBe(result.planted.cutoff.messagesBefore);
      expect(Object.fromEntries([...info.messagesCut].map(([room, count]) => [String(room), count]))).toEqual(result.planted.cutoff.byRoom);
      expect(result.planted.cutoff.messagesBefore).toBeGreaterThan(0);
      expect(result.planted.cutoff.messagesBefore + result.planted.cutoff.messagesFromCutoff).toBe(result.legacy.summary.messages);
    } finally {
      await pool.close();
    }
  });

  it('R9: categories, rooms and add-ins the target already holds under legacy names', async () => {
    const { collisions } = result.planted;
    expect(collisions.categories).toHaveLength(ALL_KNOBS.collidingCategories);
    expect(collisions.rooms).toHaveLength(ALL_KNOBS.collidingRooms);
    expect(collisions.addins).toHaveLength(ALL_KNOBS.collidingAddins);
    let legacyNames = { categories: [] as string[], rooms: [] as string[], addins: [] as string[] };
    await readLegacy(result, ({ categories, rooms, addins }) => {
      const rules = new LegacyRules(categories);
      // Top-level categories and rooms directly under them: their names do not depend on the separator.
      const topLevel = categories.filter((c) => c.parentId === ROOT_NODE_ID);
      legacyNames = {
        categories: topLevel.map((c) => c.name),
        rooms: rooms.filter((r) => !r.disabled && rules.depth(r.categoryId) === 1).map((r) => r.name),
        addins: addins.map((a) => a.name),
      };
    });
    await readTarget(result, ({ categories, rooms, addins }) => {
      const shared = (target: string[], legacy: string[]) => target.filter((name) => legacy.some((l) => l.toLowerCase() === name.toLowerCase())).sort();
      expect(shared(categories.map((c) => c.name), legacyNames.categories)).toEqual([...collisions.categories].sort());
      expect(shared(rooms.map((r) => r.name), legacyNames.rooms)).toEqual([...collisions.rooms].sort());
      expect(shared(addins.map((a) => a.name), legacyNames.addins)).toEqual([...collisions.addins].sort());
      // The pilot also left items of its own.
      expect(categories.length).toBeGreaterThan(collisions.categories.length);
      expect(addins.length).toBeGreaterThan(collisions.addins.length);
    });
  });

  it('P3: principals of a foreign forest, in rooms and posting', async () => {
    await readLegacy(result, ({ principals, messages }) => {
      const forests = new Set(result.directory.domains.map((d) => d.fqdn));
      const foreign = principals.filter((p) => p.dn !== null && !forests.has(dnsDomainOfDn(p.dn) ?? ''));
      expect(sorted(foreign.map((p) => p.id))).toEqual(sorted(result.planted.foreignForest.principals.map((p) => p.id)));
      expect(foreign.filter((p) => p.kind === 'domain')).toHaveLength(1);
      expect(foreign.filter((p) => p.kind === 'user')).toHaveLength(ALL_KNOBS.foreignForestPrincipals);
      expect(result.planted.foreignForest.forest).toBe('fabrikam.com');
      for (const planted of result.planted.foreignForest.principals.filter((p) => p.kind === 'user')) {
        expect(planted.rooms).toHaveLength(1);
        expect(messages.filter((m) => m.authorId === planted.id)).toHaveLength(planted.messages);
      }
    });
  });

  it('authors missing from tblPrincipal', async () => {
    await readLegacy(result, ({ principals, messages }) => {
      const known = new Set(principals.map((p) => p.id));
      const unknown = messages.filter((m) => !known.has(m.authorId));
      expect(sorted([...new Set(unknown.map((m) => m.authorId))])).toEqual(sorted(result.planted.unknownAuthors.map((u) => u.principalId)));
      for (const planted of result.planted.unknownAuthors) {
        const theirs = unknown.filter((m) => m.authorId === planted.principalId);
        expect(theirs).toHaveLength(planted.messages);
        expect(sorted([...new Set(theirs.map((m) => m.roomId))])).toEqual(sorted(planted.rooms));
      }
    });
  });

  it('R11: both databases show a chat server pinging a minute ago', async () => {
    expect(result.planted.servicesRunning).toEqual({ legacy: true, target: true });
    await readLegacy(result, async ({ reader }) => {
      const evidence = runningEvidence(await reader.serviceActivity(), NOW);
      expect(evidence.servers).toHaveLength(1);
    });
    await readTarget(result, async ({ store }) => {
      expect(runningEvidence(await store.serviceActivity(), NOW).servers).toHaveLength(1);
    });
  });

  it('§4: topics, per-room overrides, inherited member lists, restricted room creation, rooms under the root', async () => {
    const planted = result.planted;
    await readLegacy(result, ({ categories, rooms, roles }) => {
      const rules = new LegacyRules(categories);
      expect(sorted(rooms.filter((r) => r.topic !== '').map((r) => r.id))).toEqual(sorted(planted.topicRooms));
      expect(planted.topicRooms).toHaveLength(ALL_KNOBS.topicRooms);

      for (const [key, list, count] of [
        ['fileUpload', planted.fileUploadOverrides, ALL_KNOBS.fileUploadOverrides],
        ['chatHistory', planted.chatHistoryOverrides, ALL_KNOBS.chatHistoryOverrides],
      ] as const) {
        const overriding = rooms.filter((r) => r[key] !== null && !rules.roomForced(r) && r[key] !== rules.effective(r.categoryId, key));
        expect(sorted(overriding.map((r) => r.id))).toEqual(sorted(list.map((r) => r.id)));
        expect(overriding).toHaveLength(count);
      }

      const inherited = rooms.filter((r) => !r.overrideMembers);
      expect(inherited.map((r) => ({ id: r.id, memberListDefinerId: r.roleDefinerId }))).toEqual(
        [...planted.inheritedMemberRooms].sort((a, b) => a.id - b.id),
      );
      expect(inherited).toHaveLength(ALL_KNOBS.inheritedMemberRooms);
      for (const room of inherited) {
        // The list comes from an ancestor that defines its own (or the root), and the room has no members of its own.
        const definer = categories.find((c) => c.id === room.roleDefinerId)!;
        expect(definer.overrideMembers || definer.id === ROOT_NODE_ID).toBe(true);
        expect(rules.chain(room.categoryId).map((c) => c.id)).toContain(definer.id);
        expect(roles.some((r) => r.nodeId === room.id && r.role === 'Member')).toBe(false);
      }

      const restricted = categories.filter((c) => c.membersCanCreateRooms === false);
      expect(sorted(restricted.map((c) => c.id))).toEqual(sorted(planted.restrictedCreationCategories.map((c) => c.id)));
      expect(restricted).toHaveLength(ALL_KNOBS.restrictedCreationCategories);

      expect(sorted(rooms.filter((r) => r.categoryId === ROOT_NODE_ID).map((r) => r.id))).toEqual(sorted(planted.rootRooms.map((r) => r.id)));
      expect(planted.rootRooms).toHaveLength(ALL_KNOBS.rootRooms);
    });
  });

  it('file links whose file is missing from the store', async () => {
    await readLegacy(result, ({ messages }) => {
      const links = messages.flatMap((m) => parseFileLinks(m.content).map((link) => ({ roomId: m.roomId, path: link.path })));
      const missing = links.filter((link) => !fs.existsSync(path.join(result.legacy.fileStore, ...link.path.split('/'))));
      expect(missing.sort((a, b) => a.path.localeCompare(b.path))).toEqual([...result.planted.missingFiles].sort((a, b) => a.path.localeCompare(b.path)));
      expect(missing).toHaveLength(ALL_KNOBS.missingFiles);
    });
  });

  it('sets each room aside for one rule case only', () => {
    const p = result.planted;
    const exclusive = [
      ...p.longNames.rooms.map((r) => r.id),
      ...p.invitationConflicts.map((r) => r.id),
      ...p.disabledRooms.map((r) => r.id),
      ...p.fileUploadOverrides.map((r) => r.id),
      ...p.chatHistoryOverrides.map((r) => r.id),
      ...p.rootRooms.map((r) => r.id),
    ];
    expect(new Set(exclusive).size).toBe(exclusive.length);
  });
});

describe('planted cases, every knob off', () => {
  it('plants nothing, and the data holds none of the cases by accident', async () => {
    const off = {
      longRoomNames: 0, longCategoryNames: 0, rootManagers: 0, invitationConflicts: 0, federatedUsers: 0, disabledRooms: 0,
      topicRooms: 0, fileUploadOverrides: 0, chatHistoryOverrides: 0, inheritedMemberRooms: 0, restrictedCreationCategories: 0,
    };
    const result = await generate('off', { size: 'tiny', flavour: 'lync2010', seed: 5, target: { fill: 'partial' }, plant: { ...off, collidingCategories: 0, collidingRooms: 0, collidingAddins: 0 } });
    const p = result.planted;
    expect([p.longNames.rooms, p.longNames.categories, p.rootManagers, p.invitationConflicts, p.federatedUsers, p.disabledRooms, p.topicRooms, p.fileUploadOverrides, p.chatHistoryOverrides, p.inheritedMemberRooms, p.restrictedCreationCategories, p.rootRooms, p.missingFiles, p.unknownAuthors, p.foreignForest.principals]).toEqual(Array(15).fill([]));
    expect(p.collisions).toEqual({ categories: [], rooms: [], addins: [] });
    expect(p.servicesRunning).toEqual({ legacy: false, target: false });
    await readLegacy(result, async ({ categories, rooms, principals, roles, reader }) => {
      const rules = new LegacyRules(categories);
      expect(rooms.filter((r) => r.invitations === true && !rules.effective(r.categoryId, 'invitations'))).toEqual([]);
      expect(rooms.filter((r) => r.disabled || r.topic !== '' || !r.overrideMembers || r.fileUpload !== null || r.chatHistory !== null)).toEqual([]);
      expect(principals.filter((p) => p.federated)).toEqual([]);
      expect(roles.filter((r) => r.nodeId === ROOT_NODE_ID)).toEqual([]);
      expect(categories.filter((c) => c.membersCanCreateRooms === false)).toEqual([]);
      expect(runningEvidence(await reader.serviceActivity(), new Date()).servers).toEqual([]);
    });
    await readTarget(result, ({ categories, rooms }) => {
      expect(categories.length).toBeGreaterThan(0);
      expect(rooms.length).toBeGreaterThan(0);
    });
  });
});
