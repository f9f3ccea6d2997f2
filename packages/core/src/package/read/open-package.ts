import { levelContents } from '../../model/export-level.js';
import type { Message } from '../../model/message.js';
import type { ChannelCount, MessageDigest } from '../../model/message-digest.js';
import type { Addin, RoleAssignment, ScopeEntry, SourceCategory, SourceRoom } from '../../model/node.js';
import type { Affiliation, Principal } from '../../model/principal.js';
import type { ProgressListener } from '../../model/progress.js';
import { throttleProgress } from '../../model/progress.js';
import type { SourceData, SourceInfo } from '../../model/source-data.js';
import { pkgErrors } from '../errors.js';
import type { z } from 'zod';
import { addinsFileSchema, categoriesFileSchema, fileReferenceLineSchema, type categoryRecordSchema, type FileReference } from '../format/json-records.js';
import { chunkKind, EntryName, FORMAT_NAME, FORMAT_VERSION, PACKAGE_LIMITS } from '../format/package-layout.js';
import { manifestSchema, type ManifestEntry, type MessageKey, type PackageManifest } from '../format/package-manifest.js';
import { parseRecord } from '../format/parse-record.js';
import { decodeAffiliations, decodeChatRoom, decodePrincipal, XmlShapes, type DecodedRoom } from '../format/xml-records.js';
import { readXmlRecords, type XmlShape } from '../xml/read-xml.js';
import { BytesAccess, FileAccess, type RandomAccess } from '../zip/random-access.js';
import { withHeapRelief } from '../../runtime/heap-relief.js';
import { ZipReader, type ZipEntry } from '../zip/zip-reader.js';
import { parseChunkLines, parseJsonDocument, parseMessageChunk } from './chunk-lines.js';
import { ChunkDigester } from './digest-message-chunk.js';
import { mergeSorted } from './merge-sorted.js';

/** An export package opened for reading: a SourceData like a pool database, plus its manifest. */
export interface MigrationPackage extends SourceData {
  readonly manifest: PackageManifest;
  /** The messages as the planner's scan reads them: always available from a package. */
  messageDigests(wanted: (roomId: number) => boolean): Promise<AsyncIterable<MessageDigest | ChannelCount>>;
  /** The file links found in the exported messages, in message order. */
  fileReferences(): AsyncIterable<FileReference[]>;
  /** The bytes of one entry the manifest lists, verified (size, CRC-32, SHA-256) as they stream. */
  readEntry(name: string): AsyncIterable<Buffer>;
  /**
   * Streams every entry and checks its size, CRC-32 and the manifest's SHA-256. With `deep`,
   * also reads every record through its schema and checks the manifest's counts and order.
   */
  verify(options?: { deep?: boolean; onProgress?: ProgressListener }): Promise<void>;
  close(): Promise<void>;
}

export type PackageInput = { readonly fileName: string } | { readonly bytes: Uint8Array };

type CategoryRecord = z.output<typeof categoryRecordSchema>;

const REQUIRED_ENTRIES = [EntryName.users, EntryName.groups, EntryName.affiliations, EntryName.chatRooms, EntryName.categories, EntryName.addins];

/**
 * Opens a package, reads and checks its manifest against the archive (PCMIG-PKG-0xx on any
 * problem), and returns a reader that streams every collection in key order. Entry data is
 * verified as it is read; memory stays bounded by one record batch or one chunk.
 */
export async function openPackage(input: PackageInput): Promise<MigrationPackage> {
  const access: RandomAccess = 'fileName' in input ? await FileAccess.open(input.fileName) : new BytesAccess(input.bytes);
  const label = 'fileName' in input ? input.fileName : 'package bytes';
  try {
    const zip = await ZipReader.open(access, label);
    const manifest = await readManifest(zip, label);
    return new PackageReader(zip, access, manifest, label);
  } catch (error) {
    await access.close();
    throw error;
  }
}

