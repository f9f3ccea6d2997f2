import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceReader } from '../db/repositories/source-reader.js';
import type { PoolDatabase } from '../db/open-pool.js';
import { ROOT_NODE_ID, SOURCE_FLAVOURS, type SourceFlavour } from '../model/constants.js';
import { isoToTicks } from '../model/ticks.js';
import { sqliteFactory, type PoolFactory } from '../test-support/pool-factories.js';
import { buildSamplePool, writeSamplePool, type SamplePool } from '../test-support/sample-pool.js';
import { EntryName, FORMAT_VERSION, PACKAGE_LIMITS } from './format/package-layout.js';
import { openPackage, type MigrationPackage } from './read/open-package.js';
import { collect, memorySource } from './sample-source.test-fixture.js';
import { writePackage } from './write/write-package.js';
import { FileSink, MemorySink } from './zip/zip-sink.js';

async function toBytes(source: Parameters<typeof writePackage>[0], options: Parameters<typeof writePackage>[2] = {}): Promise<Uint8Array> {
  const sink = new MemorySink();
  await writePackage(source, sink, options);
  return sink.bytes();
}

async function expectSameData(pkg: MigrationPackage, reader: SourceReader | ReturnType<typeof memorySource>) {
  expect(await collect(pkg.principals())).toEqual(await collect(reader.principals()));
  expect(await collect(pkg.affiliations())).toEqual(await collect(reader.affiliations()));
  expect(await pkg.categories()).toEqual(await reader.categories());
  expect(await pkg.rooms()).toEqual(await reader.rooms());
  expect(await collect(pkg.roles())).toEqual(await collect(reader.roles()));
  expect(await collect(pkg.scopes())).toEqual(await collect(reader.scopes()));
  expect(await pkg.addins()).toEqual(await reader.addins());
  expect(await collect(pkg.messages())).toEqual(await collect(reader.messages()));
}

