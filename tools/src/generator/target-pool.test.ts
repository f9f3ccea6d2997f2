import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, generate, readLegacy, readTarget } from './test-support/generated.js';

afterAll(cleanUp);

describe('the target Persistent Chat pool', () => {
  it('starts empty but for the forest\'s domains and some of the users', async () => {
    const result = await generate('target-empty', { size: 'tiny', flavour: 'lync2010', seed: 3, target: { fill: 'empty', cachedUserShare: 0.5 } });
    let legacyUsers: Map<string, number> = new Map();
    await readLegacy(result, ({ principals }) => {
      legacyUsers = new Map(principals.filter((p) => p.kind === 'user' && !p.federated && p.state === 'active').map((p) => [p.guid, p.id]));
    });
    await readTarget(result, ({ principals, categories, rooms, addins }) => {
      expect(categories).toEqual([]);
      expect(rooms).toEqual([]);
      expect(addins).toEqual([]);
      // The same-forest check needs the forest's domains, as tblPrincipal rows of type DC.
      const domains = principals.filter((p) => p.kind === 'domain');
      expect(domains.map((d) => d.guid).sort()).toEqual(result.directory.domains.map((d) => d.guid).sort());
      expect(domains.map((d) => d.dn).sort()).toEqual(result.directory.domains.map((d) => d.dn).sort());
      // Some users, not all, matched by objectGUID; their prinIDs are the target's own.
      const users = principals.filter((p) => p.kind === 'user');
      expect(users.length).toBe(Math.round(legacyUsers.size * 0.5));
      expect(users.every((u) => legacyUsers.has(u.guid))).toBe(true);
      expect(users.some((u) => legacyUsers.get(u.guid) !== u.id)).toBe(true);
      expect(result.target?.summary.cachedUsers).toBe(users.length);
    });
    expect(result.planted.collisions).toEqual({ categories: [], rooms: [], addins: [] });
    expect(fs.readdirSync(result.target!.fileStore)).toEqual([]);
  });

  it('collides on the names it is given (e.g. flattened sub-category names)', async () => {
    const result = await generate('target-named', {
      size: 'tiny',
      flavour: 'lync2010',
      target: { fill: 'partial', collisionNames: { categories: ['Engineering / Platform'], rooms: ['Build stand-up'], addins: ['Wiki'] } },
    });
    expect(result.planted.collisions).toEqual({ categories: ['Engineering / Platform'], rooms: ['Build stand-up'], addins: ['Wiki'] });
    await readTarget(result, ({ categories, rooms, addins }) => {
      expect(categories.map((c) => c.name)).toContain('Engineering / Platform');
      expect(rooms.map((r) => r.name)).toContain('Build stand-up');
      expect(addins.map((a) => a.name)).toContain('Wiki');
    });
    // With names given, no legacy room is set aside to collide.
    await readLegacy(result, ({ rooms }) => expect(rooms.some((r) => r.name === 'Build stand-up')).toBe(false));
  });

  it('holds a pilot with roles, scopes, add-ins and messages', async () => {
    const result = await generate('target-pilot', { size: 'tiny', flavour: 'ocs2007r2', seed: 8, target: { fill: 'partial' } });
    await readTarget(result, async ({ categories, rooms, store, principals }) => {
      const pilot = categories.find((c) => c.name === 'Persistent Chat Pilot')!;
      expect(pilot.allowedMembers.length).toBeGreaterThan(0);
      expect(pilot.deniedMembers).toHaveLength(1);
      expect(pilot.creators).toHaveLength(1);
      for (const room of rooms) {
        const roles = await store.roomRoles(room.id);
        expect(roles.managers).toHaveLength(1);
      }
      const counts = await store.messageCounts();
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(result.target!.summary.messages);
      expect(principals.some((p) => p.kind === 'system')).toBe(true);
    });
    expect(path.basename(result.target!.database.dbInstance)).toBe('mgc.db');
  });
});