async function readManifest(zip: ZipReader, label: string): Promise<PackageManifest> {
  const entry = zip.find(EntryName.manifest);
  if (!entry) {
    const microsoft = zip.find(EntryName.chatRooms) !== undefined;
    throw pkgErrors.create('PCMIG-PKG-005', {
      message: `${label} has no ${EntryName.manifest}${microsoft ? '; it looks like an export of Microsoft\'s Export-CsPersistentChatData, whose layout is undocumented' : ''}.`,
      target: label,
    });
  }
  const bytes = await zip.readWhole(entry, PACKAGE_LIMITS.jsonEntryBytes);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw pkgErrors.create('PCMIG-PKG-005', { message: `${label}: ${EntryName.manifest} is not UTF-8 JSON.`, target: label, cause });
  }
  const head = (typeof raw === 'object' && raw !== null ? raw : {}) as { format?: unknown; formatVersion?: unknown };
  if (head.format !== FORMAT_NAME) {
    throw pkgErrors.create('PCMIG-PKG-005', { message: `${label}: the manifest names format ${JSON.stringify(head.format)}, not ${FORMAT_NAME}.`, target: label });
  }
  if (typeof head.formatVersion !== 'number' || !Number.isInteger(head.formatVersion) || head.formatVersion < 1 || head.formatVersion > FORMAT_VERSION) {
    throw pkgErrors.create('PCMIG-PKG-006', {
      message: `${label} has format version ${JSON.stringify(head.formatVersion)}; this pcmig reads version ${FORMAT_VERSION}.`,
      target: label,
      reason: { formatVersion: head.formatVersion, supported: [FORMAT_VERSION] },
    });
  }
  const manifest = parseRecord(manifestSchema, raw, EntryName.manifest, 'manifest');
  checkEntries(zip, manifest, label);
  return manifest;
}

/** The archive holds exactly the manifest's entries, sizes and counts agree, and the level's content. */
function checkEntries(zip: ZipReader, manifest: PackageManifest, label: string): void {
  const mismatch = (message: string, reason: Record<string, unknown> = {}) =>
    pkgErrors.create('PCMIG-PKG-013', { message: `${label}: ${message}`, target: label, reason });
  const listed = new Map<string, ManifestEntry>();
  for (const entry of manifest.entries) {
    if (listed.has(entry.name)) throw mismatch(`the manifest lists ${entry.name} twice.`, { entry: entry.name });
    listed.set(entry.name, entry);
    const actual = zip.find(entry.name);
    if (!actual) throw mismatch(`${entry.name} is listed in the manifest but missing.`, { entry: entry.name });
    if (actual.size !== entry.size) throw mismatch(`${entry.name} holds ${actual.size} bytes; the manifest says ${entry.size}.`, { entry: entry.name });
  }
  for (const entry of zip.entries) {
    if (entry.name !== EntryName.manifest && !listed.has(entry.name)) throw mismatch(`${entry.name} is not listed in the manifest.`, { entry: entry.name });
  }
  for (const name of REQUIRED_ENTRIES) if (!listed.has(name)) throw mismatch(`${name} is missing.`, { entry: name });
  const chunks = { messages: 0, files: 0 };
  const records = { messages: 0, files: 0 };
  for (const entry of manifest.entries) {
    const kind = chunkKind(entry.name);
    if (kind) {
      chunks[kind.kind] += 1;
      if (kind.index !== chunks[kind.kind]) throw mismatch(`${entry.name} is out of sequence.`, { entry: entry.name });
      records[kind.kind] += entry.records;
      if (kind.kind === 'messages' && (!entry.firstMessage || !entry.lastMessage)) throw mismatch(`${entry.name} lacks its first and last message keys.`);
    } else if (!(REQUIRED_ENTRIES as string[]).includes(entry.name)) {
      throw mismatch(`${entry.name} is not an entry of format version ${FORMAT_VERSION}.`, { entry: entry.name });
    }
  }
  const recordsOf = (name: string) => listed.get(name)?.records ?? 0;
  const c = manifest.counts;
  const expected: [string, number, number][] = [
    ['principals', c.principals, recordsOf(EntryName.users) + recordsOf(EntryName.groups)],
    ['affiliations', c.affiliations, recordsOf(EntryName.affiliations)],
    ['rooms', c.rooms, recordsOf(EntryName.chatRooms)],
    ['categories', c.categories, recordsOf(EntryName.categories)],
    ['addins', c.addins, recordsOf(EntryName.addins)],
    ['messages', c.messages, records.messages],
    ['fileReferences', c.fileReferences, records.files],
  ];
  for (const [what, counted, inEntries] of expected) {
    if (counted !== inEntries) throw mismatch(`the manifest counts ${counted} ${what}, its entries ${inEntries}.`, { what, counted, inEntries });
  }
  const kept = manifest.months.reduce((n, m) => n + m.kept, 0);
  if (kept !== c.messages) throw mismatch(`the months add up to ${kept} exported messages, the package holds ${c.messages}.`);
  const level = levelContents(manifest.level);
  const forbidden: [string, number, boolean][] = [
    ['categories', c.categories, level.categories],
    ['rooms', c.rooms, level.rooms],
    ['add-ins', c.addins, level.addins],
    ['messages', c.messages, level.messages],
    ['roles', c.roles, level.categorySettings || level.roomSettings],
    ['scope rows', c.scopes, level.categorySettings || level.roomSettings],
  ];
  for (const [what, n, allowed] of forbidden) {
    if (!allowed && n > 0) throw mismatch(`level ${manifest.level} carries no ${what}, yet the package holds ${n}.`, { level: manifest.level, what });
  }
}