describe.each(SOURCE_FLAVOURS.map((f) => [f]))('a package of a %s pool', (flavour: SourceFlavour) => {
  let factory: PoolFactory;
  let pool: PoolDatabase;
  let sample: SamplePool;
  let bytes: Uint8Array;
  beforeAll(async () => {
    factory = sqliteFactory();
    pool = await factory.create(flavour);
    sample = await writeSamplePool(pool);
    bytes = await toBytes(new SourceReader(pool));
  });
  afterAll(async () => factory.dispose());

  it('reads back exactly what the database holds, collection by collection', async () => {
    const pkg = await openPackage({ bytes });
    await expectSameData(pkg, new SourceReader(pool));
    const info = await pkg.info();
    expect(info).toMatchObject({ flavour, level: 'All', scope: null, startDate: null, origin: pool.description });
    expect(info.months.reduce((n, m) => n + m.kept, 0)).toBe(sample.messages.length);
    expect((await pkg.rooms()).find((r) => r.id === 101)?.name).toHaveLength(256);
    await pkg.verify({ deep: true });
    await pkg.close();
  });

  it('keeps Microsoft\'s four files in their public shape', async () => {
    const file = path.join(os.tmpdir(), `pcmig-shape-${flavour}-${process.pid}.zip`);
    fs.writeFileSync(file, bytes);
    try {
      if (spawnSync('unzip', ['-v']).status !== 0) return;
      const list = execFileSync('unzip', ['-Z1', file]).toString().trim().split('\n');
      expect(list.slice(0, 4)).toEqual(['AdUsers.xml', 'AdGroups.xml', 'AdAffiliations.xml', 'ChatRooms.xml']);
      const rooms = execFileSync('unzip', ['-p', file, 'ChatRooms.xml']).toString();
      expect(rooms).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<Pool>\n<ChatRooms>\n<ChatRoom isDisabled="0" id="100" /);
      expect(rooms).toContain('<Name>general</Name><Desc>Everyone 👋</Desc><Roles><Principal id="3" isManager="0" isMember="1" isCreator="0" isVoiced="0"/>');
      expect(rooms).toContain('<ChatRoom isDisabled="1" id="102"');
      const users = execFileSync('unzip', ['-p', file, 'AdUsers.xml']).toString();
      expect(users).toContain('<User principalId="2" ');
      expect(users).toContain('<UserPrincipalName>alice@contoso.com</UserPrincipalName>');
      expect(users).toContain('<DisplayName>Bob "the builder" &lt;O\'Neil&gt; &amp; co</DisplayName>');
      expect(execFileSync('unzip', ['-p', file, 'AdGroups.xml']).toString()).toContain('<Group principalId="6" ');
      expect(execFileSync('unzip', ['-p', file, 'AdAffiliations.xml']).toString()).toContain('<User id="2"><Groups><Group id="2" index="-1"/><Group id="6" index="1"/></Groups></User>');
      const manifest = JSON.parse(execFileSync('unzip', ['-p', file, EntryName.manifest]).toString());
      expect(manifest).toMatchObject({ formatVersion: FORMAT_VERSION, level: 'All', counts: { messages: sample.messages.length, rooms: 3 } });
      expect(execFileSync('unzip', ['-tq', file]).toString()).toMatch(/No errors detected/);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('is deterministic, and a package written from the package is byte-identical', async () => {
    expect(Buffer.from(await toBytes(new SourceReader(pool))).equals(Buffer.from(bytes))).toBe(true);
    const pkg = await openPackage({ bytes });
    expect(Buffer.from(await toBytes(pkg)).equals(Buffer.from(bytes))).toBe(true);
    await pkg.close();
  });

  it('writes the same package to a file as to memory, and reads it from the file', async () => {
    const file = path.join(os.tmpdir(), `pcmig-file-${flavour}-${process.pid}.zip`);
    try {
      await writePackage(new SourceReader(pool), await FileSink.create(file));
      expect(fs.readFileSync(file).equals(Buffer.from(bytes))).toBe(true);
      const pkg = await openPackage({ fileName: file });
      expect(await collect(pkg.messages())).toHaveLength(sample.messages.length);
      await pkg.verify();
      await pkg.close();
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});

describe('text fidelity', () => {
  const tricky = [
    '',
    ' ',
    '\t\n',
    'line\r\nbreaks\rand\nmore',
    'controls \u0001\u0002\u0007\u0008\u000b\u000c\u000e\u001f\u007f end',
    'NUL \u0000 inside',
    'unpaired \ud800 high and \udfff low',
    'non-characters \ufffe \uffff',
    'emoji 🎉👩‍👩‍👧 and RTL עברית العربية',
    'quotes " \' & < > ]]> &amp;',
    '  leading and trailing  ',
    'x'.repeat(256),
  ];

  it('round-trips any text through the XML and JSON entries exactly', async () => {
    const sample = buildSamplePool('lync2010');
    tricky.forEach((text, i) => {
      const room = { ...sample.rooms[0]!, id: 200 + i, guid: `00000000-0000-4000-8000-${(9000 + i).toString(16).padStart(12, '0')}`, name: text.slice(0, 256), description: text.slice(0, 256), topic: text.slice(0, 256) };
      sample.rooms.push(room);
      sample.messages.push({ roomId: room.id, chatId: 1, timestamp: isoToTicks('2011-01-01T00:00:00Z'), authorId: 2, isAlert: false, content: text, rtf: text });
    });
    sample.principals[0] = { ...sample.principals[0]!, displayName: tricky[4]!, name: tricky[6]!, companyName: tricky[1]!, email: tricky[3]! };
    sample.categories[0] = { ...sample.categories[0]!, name: tricky[9]!, description: tricky[5]! };
    sample.addins[0] = { ...sample.addins[0]!, name: 'Wiki \u0001 "more" &' };
    const root = { ...sample.categories[0]!, id: ROOT_NODE_ID, parentId: null, name: 'Root' };
    const source = memorySource({ ...sample, categories: [root, ...sample.categories] });
    const pkg = await openPackage({ bytes: await toBytes(source) });
    await expectSameData(pkg, source);
    await pkg.close();
  });
});

describe('chunks and ZIP64', () => {
  it('cuts messages into chunks at the documented size, and reads them across chunk boundaries', async () => {
    const sample = buildSamplePool('pc2013');
    const big = 'y'.repeat(3000);
    for (let i = 0; i < 1800; i += 1) {
      sample.messages.push({ roomId: 100, chatId: 10_000 + i, timestamp: isoToTicks('2012-03-01T00:00:00Z') + BigInt(i), authorId: 2, isAlert: false, content: `${big} ma-filelink:///r/${i}/f%20${i}.txt`, rtf: null });
    }
    sample.messages.push({ roomId: 100, chatId: 99_999, timestamp: 0n, authorId: 999, isAlert: true, content: 'author not in tblPrincipal', rtf: null });
    const root = { ...sample.categories[0]!, id: ROOT_NODE_ID, parentId: null, name: 'Root' };
    const source = memorySource({ ...sample, categories: [root, ...sample.categories] }, 500);
    const bytes = await toBytes(source);
    const pkg = await openPackage({ bytes });
    const chunks = pkg.manifest.entries.filter((e) => e.name.startsWith('pcmig/messages/'));
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.size).toBeGreaterThanOrEqual(PACKAGE_LIMITS.chunkBytes);
      expect(chunk.size).toBeLessThan(PACKAGE_LIMITS.chunkBytes + 4000);
    }
    expect(await collect(pkg.messages())).toEqual(await collect(source.messages()));
    const files = await collect(pkg.fileReferences());
    expect(files).toHaveLength(sample.messages.filter((m) => m.content.includes('ma-filelink:///')).length);
    expect(files).toContainEqual({ roomId: 100, chatId: 11_799, path: 'r/1799/f 1799.txt', link: 'ma-filelink:///r/1799/f%201799.txt' });
    expect(files.map((f) => [f.roomId, f.chatId])).toEqual([...files].sort((a, b) => a.roomId - b.roomId || a.chatId - b.chatId).map((f) => [f.roomId, f.chatId]));
    expect(pkg.manifest.unknownPrincipalIds).toEqual([999]);
    await pkg.close();
  });

  it('writes ZIP64 records on request, which the reader and unzip accept', async () => {
    const factory = sqliteFactory();
    try {
      const pool = await factory.create('ocs2007r2');
      await writeSamplePool(pool);
      const bytes = await toBytes(new SourceReader(pool), { forceZip64: true });
      const pkg = await openPackage({ bytes });
      await pkg.verify({ deep: true });
      await expectSameData(pkg, new SourceReader(pool));
      await pkg.close();
      const file = path.join(os.tmpdir(), `pcmig-zip64-${process.pid}.zip`);
      fs.writeFileSync(file, bytes);
      try {
        if (spawnSync('unzip', ['-v']).status === 0) expect(execFileSync('unzip', ['-tq', file]).toString()).toMatch(/No errors detected/);
      } finally {
        fs.rmSync(file, { force: true });
      }
    } finally {
      await factory.dispose();
    }
  });
});

describe('writePackage refuses a source it cannot write faithfully', () => {
  const sample = () => {
    const data = buildSamplePool('pc2013');
    const root = { ...data.categories[0]!, id: ROOT_NODE_ID, parentId: null, name: 'Root' };
    return { ...data, categories: [root, ...data.categories] };
  };
  const failWith = async (source: Parameters<typeof writePackage>[0], id: string) => {
    await expect(writePackage(source, new MemorySink())).rejects.toMatchObject({ id });
  };

  it('PCMIG-PKG-017: rows out of order, rows of nodes it does not export, or fewer messages than it counted', async () => {
    const data = sample();
    const base = memorySource(data);
    const reversed = [...data.principals].reverse();
    await failWith({ ...base, principals: async function* () { yield reversed; } }, 'PCMIG-PKG-017');
    await failWith({ ...base, roles: async function* () { yield [{ nodeId: 999, principalId: 2, role: 'Member' as const }]; } }, 'PCMIG-PKG-017');
    await failWith({ ...base, scopes: async function* () { yield [{ nodeId: 999, principalId: 2, denied: false }]; } }, 'PCMIG-PKG-017');
    await failWith({ ...base, messages: async function* () { yield data.messages.slice(0, 10); } }, 'PCMIG-PKG-017');
    await failWith({ ...base, messages: async function* () { yield [...data.messages].reverse(); } }, 'PCMIG-PKG-017');
  });

  it('PCMIG-PKG-019: values its reader would refuse', async () => {
    const data = sample();
    data.messages[3] = { ...data.messages[3]!, authorId: 0 };
    await failWith(memorySource(data), 'PCMIG-PKG-019');
    const long = sample();
    long.rooms[0] = { ...long.rooms[0]!, name: 'x'.repeat(257) };
    await failWith(memorySource(long), 'PCMIG-PKG-019');
    const noUri = sample();
    noUri.principals[0] = { ...noUri.principals[0]!, uri: '' };
    await failWith(memorySource(noUri), 'PCMIG-PKG-019');
  });
});
