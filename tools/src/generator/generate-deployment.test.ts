import fs from 'node:fs';
import path from 'node:path';
import { getPersistentChatPool, getTrustedApplication, openDeployment } from '@pcmig/endpoint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_END, HISTORY_START } from './timeline.js';
import { SIZES } from './sizes.js';
import { generateDeployment } from './generate-deployment.js';
import { cleanUp, generate, readLegacy, tempFolder } from './test-support/generated.js';
import { LegacyRules } from './test-support/legacy-rules.js';
import type { GeneratedDeployment } from './result-types.js';

afterAll(cleanUp);

describe('generateDeployment, tiny', () => {
  let result: GeneratedDeployment;
  beforeAll(async () => {
    result = await generate('tiny', { size: 'tiny', flavour: 'lync2010', seed: 11 });
  });

  it('holds what the size claims', async () => {
    const tiny = SIZES.tiny;
    await readLegacy(result, ({ categories, rooms, messages, addins, principals }) => {
      expect(categories.filter((c) => c.parentId !== null)).toHaveLength(tiny.categories);
      expect(rooms).toHaveLength(tiny.rooms);
      expect(messages).toHaveLength(tiny.messages);
      expect(addins).toHaveLength(tiny.addins);
      expect(principals).toHaveLength(result.legacy.summary.principals.total);
      const rules = new LegacyRules(categories);
      expect(Math.max(...categories.map((c) => rules.depth(c.id)))).toBe(tiny.maxDepth);
    });
    expect(result.directory.users).toHaveLength(tiny.users);
    expect(result.directory.groups).toHaveLength(tiny.groups);
    expect(result.legacy.summary.messages).toBe(tiny.messages);
  });

  it('is a Lync Server 2010 Group Chat database', async () => {
    await readLegacy(result, async ({ reader }) => {
      expect(reader.flavour).toBe('lync2010');
      expect((await reader.info()).schemaVersion).toBe('4.0.7577.0');
    });
  });

  it('numbers messages per room from 1, in time order, inside the history', async () => {
    await readLegacy(result, ({ messages }) => {
      const last = new Map<number, { chatId: number; timestamp: bigint }>();
      for (const message of messages) {
        const previous = last.get(message.roomId);
        expect(message.chatId).toBe((previous?.chatId ?? 0) + 1);
        if (previous) expect(message.timestamp > previous.timestamp).toBe(true);
        expect(message.timestamp >= HISTORY_START && message.timestamp <= HISTORY_END).toBe(true);
        last.set(message.roomId, message);
      }
    });
  });

  it('writes words in several scripts, with emoji, not random bytes', async () => {
    await readLegacy(result, ({ messages }) => {
      const texts = messages.map((m) => m.content);
      const controlOrBroken = (t: string) => [...t].some((ch) => (ch.charCodeAt(0) < 0x20 && ch !== '\n' && ch !== '\r') || ch === '\ufffd');
      expect(texts.every((t) => t.length > 0 && !controlOrBroken(t))).toBe(true);
      expect(texts.filter((t) => /\p{L}{2,} \p{L}{2,}/u.test(t)).length).toBeGreaterThan(texts.length * 0.6);
      expect(texts.some((t) => /[\u0590-\u05ff]/.test(t))).toBe(true); // Hebrew
      expect(texts.some((t) => /[\u0600-\u06ff]/.test(t))).toBe(true); // Arabic
      expect(texts.some((t) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(t))).toBe(true); // Japanese / Chinese
      expect(texts.some((t) => /\p{Extended_Pictographic}/u.test(t))).toBe(true);
      expect(texts.some((t) => /[àâçéèêëîïôûùüÿñæœäöß]/i.test(t))).toBe(true);
      const lengths = texts.map((t) => t.length).sort((a, b) => a - b);
      const median = lengths[Math.floor(lengths.length / 2)] as number;
      expect(median).toBeGreaterThan(10);
      expect(median).toBeLessThan(80);
      expect(lengths.at(-1)).toBeGreaterThan(400);
    });
  });

  it('spreads messages as a long tail: a few busy rooms, many quiet ones', async () => {
    await readLegacy(result, ({ messages, rooms }) => {
      const counts = rooms.map((room) => messages.filter((m) => m.roomId === room.id).length).sort((a, b) => b - a);
      const median = counts[Math.floor(counts.length / 2)] as number;
      expect(counts[0]).toBeGreaterThan(median * 4);
      expect(counts.slice(0, 3).reduce((a, b) => a + b, 0)).toBeGreaterThan(SIZES.tiny.messages * 0.3);
      expect(result.legacy.summary.busiestRoom.messages).toBe(counts[0]);
    });
  });

  it('names every node once (case-insensitively), Unicode included, and only planted names flatten past 256', async () => {
    await readLegacy(result, ({ categories, rooms }) => {
      const names = [...categories, ...rooms].map((n) => n.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
      expect(names.some((n) => /\P{ASCII}/u.test(n))).toBe(true);
      const rules = new LegacyRules(categories);
      const planted = new Set([...result.planted.longNames.rooms.map((r) => r.id), ...result.planted.longNames.categories.map((c) => c.id)]);
      // Even a five-character separator keeps ordinary names within the limit.
      const over = [
        ...categories.filter((c) => c.parentId !== null && rules.flattenedLength(rules.path(c.id), ' --- ') > 256).map((c) => c.id),
        ...rooms.filter((r) => rules.flattenedLength([...rules.path(r.categoryId), r.name], ' --- ') > 256).map((r) => r.id),
      ];
      expect(over.sort()).toEqual([...planted].sort());
    });
  });

  it('authors every message with a cached principal of the room', async () => {
    await readLegacy(result, ({ messages, principals }) => {
      const ids = new Set(principals.map((p) => p.id));
      expect(messages.every((m) => ids.has(m.authorId))).toBe(true);
      expect(new Set(messages.map((m) => m.authorId)).size).toBeGreaterThan(10);
    });
  });

  it('caches the directory: users, groups, OUs and domains, with their objectGUIDs and memberships', async () => {
    await readLegacy(result, ({ principals, affiliations }) => {
      const byGuid = new Map(principals.map((p) => [p.guid, p]));
      for (const domain of result.directory.domains) expect(byGuid.get(domain.guid)).toMatchObject({ kind: 'domain', dn: domain.dn });
      for (const group of result.directory.groups) expect(byGuid.get(group.guid)).toMatchObject({ kind: 'group', uri: `ma-grp:${group.guid}@u.g` });
      const users = principals.filter((p) => p.kind === 'user' && !p.federated);
      const directoryUsers = new Map(result.directory.users.map((u) => [u.guid, u]));
      for (const user of users) {
        const entry = directoryUsers.get(user.guid);
        if (user.state === 'deleted') expect(entry).toBeUndefined();
        else expect(entry).toMatchObject({ sipAddress: user.uri, userPrincipalName: user.upn, dn: user.dn, sipEnabled: user.state === 'active' });
      }
      expect(users.some((u) => u.state === 'deleted')).toBe(true);
      // Every principal is affiliated to itself; users also to their OU and domain.
      for (const principal of principals.filter((p) => p.kind !== 'system')) {
        expect(affiliations.some((a) => a.principalId === principal.id && a.affiliationId === principal.id && a.index === -1)).toBe(true);
      }
      const aUser = users[0]!;
      const kinds = affiliations.filter((a) => a.principalId === aUser.id && a.index !== -1).map((a) => principals.find((p) => p.id === a.affiliationId)?.kind);
      expect(kinds).toEqual(expect.arrayContaining(['folder', 'domain']));
    });
    expect(result.directory.lookupAccount.sipAddress).toBe('sip:ocschat@contoso.com');
  });

  it('describes the topology: legacy pool, trusted application, services, target pool', () => {
    const { topology } = result;
    expect(topology.legacy.lookupUri).toBe(result.directory.lookupAccount.sipAddress);
    expect(topology.legacy.trustedApplication.identity).toBe(`${topology.legacy.poolFqdn}/urn:application:groupchat`);
    expect(topology.legacy.trustedApplicationPool.identity).toBe(topology.legacy.poolFqdn);
    expect(topology.legacy.services.length).toBeGreaterThan(0);
    expect(topology.legacy.services.every((s) => s.state === 'Running')).toBe(true);
    expect(fs.existsSync(topology.legacy.database.dbInstance)).toBe(true);
    expect(fs.existsSync(topology.legacy.fileStore.path)).toBe(true);
    expect(topology.target?.poolFqdn).toBe('pchat01.contoso.com');
    expect(fs.existsSync(topology.target!.database.dbInstance)).toBe(true);
    expect(topology.forest).toBe('contoso.com');
    // The report is plain data: it survives JSON.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe('the deployment folder', () => {
  it('names both pools, the trusted application and the Lookup account for @pcmig/endpoint', async () => {
    const result = await generate('deployment', { size: 'tiny', flavour: 'ocs2007r2', target: { fill: 'empty' } });
    expect(result.deployment).toEqual({ folder: result.out, file: path.join(result.out, 'deployment.json') });
    const deployment = await openDeployment(result.out);
    try {
      const pools = await getPersistentChatPool({ deployment });
      expect(pools.map((p) => [p.fqdn, p.kind, p.dbInstance, p.fileStore, p.services])).toEqual([
        [result.topology.legacy.poolFqdn, 'ocs2007r2', result.legacy.database.dbInstance, result.legacy.fileStore, 'running'],
        [result.topology.target!.poolFqdn, 'pc2013', result.target!.database.dbInstance, result.target!.fileStore, 'running'],
      ]);
      expect(pools[0]!.lookupSipAddress).toBe('sip:ocschat@contoso.com');
      const [application] = await getTrustedApplication({ deployment });
      expect(application).toMatchObject({ identity: result.topology.legacy.trustedApplication.identity, trustedApplicationPoolFqdn: result.topology.legacy.poolFqdn, port: 5041 });
      const lookup = await deployment.directory.search({ base: 'DC=contoso,DC=com', scope: 'sub', equals: { 'msRTCSIP-PrimaryUserAddress': 'sip:ocschat@contoso.com' } });
      expect(lookup.map((entry) => [entry.dn, entry.guid])).toEqual([[result.directory.lookupAccount.dn, result.directory.lookupAccount.guid]]);
    } finally {
      await deployment.close();
    }
  });

  it('is left out on request', async () => {
    const result = await generate('no-deployment', { size: 'tiny', flavour: 'lync2010', target: { fill: 'none' }, deploymentFolder: false });
    expect(result.deployment).toBeNull();
    expect(fs.readdirSync(result.out)).toEqual(['legacy']);
  });
});

describe('generateDeployment, refusals', () => {
  it('checks knobs against the planned tree before writing anything', async () => {
    const out = path.join(tempFolder('refused'), 'deployment');
    await expect(generateDeployment({ size: 'tiny', flavour: 'lync2010', out, plant: { restrictedCreationCategories: SIZES.tiny.categories } })).rejects.toMatchObject({
      id: 'PCMIG-GEN-004',
      target: 'restrictedCreationCategories',
    });
    expect(fs.existsSync(out)).toBe(false);
  });

  it('never writes into a folder that holds something', async () => {
    const out = tempFolder('occupied');
    fs.writeFileSync(path.join(out, 'keep.txt'), 'mine');
    await expect(generateDeployment({ size: 'tiny', flavour: 'lync2010', out })).rejects.toMatchObject({ id: 'PCMIG-GEN-005', target: out });
    expect(fs.readdirSync(out)).toEqual(['keep.txt']);
  });
});

describe('generateDeployment, other flavour and sizes', () => {
  it('generates an OCS 2007 R2 Group Chat database', async () => {
    const result = await generate('ocs', { size: 'tiny', flavour: 'ocs2007r2', target: { fill: 'none' } });
    expect(result.target).toBeNull();
    expect(result.topology.target).toBeNull();
    await readLegacy(result, async ({ reader, rooms }) => {
      expect(reader.flavour).toBe('ocs2007r2');
      expect((await reader.info()).schemaVersion).toBe('3.5.6907.0');
      // A NULL visibility is a Lync Server 2010 possibility only.
      expect(rooms.every((r) => r.visibility !== null)).toBe(true);
    });
  });

  it('generates small as documented', async () => {
    const result = await generate('small', { size: 'small', flavour: 'lync2010', target: { fill: 'none' } });
    await readLegacy(result, ({ rooms, categories, messages }) => {
      expect(messages).toHaveLength(SIZES.small.messages);
      expect(rooms).toHaveLength(SIZES.small.rooms);
      expect(categories).toHaveLength(SIZES.small.categories + 1);
    });
    expect(result.directory.users).toHaveLength(SIZES.small.users);
    expect(result.legacy.summary.files.count).toBeGreaterThan(10);
  });
});