class PackageReader implements MigrationPackage {
  private categoriesDocument?: Promise<{ categories: CategoryRecord[] }>;

  constructor(
    private readonly zip: ZipReader,
    private readonly access: RandomAccess,
    readonly manifest: PackageManifest,
    private readonly label: string,
  ) {}

  async info(): Promise<SourceInfo> {
    const m = this.manifest;
    return {
      flavour: m.source.flavour,
      schemaVersion: m.source.schemaVersion,
      origin: m.source.origin,
      level: m.level,
      scope: m.scope,
      startDate: m.startDate === null ? null : BigInt(m.startDate),
      messagesCut: new Map(m.messagesCut.map((c) => [c.roomId, c.count])),
      months: m.months,
    };
  }

  private entry(name: string): { zip: ZipEntry; manifest: ManifestEntry } {
    const manifest = this.manifest.entries.find((e) => e.name === name);
    const zip = this.zip.find(name);
    if (!manifest || !zip) throw pkgErrors.create('PCMIG-PKG-013', { message: `${this.label}: ${name} is missing.`, target: this.label });
    return { zip, manifest };
  }

  readEntry(name: string): AsyncIterable<Buffer> {
    return this.stream(name);
  }

  private stream(name: string): AsyncIterable<Buffer> {
    const { zip, manifest } = this.entry(name);
    return this.zip.read(zip, manifest.sha256);
  }

  private async whole(name: string, limit: number): Promise<Buffer> {
    const { zip, manifest } = this.entry(name);
    return this.zip.readWhole(zip, limit, manifest.sha256);
  }

  private async *xml<T>(shape: XmlShape, decode: (node: Parameters<typeof decodePrincipal>[0]) => T, key: (item: T) => number): AsyncIterable<T[]> {
    let last = -Infinity;
    for await (const nodes of readXmlRecords(this.stream(shape.entry), shape)) {
      const items = nodes.map(decode);
      for (const item of items) {
        const k = key(item);
        if (k <= last) throw this.outOfOrder(shape.entry, k);
        last = k;
      }
      yield items;
    }
  }

  principals(): AsyncIterable<Principal[]> {
    return mergeSorted(
      this.xml(XmlShapes.users, (n) => decodePrincipal(n, XmlShapes.users), (p) => p.id),
      this.xml(XmlShapes.groups, (n) => decodePrincipal(n, XmlShapes.groups), (p) => p.id),
      (p) => p.id,
    );
  }

  async *affiliations(): AsyncIterable<Affiliation[]> {
    for await (const users of this.xml(XmlShapes.affiliations, decodeAffiliations, (rows) => (rows[0] as Affiliation).principalId)) {
      const rows = users.flat();
      for (const user of users) {
        for (let i = 1; i < user.length; i += 1) {
          const a = user[i - 1] as Affiliation;
          const b = user[i] as Affiliation;
          if (a.affiliationId > b.affiliationId || (a.affiliationId === b.affiliationId && a.index >= b.index)) throw this.outOfOrder(XmlShapes.affiliations.entry, b.principalId);
        }
      }
      yield rows;
    }
  }

  private document() {
    this.categoriesDocument ??= this.whole(EntryName.categories, PACKAGE_LIMITS.jsonEntryBytes).then((bytes) => {
      const doc = parseJsonDocument(bytes, EntryName.categories, categoriesFileSchema);
      doc.categories.forEach((c, i) => {
        if (i > 0 && c.id <= (doc.categories[i - 1] as { id: number }).id) throw this.outOfOrder(EntryName.categories, c.id);
      });
      return doc;
    });
    return this.categoriesDocument;
  }

  async categories(): Promise<SourceCategory[]> {
    const doc = await this.document();
    return doc.categories.map(({ context: _context, roles: _roles, scope: _scope, ...category }) => category);
  }

