import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceReader } from '../../db/repositories/source-reader.js';
import { sqliteFactory, type PoolFactory } from '../../test-support/pool-factories.js';
import { writeSamplePool } from '../../test-support/sample-pool.js';
import { EntryName } from '../format/package-layout.js';
import { collect } from '../sample-source.test-fixture.js';
import { writePackage } from '../write/write-package.js';
import { MemorySink } from '../zip/zip-sink.js';
import { openPackage, type MigrationPackage } from './open-package.js';
import { editManifest, editText, entriesOf, rebuild } from './tamper.test-fixture.js';

let factory: PoolFactory;
let good: Uint8Array;
let entries: Map<string, Buffer>;
const firstChunk = 'pcmig/messages/00000001.jsonl';

beforeAll(async () => {
  factory = sqliteFactory();
  const pool = await factory.create('lync2010');
  await writeSamplePool(pool);
  const sink = new MemorySink();
  await writePackage(new SourceReader(pool), sink);
  good = sink.bytes();
  entries = await entriesOf(good);
});
afterAll(async () => factory.dispose());

/** Opens the bytes and reads everything, as an import would. */
async function readEverything(bytes: Uint8Array): Promise<void> {
  const pkg = await openPackage({ bytes });
  try {
    await pkg.verify({ deep: true });
  } finally {
    await pkg.close();
  }
}

