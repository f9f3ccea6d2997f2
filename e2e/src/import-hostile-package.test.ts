import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Behavior,
  EntryName,
  ROOT_NODE_ID,
  SourceWriter,
  Visibility,
  createPool,
  exportPersistentChatData,
  importPersistentChatData,
  isPcmigError,
  isoToTicks,
  seedPoolRoot,
  type Principal,
} from '@pcmig/core';

/**
 * Whatever a damaged or hostile package does, the import fails with a stable error (from the
 * package reader, PCMIG-PKG-…, or the planner's findings, PCMIG-IMP-002) and the target stays
 * byte-identical: no backup file, no journal, no ledger — nothing is written before the whole
 * package has been read.
 */

const on = isoToTicks('2011-05-01T08:00:00Z');
const audit = { addedBy: 1, addedOn: on, updatedBy: 1, updatedOn: on };
const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const NOW = () => new Date('2014-01-01T00:00:00Z');
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const user = (id: number, name: string): Principal => ({
  id,
  guid: guid(10_000 + id),
  kind: 'user',
  uri: `sip:${name}@contoso.com`,
  name,
  displayName: name,
  email: null,
  companyName: null,
  dn: `CN=${name},DC=contoso,DC=com`,
  upn: `${name}@contoso.com`,
  state: 'active',
  federated: false,
  homePoolId: null,
});

/** The entries of a (small, non-ZIP64) zip, by name, in archive order. */
function readZip(bytes: Buffer): Map<string, Buffer> {
  let eocd = bytes.length - 22;
  while (eocd >= 0 && bytes.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressed);
    entries.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    at += 46 + skip;
  }
  return entries;
}