  private async *roomRecords(): AsyncIterable<DecodedRoom[]> {
    yield* this.xml(XmlShapes.chatRooms, decodeChatRoom, (r) => r.room.id);
  }

  async rooms(): Promise<SourceRoom[]> {
    const rooms: SourceRoom[] = [];
    // Only the rooms are kept; the parsed XML of their roles and scopes is garbage, collected as it grows.
    for await (const batch of withHeapRelief(this.roomRecords())) for (const r of batch) rooms.push(r.room);
    return rooms;
  }

  /** Category rows (in memory: categories are few) merged in node order with the rooms' rows (streamed). */
  private async *nodeRows<T extends { nodeId: number }>(ofCategory: (c: CategoryRecord) => T[], ofRoom: (r: DecodedRoom) => T[]): AsyncIterable<T[]> {
    const doc = await this.document();
    const categoryRows = doc.categories.flatMap((c) => ofCategory(c));
    let next = 0;
    for await (const batch of this.roomRecords()) {
      const out: T[] = [];
      for (const room of batch) {
        while (next < categoryRows.length && (categoryRows[next] as T).nodeId < room.room.id) out.push(categoryRows[next++] as T);
        out.push(...ofRoom(room));
      }
      if (out.length > 0) yield out;
    }
    if (next < categoryRows.length) yield categoryRows.slice(next);
  }

  roles(): AsyncIterable<RoleAssignment[]> {
    return this.nodeRows(
      (c) => c.roles.map((r) => ({ nodeId: c.id, principalId: r.principalId, role: r.role })),
      (r) => r.roles,
    );
  }

  scopes(): AsyncIterable<ScopeEntry[]> {
    return this.nodeRows(
      (c) => c.scope.map((s) => ({ nodeId: c.id, principalId: s.principalId, denied: s.denied })),
      (r) => r.scope,
    );
  }

  async addins(): Promise<Addin[]> {
    const bytes = await this.whole(EntryName.addins, PACKAGE_LIMITS.jsonEntryBytes);
    return parseJsonDocument(bytes, EntryName.addins, addinsFileSchema).addins;
  }

  async *messages(): AsyncIterable<Message[]> {
    const order = new MessageOrder();
    for await (const { entry, bytes } of this.chunks('messages')) {
      const messages = parseMessageChunk(bytes, entry.name);
      if (messages.length !== entry.records) throw this.countMismatch(entry, messages.length);
      for (const m of messages) if (!order.next(m.roomId, m.chatId)) throw this.outOfOrder(entry.name, m.roomId);
      this.checkChunkKeys(entry, messages[0], messages.at(-1));
      yield messages;
    }
  }

  /** messages() for the planner's scan: the same lines, checks and errors, as digests. */
  async messageDigests(wanted: (roomId: number) => boolean): Promise<AsyncIterable<MessageDigest | ChannelCount>> {
    return this.digests(wanted);
  }

  private async *digests(wanted: (roomId: number) => boolean): AsyncIterable<MessageDigest | ChannelCount> {
    const order = new MessageOrder();
    const digester = new ChunkDigester();
    for await (const { entry, bytes } of this.chunks('messages')) {
      const { digests, lines } = digester.digest(bytes, entry.name, entry.records);
      if (lines !== entry.records) throw this.countMismatch(entry, lines);
      for (const digest of digests) {
        for (const chatId of digest.chatIds) if (!order.next(digest.roomId, chatId)) throw this.outOfOrder(entry.name, digest.roomId);
      }
      const first = digests[0];
      const final = digests.at(-1);
      this.checkChunkKeys(entry, first && { roomId: first.roomId, chatId: first.chatIds[0] as number }, final && { roomId: final.roomId, chatId: final.chatIds[final.count - 1] as number });
      for (const digest of digests) yield wanted(digest.roomId) ? digest : { channelId: digest.roomId, count: digest.count };
    }
  }

  private checkChunkKeys(entry: ManifestEntry, first: MessageKey | undefined, final: MessageKey | undefined): void {
    if (
      !first ||
      !final ||
      first.roomId !== entry.firstMessage?.roomId ||
      first.chatId !== entry.firstMessage.chatId ||
      final.roomId !== entry.lastMessage?.roomId ||
      final.chatId !== entry.lastMessage.chatId
    ) {
      throw pkgErrors.create('PCMIG-PKG-013', { message: `${this.label}: ${entry.name} does not start and end with the messages its manifest entry names.`, target: entry.name });
    }
  }

