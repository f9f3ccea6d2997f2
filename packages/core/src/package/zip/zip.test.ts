import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { craftZip } from './craft-zip.test-fixture.js';
import { BytesAccess, FileAccess } from './random-access.js';
import { ZipReader } from './zip-reader.js';
import { FileSink, MemorySink } from './zip-sink.js';
import { ZipWriter } from './zip-writer.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-zip-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function pseudoRandomText(bytes: number, seed: number): string {
  let state = seed;
  let out = '';
  while (out.length < bytes) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    out += `word${state % 5000} ünïcødé ${state % 7 === 0 ? '🎉' : ''}\n`;
  }
  return out;
}

async function writeSample(sink: MemorySink | FileSink, options: { forceZip64?: boolean } = {}) {
  const zip = new ZipWriter(sink, { level: 6, maxInFlight: 3, ...options });
  const texts = { 'a.txt': 'hello', 'dir/big.txt': pseudoRandomText(3_500_000, 7), 'dir/empty.txt': '' };
  const written = [];
  for (const [name, text] of Object.entries(texts)) {
    const entry = zip.open(name);
    // Small writes: the entry writer gathers them into 1 MiB parts compressed in parallel.
    for (let i = 0; i < text.length; i += 100_000) await entry.writeText(text.slice(i, i + 100_000));
    await entry.close();
    written.push(entry.written);
  }
  await zip.finish();
  await sink.close();
  return { texts, written: await Promise.all(written) };
}

async function readAll(reader: ZipReader, name: string, sha?: string): Promise<string> {
  const entry = reader.find(name);
  if (!entry) throw new Error(`no ${name}`);
  const pieces: Buffer[] = [];
  for await (const piece of reader.read(entry, sha)) pieces.push(piece);
  return Buffer.concat(pieces).toString('utf8');
}

describe('zip writer and reader', () => {
  it('round-trips entries of several parts, in memory and on disk, with sizes, CRCs and SHA-256s', async () => {
    const memory = new MemorySink();
    const { texts, written } = await writeSample(memory);
    const file = path.join(dir, 'sample.zip');
    const { written: writtenToFile } = await writeSample(await FileSink.create(file));
    expect(writtenToFile).toEqual(written);
    expect(Buffer.from(memory.bytes()).equals(fs.readFileSync(file))).toBe(true);

    for (const access of [new BytesAccess(memory.bytes()), await FileAccess.open(file)]) {
      const reader = await ZipReader.open(access, 'sample');
      expect(reader.entries.map((e) => e.name)).toEqual(Object.keys(texts));
      for (const info of written) {
        const expected = texts[info.name as keyof typeof texts];
        expect(info.size).toBe(Buffer.byteLength(expected));
        expect(info.sha256).toBe(crypto.createHash('sha256').update(expected).digest('hex'));
        expect(await readAll(reader, info.name, info.sha256)).toBe(expected);
      }
      await access.close();
    }
  });

  it('is deterministic: the same entries give the same bytes', async () => {
    const a = new MemorySink();
    const b = new MemorySink();
    await writeSample(a);
    await writeSample(b);
    expect(Buffer.from(a.bytes()).equals(Buffer.from(b.bytes()))).toBe(true);
  });

  it('writes ZIP64 records that its own reader and other tools accept', async () => {
    const sink = new MemorySink();
    const { texts } = await writeSample(sink, { forceZip64: true });
    const bytes = Buffer.from(sink.bytes());
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true); // ZIP64 end record
    const reader = await ZipReader.open(new BytesAccess(bytes), 'zip64');
    expect(await readAll(reader, 'dir/big.txt')).toBe(texts['dir/big.txt']);
    const file = path.join(dir, 'zip64.zip');
    fs.writeFileSync(file, bytes);
    if (spawnSync('unzip', ['-v']).status === 0) {
      expect(execFileSync('unzip', ['-tq', file]).toString()).toMatch(/No errors detected/);
    }
    if (spawnSync('python3', ['--version']).status === 0) {
      const script = 'import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nprint(z.testzip())\nprint(len(z.read("dir/big.txt")))';
      expect(execFileSync('python3', ['-c', script, file]).toString().trim().split('\n')).toEqual(['None', String(Buffer.byteLength(texts['dir/big.txt']))]);
    }
  });

  it('produces archives that unzip verifies (classic records)', async () => {
    const sink = new MemorySink();
    await writeSample(sink);
    const file = path.join(dir, 'classic.zip');
    fs.writeFileSync(file, sink.bytes());
    if (spawnSync('unzip', ['-v']).status !== 0) return;
    expect(execFileSync('unzip', ['-tq', file]).toString()).toMatch(/No errors detected/);
  });
});