/** A stored (uncompressed) zip of the given entries, with correct CRCs. */
function writeZip(entries: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Rebuilds a package after an edit, fixing the manifest's sizes and checksums unless told not to. */
function rebuild(entries: Map<string, Buffer>, options: { fixManifest?: boolean; extra?: [string, Buffer][] } = {}): Buffer {
  const copy = new Map(entries);
  if (options.fixManifest !== false) {
    const manifest = JSON.parse((copy.get(EntryName.manifest) as Buffer).toString('utf8')) as { entries: { name: string; size: number; sha256: string }[] };
    for (const entry of manifest.entries) {
      const data = copy.get(entry.name);
      if (!data) continue;
      entry.size = data.length;
      entry.sha256 = crypto.createHash('sha256').update(data).digest('hex');
    }
    copy.set(EntryName.manifest, Buffer.from(JSON.stringify(manifest)));
  }
  return writeZip([...copy, ...(options.extra ?? [])]);
}

const edit = (entries: Map<string, Buffer>, name: string, change: (text: string) => string) => {
  const copy = new Map(entries);
  const before = (copy.get(name) as Buffer).toString('utf8');
  const after = change(before);
  expect(after, `edit of ${name}`).not.toBe(before);
  copy.set(name, Buffer.from(after, 'utf8'));
  return copy;
};

describe('hostile and damaged packages leave the target byte-identical', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-e2e-hostile-'));
  const target = path.join(dir, 'mgc.db');
  let good: Buffer;
  let entries: Map<string, Buffer>;

  beforeAll(async () => {
    const legacy = path.join(dir, 'groupchat.db');
    const pool = await createPool({ dbInstance: legacy, flavour: 'lync2010' });
    const writer = new SourceWriter(pool);
    await pool.connection.transaction(async () => {
      await seedPoolRoot(writer, { rootGuid: guid(1), systemGuid: guid(9001), on, verifiedOn: new Date('2011-06-01T00:00:00Z') });
      await writer.principals([user(2, 'alice'), user(3, 'bob')], { on, verifiedOn: new Date('2011-06-01T00:00:00Z') });
      const category = { id: 10, guid: guid(10), parentId: ROOT_NODE_ID, name: 'Eng', description: '', invitations: null, chatHistory: null, fileUpload: null, membersCanCreateRooms: null, childrenMustInherit: false, allowSubcategoryScopeChanges: true, overrideMembers: false, scopeDefinerId: ROOT_NODE_ID, roleDefinerId: ROOT_NODE_ID, fileStoreUri: null, disabled: false, audit };
      await writer.categories([category]);
      const room = { id: 100, guid: guid(100), categoryId: 10, name: 'general', description: '', topic: '', visibility: Visibility.Scope, behavior: Behavior.Normal, disabled: false, invitations: null, chatHistory: null, fileUpload: null, overrideMembers: true, scopeDefinerId: ROOT_NODE_ID, roleDefinerId: 100, addinId: null, audit } as const;
      await writer.rooms([room]);
      await writer.roles([
        { nodeId: 100, principalId: 2, role: 'Member' },
        { nodeId: 100, principalId: 3, role: 'Member' },
      ]);
      await writer.messages(
        Array.from({ length: 300 }, (_, i) => ({ roomId: 100, chatId: i + 1, timestamp: on + BigInt(i) * 10_000_000n, authorId: 2 + (i % 2), isAlert: false, content: `line ${i} ${'x'.repeat(40)}`, rtf: null })),
      );
      await writer.lastChatIds();
    });
    await pool.close();
    const zip = path.join(dir, 'good.zip');
    await exportPersistentChatData({ dbInstance: legacy, fileName: zip, now: NOW });
    good = fs.readFileSync(zip);
    entries = readZip(good);

    const mgc = await createPool({ dbInstance: target, flavour: 'pc2013' });
    await mgc.connection.transaction(async () => {
      const pc = new SourceWriter(mgc);
      await seedPoolRoot(pc, { rootGuid: guid(8001), systemGuid: guid(8002), on, verifiedOn: new Date('2013-01-01T00:00:00Z') });
      await pc.principals([{ ...user(900, 'dc'), kind: 'domain', uri: `ma-grp:${guid(900)}@u.g`, dn: 'DC=contoso,DC=com', upn: null }], { on, verifiedOn: new Date('2013-01-01T00:00:00Z') });
    });
    await mgc.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const messageChunk = () => [...entries.keys()].find((n) => n.startsWith('pcmig/messages/')) as string;
  const variants: [string, () => Buffer, string][] = [
    [
      'a flipped byte inside the compressed messages (CRC mismatch)',
      () => {
        const bytes = Buffer.from(good);
        const name = Buffer.from(messageChunk());
        const at = bytes.indexOf(name) + name.length + 40;
        bytes[at] = (bytes[at] as number) ^ 0xff;
        return bytes;
      },
      'PCMIG-PKG-003',
    ],
    ['a truncated file', () => good.subarray(0, Math.floor(good.length * 0.6)), 'PCMIG-PKG-002'],
    ['random bytes', () => crypto.randomBytes(4096), 'PCMIG-PKG-001'],
    ['an entry named with ..', () => rebuild(entries, { extra: [['../../evil.txt', Buffer.from('x')]] }), 'PCMIG-PKG-007'],
    ['an entry with an absolute path', () => rebuild(entries, { extra: [['/etc/evil.txt', Buffer.from('x')]] }), 'PCMIG-PKG-007'],
    ['a DTD declaring an entity in ChatRooms.xml', () => rebuild(edit(entries, EntryName.chatRooms, (t) => t.replace('<Pool', '<!DOCTYPE Pool [<!ENTITY x "boom">]><Pool'))), 'PCMIG-PKG-008'],
    ['an entry whose bytes no longer match the manifest checksum', () => rebuild(edit(entries, EntryName.chatRooms, (t) => t.replace('general', 'genera1')), { fixManifest: false }), 'PCMIG-PKG-004'],
    ['a newer format version', () => rebuild(edit(entries, EntryName.manifest, (t) => t.replace(/"formatVersion":\s*\d+/, '"formatVersion":99')), { fixManifest: false }), 'PCMIG-PKG-006'],
    ['a message by an author the package does not contain', () => rebuild(edit(entries, messageChunk(), (t) => t.replace(/"(authorId|userId|author)":\s*3\b/, '"$1":77'))), 'PCMIG-IMP-002'],
    ['an invalid date in a message', () => rebuild(edit(entries, messageChunk(), (t) => t.replace(/"(\d{18})"/, '"99999999999999999999"'))), 'PCMIG-PKG-012'],
  ];

  it.each(variants)('%s', async (name, make, expectedId) => {
    const bytes = make();
    const before = sha(target);
    const files = fs.readdirSync(dir).sort();
    let failure: unknown;
    try {
      await importPersistentChatData({ dbInstance: target, bytes, now: NOW });
    } catch (error) {
      failure = error;
    }
    expect(isPcmigError(failure), String(failure)).toBe(true);
    expect((failure as { id: string }).id, name).toBe(expectedId);
    if ((failure as { id: string }).id === 'PCMIG-IMP-002') {
      expect(JSON.stringify((failure as { reason: unknown }).reason)).toMatch(/message-unknown-author|dangling/);
    }
    expect(sha(target)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(files);
  });

  it('the untouched package imports (the variants above fail for their own reason)', async () => {
    const copy = path.join(dir, 'copy.db');
    fs.copyFileSync(target, copy);
    const result = await importPersistentChatData({ dbInstance: copy, bytes: good, backup: false, now: NOW });
    expect(result.status).toBe('imported');
    expect(result.written.messages).toBe(300);
  });
});