  async *fileReferences(): AsyncIterable<FileReference[]> {
    for await (const { entry, bytes } of this.chunks('files')) {
      const references = parseChunkLines(bytes, entry.name, fileReferenceLineSchema);
      if (references.length !== entry.records) throw this.countMismatch(entry, references.length);
      yield references;
    }
  }

  /**
   * The chunk entries of one kind, whole and verified, in order. The next chunk is read (and
   * inflated, off the main thread) while the caller works on the current one.
   */
  private async *chunks(kind: 'messages' | 'files'): AsyncIterable<{ entry: ManifestEntry; bytes: Buffer }> {
    const entries = this.manifest.entries.filter((e) => chunkKind(e.name)?.kind === kind);
    const read = (entry: ManifestEntry) => {
      const bytes = this.whole(entry.name, PACKAGE_LIMITS.chunkEntryBytes);
      // Awaited below; a caller that stops early must not leave an unhandled rejection behind.
      bytes.catch(() => undefined);
      return bytes;
    };
    let next = entries[0] ? read(entries[0]) : undefined;
    for (let i = 0; i < entries.length; i += 1) {
      const bytes = await (next as Promise<Buffer>);
      next = i + 1 < entries.length ? read(entries[i + 1] as ManifestEntry) : undefined;
      yield { entry: entries[i] as ManifestEntry, bytes };
    }
  }

  async verify(options: { deep?: boolean; onProgress?: ProgressListener } = {}): Promise<void> {
    const progress = throttleProgress(options.onProgress);
    const activity = 'Verify package';
    const total = this.manifest.entries.reduce((n, e) => n + e.size, 0);
    let done = 0;
    for (const entry of this.manifest.entries) {
      for await (const piece of this.stream(entry.name)) {
        done += piece.length;
        progress({ activity, status: `Checking ${entry.name}`, current: done, total, percentComplete: Math.floor((100 * done) / Math.max(1, total)) });
      }
    }
    if (options.deep) {
      progress({ activity, status: 'Reading every record', percentComplete: 99 });
      const c = this.manifest.counts;
      const tally = async <T>(stream: AsyncIterable<T[]>) => {
        let n = 0;
        for await (const batch of stream) n += batch.length;
        return n;
      };
      const actual: [string, number, number][] = [
        ['principals', c.principals, await tally(this.principals())],
        ['affiliations', c.affiliations, await tally(this.affiliations())],
        ['categories', c.categories, (await this.categories()).length],
        ['rooms', c.rooms, (await this.rooms()).length],
        ['roles', c.roles, await tally(this.roles())],
        ['scopes', c.scopes, await tally(this.scopes())],
        ['addins', c.addins, (await this.addins()).length],
        ['messages', c.messages, await tally(this.messages())],
        ['fileReferences', c.fileReferences, await tally(this.fileReferences())],
      ];
      for (const [what, counted, read] of actual) {
        if (counted !== read) throw pkgErrors.create('PCMIG-PKG-013', { message: `${this.label}: the manifest counts ${counted} ${what}; the entries hold ${read}.`, target: this.label, reason: { what, counted, read } });
      }
    }
    progress({ activity, status: 'Package verified', percentComplete: 100, completed: true });
  }

  async close(): Promise<void> {
    await this.access.close();
  }

  private outOfOrder(entry: string, key: number) {
    return pkgErrors.create('PCMIG-PKG-010', {
      message: `${this.label}: ${entry} holds its records out of order (at ${key}).`,
      target: entry,
      reason: { entry, key, problem: 'records must be in ascending key order' },
    });
  }

  private countMismatch(entry: ManifestEntry, actual: number) {
    return pkgErrors.create('PCMIG-PKG-013', {
      message: `${this.label}: ${entry.name} holds ${actual} records; the manifest says ${entry.records}.`,
      target: entry.name,
      reason: { entry: entry.name, records: entry.records, actual },
    });
  }
}

/** Messages come by room, then chatId, each key above the one before. */
class MessageOrder {
  private roomId = -Infinity;
  private chatId = -Infinity;

  /** Takes the next key; false when it is not above the last one. */
  next(roomId: number, chatId: number): boolean {
    if (roomId < this.roomId || (roomId === this.roomId && chatId <= this.chatId)) return false;
    this.roomId = roomId;
    this.chatId = chatId;
    return true;
  }
}
