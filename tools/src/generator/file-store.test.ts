import fs from 'node:fs';
import path from 'node:path';
import { parseFileLinks } from '@pcmig/core';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, generate, readLegacy } from './test-support/generated.js';
import { LegacyRules } from './test-support/legacy-rules.js';

afterAll(cleanUp);

describe('the legacy file store', () => {
  it('holds every file a message links to, as <room guid>/<n>/<name>, only in rooms that allow uploads', async () => {
    const result = await generate('files', { size: 'tiny', flavour: 'lync2010', seed: 21 });
    await readLegacy(result, ({ messages, rooms, categories }) => {
      const rules = new LegacyRules(categories);
      const roomsById = new Map(rooms.map((r) => [r.id, r]));
      const links = messages.flatMap((m) => parseFileLinks(m.content).map((link) => ({ message: m, link })));
      expect(links.length).toBe(result.legacy.summary.filePosts);
      expect(links.length).toBeGreaterThan(0);
      let bytes = 0;
      for (const { message, link } of links) {
        const room = roomsById.get(message.roomId)!;
        const [guid, n, name] = link.path.split('/');
        expect(guid).toBe(room.guid);
        expect(Number(n)).toBeGreaterThan(0);
        expect(name).toMatch(/\.[a-z]+$/);
        const file = path.join(result.legacy.fileStore, ...link.path.split('/'));
        expect(fs.existsSync(file)).toBe(true);
        bytes += fs.statSync(file).size;
        const uploads = room.fileUpload !== null && !rules.roomForced(room) ? room.fileUpload : rules.effective(room.categoryId, 'fileUpload');
        expect(uploads).toBe(true);
      }
      expect(result.legacy.summary.files).toEqual({ count: links.length, bytes });
    });
  });
});