describe('openPackage refuses damaged and hostile packages with a stable id', () => {
  it('accepts the untouched package, also when rebuilt by another zip writer', async () => {
    await readEverything(good);
    await readEverything(rebuild(entries));
  });

  it('PCMIG-PKG-001/002: not a zip, or cut short', async () => {
    await expect(openPackage({ bytes: Buffer.from('PCMIG? no.') })).rejects.toMatchObject({ id: 'PCMIG-PKG-001' });
    await expect(openPackage({ bytes: good.subarray(0, Math.floor(good.length / 2)) })).rejects.toMatchObject({ id: 'PCMIG-PKG-002' });
    await expect(openPackage({ fileName: '/nonexistent/package.zip' })).rejects.toMatchObject({ id: 'PCMIG-PKG-015' });
  });

  it('PCMIG-PKG-003: an entry whose bytes fail its CRC', async () => {
    const bytes = Buffer.from(rebuild(entries));
    // Corrupt a byte in the middle of the first message chunk's compressed data.
    const at = bytes.indexOf(Buffer.from(firstChunk)) + firstChunk.length + 200;
    bytes[at] = (bytes[at] as number) ^ 0xff;
    await expect(readEverything(bytes)).rejects.toMatchObject({ id: 'PCMIG-PKG-003' });
  });

  it('PCMIG-PKG-004: an entry changed after the export (the manifest checksum no longer matches)', async () => {
    const edited = editText(entries, EntryName.chatRooms, (t) => t.replace('<Name>general</Name>', '<Name>GENERAL</Name>'));
    const bytes = rebuild(edited, { fixManifest: false });
    await expect(readEverything(bytes)).rejects.toMatchObject({ id: 'PCMIG-PKG-004' });
    const pkg = await openPackage({ bytes });
    await expect(pkg.rooms()).rejects.toMatchObject({ id: 'PCMIG-PKG-004' });
    await pkg.close();
  });

  it('PCMIG-PKG-005: no manifest, or another format', async () => {
    const withoutManifest = new Map(entries);
    withoutManifest.delete(EntryName.manifest);
    await expect(openPackage({ bytes: rebuild(withoutManifest) })).rejects.toMatchObject({ id: 'PCMIG-PKG-005', message: expect.stringContaining('Microsoft') });
    await expect(openPackage({ bytes: rebuild(editManifest(entries, (m) => (m.format = 'something-else'))) })).rejects.toMatchObject({ id: 'PCMIG-PKG-005' });
  });

  it.each([[2], ['1'], [0], [1.5], [null]])('PCMIG-PKG-006: format version %j', async (version) => {
    await expect(openPackage({ bytes: rebuild(editManifest(entries, (m) => (m.formatVersion = version))) })).rejects.toMatchObject({ id: 'PCMIG-PKG-006' });
  });

  it.each([['../escape.txt'], ['/etc/cron.d/x'], ['pcmig\\..\\..\\x'], ['C:/Windows/x'], ['pcmig/../../x']])('PCMIG-PKG-007: entry named %j', async (name) => {
    await expect(openPackage({ bytes: rebuild(entries, { extra: [{ name, data: Buffer.from('x') }] }) })).rejects.toMatchObject({ id: 'PCMIG-PKG-007' });
  });

  it('PCMIG-PKG-008: an XML entry with a DOCTYPE (entity expansion is impossible)', async () => {
    const laughs =
      '<?xml version="1.0"?>\n<!DOCTYPE Pool [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n';
    const bomb = editText(entries, EntryName.users, (t) => t.replace('<?xml version="1.0" encoding="utf-8"?>\n', laughs).replace('<Name>alice</Name>', '<Name>&c;</Name>'));
    await expect(readEverything(rebuild(bomb))).rejects.toMatchObject({ id: 'PCMIG-PKG-008' });
    const external = editText(entries, EntryName.chatRooms, (t) =>
      t.replace('<?xml version="1.0" encoding="utf-8"?>\n', '<?xml version="1.0"?>\n<!DOCTYPE Pool SYSTEM "file:///etc/passwd">\n'),
    );
    const pkg = await openPackage({ bytes: rebuild(external) });
    await expect(pkg.rooms()).rejects.toMatchObject({ id: 'PCMIG-PKG-008' });
    await pkg.close();
  });

  it('PCMIG-PKG-009: malformed XML, undeclared entities, unexpected elements, invalid UTF-8, bad base64', async () => {
    const cases = [
      editText(entries, EntryName.chatRooms, (t) => t.replace('</ChatRooms>', '')),
      editText(entries, EntryName.chatRooms, (t) => t.replace('<Name>general</Name>', '<Name>&xxe;</Name>')),
      editText(entries, EntryName.chatRooms, (t) => t.replace('<ChatRooms>', '<ChatRooms><Script/>')),
      editText(entries, EntryName.chatRooms, (t) => t.replace('<Pool>', '<Other>').replace('</Pool>', '</Other>')),
      editText(entries, EntryName.users, (t) => t.replace('<Name>alice</Name>', '<Name encoding="rot13">nyvpr</Name>')),
    ];
    for (const edited of cases) await expect(readEverything(rebuild(edited))).rejects.toMatchObject({ id: 'PCMIG-PKG-009' });
    const invalidUtf8 = new Map(entries);
    const users = entries.get(EntryName.users) as Buffer;
    const at = users.indexOf('alice');
    invalidUtf8.set(EntryName.users, Buffer.concat([users.subarray(0, at), Buffer.from([0xc3, 0x28]), users.subarray(at)]));
    await expect(readEverything(rebuild(invalidUtf8))).rejects.toMatchObject({ id: 'PCMIG-PKG-009' });
  });

  it('PCMIG-PKG-010: records that break their schema, or come out of order', async () => {
    const cases = [
      editText(entries, EntryName.chatRooms, (t) => t.replace('behavior="normal"', 'behavior="loud"')),
      editText(entries, EntryName.users, (t) => t.replace('kind="user"', 'kind="robot"')),
      editText(entries, firstChunk, (t) => t.replace('"isAlert":false', '"isAlert":"no"')),
      editText(entries, firstChunk, (t) => t.replace(/\n/, '\n{not json\n')),
      editText(entries, EntryName.categories, (t) => t.replace('"context": false', '"context": false, "sneaky": 1')),
    ];
    for (const edited of cases) await expect(readEverything(rebuild(edited))).rejects.toMatchObject({ id: expect.stringMatching(/^PCMIG-PKG-01[03]$/) });
    const swapped = editText(entries, firstChunk, (t) => {
      const lines = t.split('\n');
      [lines[1], lines[2]] = [lines[2] as string, lines[1] as string];
      return lines.join('\n');
    });
    await expect(readEverything(rebuild(swapped))).rejects.toMatchObject({ id: 'PCMIG-PKG-010' });
  });

  it('PCMIG-PKG-011: oversized fields', async () => {
    const cases = [
      editText(entries, EntryName.chatRooms, (t) => t.replace('<Name>general</Name>', `<Name>${'n'.repeat(257)}</Name>`)),
      editText(entries, EntryName.chatRooms, (t) => t.replace('<Desc></Desc>', `<Desc>${'d'.repeat(70_000)}</Desc>`)),
      editText(entries, EntryName.users, (t) => t.replace('<Uri>sip:alice@contoso.com</Uri>', `<Uri>sip:${'a'.repeat(300)}@contoso.com</Uri>`)),
    ];
    for (const edited of cases) await expect(readEverything(rebuild(edited))).rejects.toMatchObject({ id: 'PCMIG-PKG-011' });
    await expect(openPackage({ bytes: rebuild(editManifest(entries, (m) => (m.scope = ['x'.repeat(1000)]))) })).rejects.toMatchObject({ id: 'PCMIG-PKG-011' });
  });

  it('PCMIG-PKG-012: invalid dates', async () => {
    const cases = [
      editText(entries, EntryName.chatRooms, (t) => t.replace(/addedOn="\d+"/, 'addedOn="99999999999999999999"')),
      editText(entries, EntryName.chatRooms, (t) => t.replace(/addedOn="\d+"/, 'addedOn="3155378976000000000"')),
      editText(entries, firstChunk, (t) => t.replace(/"timestamp":"\d+"/, '"timestamp":"-5"')),
      editText(entries, EntryName.categories, (t) => t.replace(/"addedOn": "\d+"/, '"addedOn": "yesterday"')),
    ];
    for (const edited of cases) await expect(readEverything(rebuild(edited))).rejects.toMatchObject({ id: 'PCMIG-PKG-012' });
    await expect(openPackage({ bytes: rebuild(editManifest(entries, (m) => (m.startDate = '2010-01-01'))) })).rejects.toMatchObject({ id: 'PCMIG-PKG-012' });
    await expect(
      openPackage({ bytes: rebuild(editManifest(entries, (m) => ((m.months as { month: string }[])[0]!.month = '2009-13'))) }),
    ).rejects.toMatchObject({ id: 'PCMIG-PKG-012' });
  });

  it('PCMIG-PKG-013: entries that do not match the manifest', async () => {
    await expect(openPackage({ bytes: rebuild(entries, { extra: [{ name: 'pcmig/extra.json', data: Buffer.from('{}') }] }) })).rejects.toMatchObject({ id: 'PCMIG-PKG-013' });
    const missing = new Map(entries);
    missing.delete(EntryName.addins);
    await expect(openPackage({ bytes: rebuild(missing) })).rejects.toMatchObject({ id: 'PCMIG-PKG-013' });
    await expect(openPackage({ bytes: rebuild(editManifest(entries, (m) => ((m.counts as { messages: number }).messages += 1))) })).rejects.toMatchObject({ id: 'PCMIG-PKG-013' });
    await expect(openPackage({ bytes: rebuild(editManifest(entries, (m) => (m.level = 'User'))) })).rejects.toMatchObject({ id: 'PCMIG-PKG-013' });
    const dropped = editText(entries, firstChunk, (t) => t.split('\n').slice(1).join('\n'));
    await expect(readEverything(rebuild(dropped))).rejects.toMatchObject({ id: 'PCMIG-PKG-013' });
  });

  it('the planner\'s digests of the messages refuse every damaged chunk with the error messages() gives', async () => {
    const outcome = async (bytes: Uint8Array, read: (pkg: MigrationPackage) => Promise<unknown>) => {
      const pkg = await openPackage({ bytes });
      try {
        return { read: await read(pkg) };
      } catch (error) {
        return { id: (error as { id?: string }).id, message: (error as Error).message };
      } finally {
        await pkg.close();
      }
    };
    const viaMessages = (pkg: MigrationPackage) => collect(pkg.messages()).then((m) => m.length);
    const viaDigests = async (pkg: MigrationPackage) => {
      let n = 0;
      for await (const d of await pkg.messageDigests((id) => id % 2 === 0)) n += d.count;
      return n;
    };
    const swapped = editText(entries, firstChunk, (t) => {
      const lines = t.split('\n');
      [lines[1], lines[2]] = [lines[2] as string, lines[1] as string];
      return lines.join('\n');
    });
    // The untouched package and one with a line in another (valid) shape, then damaged ones.
    const cases = [
      entries,
      editText(entries, firstChunk, (t) => t.replace(/"content":"/, '"content": "')),
      editText(entries, firstChunk, (t) => t.replace('"isAlert":false', '"isAlert":"no"')),
      editText(entries, firstChunk, (t) => t.replace(/\n/, '\n{not json\n')),
      editText(entries, firstChunk, (t) => t.replace(/"timestamp":"\d+"/, '"timestamp":"-5"')),
      editText(entries, firstChunk, (t) => t.split('\n').slice(1).join('\n')),
      editText(entries, firstChunk, (t) => t.replace(/"chatId":(\d+)/, '"chatId":$1.5')),
      swapped,
    ];
    for (const [i, edited] of cases.entries()) {
      const bytes = rebuild(edited);
      const expected = await outcome(bytes, viaMessages);
      expect(await outcome(bytes, viaDigests), `case ${i}`).toEqual(expected);
      if (i < 2) expect(expected).toEqual({ read: expect.any(Number) });
      else expect(expected, `case ${i}`).toMatchObject({ id: expect.stringMatching(/^PCMIG-PKG-01[023]$/) });
    }
  });

  it('PCMIG-PKG-018: reading after close', async () => {
    const pkg: MigrationPackage = await openPackage({ bytes: good });
    await pkg.close();
    await expect(collect(pkg.messages())).rejects.toMatchObject({ id: 'PCMIG-PKG-018' });
  });
});
