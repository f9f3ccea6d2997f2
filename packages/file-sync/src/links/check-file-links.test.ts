import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ROOT_NODE_ID,
  SourceWriter,
  createPool,
  newSourceCategory,
  newSourceRoom,
  formatFileLink,
  isoToTicks,
  seedPoolRoot,
  type Message,
  type Principal,
  type SourceRoom,
} from '@pcmig/core';
import type { ProgressEvent } from '@pcmig/core';
import { tempDirs, writeTree } from '../test-support/trees.js';
import { checkFileLinks } from './check-file-links.js';

const dirs = tempDirs('pcmig-links-');
afterEach(() => dirs.cleanup());

const on = isoToTicks('2013-05-01T08:00:00Z');
const verifiedOn = new Date('2013-05-01T08:00:00Z');
const audit = { addedBy: 1, addedOn: on, updatedBy: 1, updatedOn: on };
const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const ROOM_A = guid(100);
const ROOM_B = guid(101);

const alice: Principal = {
  id: 2,
  guid: guid(1002),
  kind: 'user',
  uri: 'sip:alice@contoso.com',
  name: 'alice',
  displayName: 'Alice',
  email: 'alice@contoso.com',
  companyName: 'Contoso',
  dn: 'CN=alice,OU=Users,DC=contoso,DC=com',
  upn: 'alice@contoso.com',
  state: 'active',
  federated: false,
  homePoolId: 1,
};

const category = newSourceCategory({ id: 10, guid: guid(10), parentId: ROOT_NODE_ID, name: 'Engineering', audit, invitations: false, chatHistory: true, fileUpload: true });

const room = (id: number, name: string): SourceRoom => newSourceRoom({ id, guid: guid(id), categoryId: 10, name, audit });

/** A Persistent Chat database whose messages post files (the links the import carried over). */
async function targetPool(file: string, contents: Record<number, string[]>): Promise<void> {
  const pool = await createPool({ dbInstance: file, flavour: 'pc2013' });
  const writer = new SourceWriter(pool);
  const messages: Message[] = [];
  for (const [roomId, texts] of Object.entries(contents)) {
    texts.forEach((content, i) => {
      messages.push({ roomId: Number(roomId), chatId: i + 1, timestamp: on + BigInt(i) * 10_000_000n, authorId: 2, isAlert: false, content, rtf: null });
    });
  }
  await pool.connection.transaction(async () => {
    await seedPoolRoot(writer, { rootGuid: guid(1), systemGuid: guid(9001), on, verifiedOn });
    await writer.principals([alice], { on, verifiedOn });
    await writer.categories([category]);
    await writer.rooms([room(100, 'general'), room(101, 'design reviews')]);
    await writer.messages(messages);
    await writer.lastChatIds();
  });
  await pool.close();
}

describe('checkFileLinks', () => {
  it('reports every message whose file reference does not resolve in the destination store', async () => {
    const store = dirs.make('store');
    writeTree(store, {
      [`${ROOM_A}/1/spec.docx`]: 'spec',
      [`${ROOM_A}/2/Q3 plan – données.xlsx`]: 'plan',
      [`${ROOM_B}/1/Diagram.PNG`]: 'png',
      [`${ROOM_B}/2/`]: null,
      [`${ROOM_B}/9/never-linked.txt`]: 'orphan',
      [`${ROOM_A}/3/.pcmig-partial-0000abcd-1`]: 'an unfinished copy is not a file of the store',
    });
    const db = path.join(dirs.make('db'), 'mgc.db');
    await targetPool(db, {
      100: [
        'hello, no files here',
        `here is the spec ${formatFileLink(`${ROOM_A}/1/spec.docx`)} and the plan ${formatFileLink(`${ROOM_A}/2/Q3 plan – données.xlsx`)}`,
        `lost upload ${formatFileLink(`${ROOM_A}/3/budget.xlsx`)}`,
        `unfinished ${formatFileLink(`${ROOM_A}/3/.pcmig-partial-0000abcd-1`)}`,
      ],
      101: [`diagram ${formatFileLink(`${ROOM_B}/1/diagram.png`)}`, `a folder ${formatFileLink(`${ROOM_B}/2`)}`, 'broken ma-filelink:///x/%E0%A4%A/y.txt link'],
    });

    const events: ProgressEvent[] = [];
    const result = await checkFileLinks({ dbInstance: db, destination: store, onProgress: (e) => events.push(e) });
    expect(result).toMatchObject({ rooms: 2, messages: 7, messagesWithLinks: 6, links: 6, resolved: 3, resolvedIgnoringCase: 1, unreferencedFiles: 1, status: 'Failed', exitCode: 8 });
    expect(result.problems.map((p) => ({ code: p.code, path: p.path }))).toEqual([
      { code: 'missing-file', path: `${ROOM_A}/3/budget.xlsx` },
      { code: 'missing-file', path: `${ROOM_A}/3/.pcmig-partial-0000abcd-1` },
      { code: 'not-a-file', path: `${ROOM_B}/2` },
      { code: 'malformed-link', path: 'ma-filelink:///x/%E0%A4%A/y.txt' },
    ]);
    expect(result.problems[0]).toMatchObject({ room: 'general', roomId: 100, chatId: 3, postedAt: '2013-05-01T08:00:02.0000000Z' });
    expect(result.database).toContain('mgc.db');
    expect(events.at(-1)).toMatchObject({ activity: 'Test-CsPersistentChatFileLink', completed: true });
  });

  it('passes when every link resolves', async () => {
    const store = dirs.make('store');
    writeTree(store, { [`${ROOM_A}/1/a.txt`]: 'a' });
    const db = path.join(dirs.make('db'), 'mgc.db');
    await targetPool(db, { 100: [`file ${formatFileLink(`${ROOM_A}/1/a.txt`)}`] });
    const result = await checkFileLinks({ dbInstance: db, destination: store });
    expect(result).toMatchObject({ status: 'Success', exitCode: 0, links: 1, resolved: 1, problems: [] });
  });

  it('refuses a missing store and a Group Chat database', async () => {
    const db = path.join(dirs.make('db'), 'mgc.db');
    await targetPool(db, {});
    await expect(checkFileLinks({ dbInstance: db, destination: path.join(dirs.make('x'), 'missing') })).rejects.toMatchObject({ id: 'PCMIG-FS-002' });
    const legacy = path.join(dirs.make('db'), 'gc.db');
    await (await createPool({ dbInstance: legacy, flavour: 'lync2010' })).close();
    await expect(checkFileLinks({ dbInstance: legacy, destination: dirs.make('store') })).rejects.toMatchObject({ id: 'PCMIG-DB-008' });
  });
});