describe('zip reader against damaged and hostile archives', () => {
  const good = () => craftZip([{ name: 'a.txt', data: Buffer.from('hello hello hello') }, { name: 'b/c.txt', data: Buffer.from('second') }]);
  const open = (bytes: Buffer) => ZipReader.open(new BytesAccess(bytes), 'test.zip');
  const drain = async (reader: ZipReader, name: string, sha?: string) => readAll(reader, name, sha);

  it('rejects what is not a zip, and a zip cut short', async () => {
    await expect(open(Buffer.from('definitely not a zip file, just text'))).rejects.toMatchObject({ id: 'PCMIG-PKG-001' });
    await expect(open(Buffer.alloc(0))).rejects.toMatchObject({ id: 'PCMIG-PKG-001' });
    const bytes = good();
    await expect(open(bytes.subarray(0, bytes.length - 30))).rejects.toMatchObject({ id: 'PCMIG-PKG-002' });
  });

  it('rejects an entry whose data fails its CRC or size, and one that does not match its SHA-256', async () => {
    const badCrc = craftZip([{ name: 'a.txt', data: Buffer.from('hello'), crc32: 1234 }]);
    await expect(drain(await open(badCrc), 'a.txt')).rejects.toMatchObject({ id: 'PCMIG-PKG-003' });
    const badSize = craftZip([{ name: 'a.txt', data: Buffer.from('hello'), size: 3 }]);
    await expect(drain(await open(badSize), 'a.txt')).rejects.toMatchObject({ id: 'PCMIG-PKG-003' });
    const garbage = craftZip([{ name: 'a.txt', data: Buffer.from('hello'), compressed: Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]) }]);
    await expect(drain(await open(garbage), 'a.txt')).rejects.toMatchObject({ id: 'PCMIG-PKG-003' });
    await expect(drain(await open(good()), 'a.txt', '0'.repeat(64))).rejects.toMatchObject({ id: 'PCMIG-PKG-004' });
    // Flip one byte of the compressed data of the first entry.
    const flipped = good();
    flipped[30 + 'a.txt'.length + 2] = (flipped[30 + 'a.txt'.length + 2] as number) ^ 0x55;
    await expect(drain(await open(flipped), 'a.txt')).rejects.toMatchObject({ id: 'PCMIG-PKG-003' });
  });

  it('never inflates past the declared size (a "zip bomb" stops at once)', async () => {
    const bomb = craftZip([{ name: 'bomb.txt', data: Buffer.alloc(50_000_000), size: 1000 }]);
    const reader = await open(bomb);
    let seen = 0;
    await expect(
      (async () => {
        for await (const piece of reader.read(reader.find('bomb.txt')!)) seen += piece.length;
      })(),
    ).rejects.toMatchObject({ id: 'PCMIG-PKG-003' });
    expect(seen).toBeLessThanOrEqual(1000);
  });

  it.each([['../evil.txt'], ['/etc/passwd'], ['a\\..\\b.txt'], ['C:/x.txt'], ['a/./b'], ['a//b'], ['nul\u0000.txt']])('rejects the unsafe entry name %j', async (name) => {
    await expect(open(craftZip([{ name, data: Buffer.from('x') }]))).rejects.toMatchObject({ id: 'PCMIG-PKG-007' });
  });

  it('rejects duplicate names, encryption, unknown methods and overlapping entries', async () => {
    await expect(open(craftZip([{ name: 'a', data: Buffer.from('1') }, { name: 'a', data: Buffer.from('2') }]))).rejects.toMatchObject({ id: 'PCMIG-PKG-007' });
    await expect(open(craftZip([{ name: 'a', data: Buffer.from('1'), flags: 1 }]))).rejects.toMatchObject({ id: 'PCMIG-PKG-014' });
    await expect(open(craftZip([{ name: 'a', data: Buffer.from('1'), method: 14 }]))).rejects.toMatchObject({ id: 'PCMIG-PKG-014' });
    // Point the second central record at the first entry's data.
    const bytes = good();
    const second = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(0, second + 42);
    await expect(open(bytes)).rejects.toMatchObject({ id: 'PCMIG-PKG-001' });
  });

  it('accepts directory entries written by other zip tools and ignores them', async () => {
    const reader = await open(craftZip([{ name: 'pcmig/', data: Buffer.alloc(0) }, { name: 'pcmig/a.txt', data: Buffer.from('x') }]));
    expect(reader.entries.map((e) => e.name)).toEqual(['pcmig/a.txt']);
  });

  it('refuses to buffer an entry above the caller\'s limit', async () => {
    const reader = await open(good());
    await expect(reader.readWhole(reader.find('a.txt')!, 4)).rejects.toMatchObject({ id: 'PCMIG-PKG-011' });
    expect((await reader.readWhole(reader.find('a.txt')!, 100)).toString()).toBe('hello hello hello');
  });
});
