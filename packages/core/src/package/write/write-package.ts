import { PRODUCT_NAMES } from '../../model/constants.js';
import { addinSchema, roleAssignmentSchema, scopeEntrySchema, sourceCategorySchema, sourceRoomSchema, type RoleAssignment, type ScopeEntry } from '../../model/node.js';
import { affiliationSchema, principalSchema, type Affiliation } from '../../model/principal.js';
import { throttleProgress, type ProgressListener } from '../../model/progress.js';
import type { SourceData, SourceInfo } from '../../model/source-data.js';
import { withHeapRelief } from '../../runtime/heap-relief.js';
import { pkgErrors } from '../errors.js';
import { addinRecord, categoryRecord, jsonDocument } from '../format/json-records.js';
import { EntryName, FORMAT_NAME, FORMAT_VERSION } from '../format/package-layout.js';
import { manifestSchema, type ManifestEntry, type PackageManifest } from '../format/package-manifest.js';
import { affiliationElement, chatRoomElement, isUserFile, principalElement, XmlShapes } from '../format/xml-records.js';
import { closeDocument, openDocument } from '../xml/write-xml.js';
import { ZipWriter, type WrittenEntry } from '../zip/zip-writer.js';
import type { ZipSink } from '../zip/zip-sink.js';
import { hasMessagePages, pagesOf } from './message-pages.js';
import { NodeGroups } from './node-groups.js';
import { checkedRecord } from './checked-record.js';
import { settledLater } from './settled-later.js';
import { exporterVersion } from './package-version.js';
import { writeMessageChunks } from './write-message-chunks.js';

/**
 * zlib level for every entry: zlib's default, 6. Measured (docs/package-format.md, "Compression"):
 * on generated chat text it makes packages 14% smaller than level 1, and its deflate (about
 * 2 µs per message on one core) runs beside the reading thread, which costs about as much.
 */
export const DEFAULT_COMPRESSION_LEVEL = 6;

export interface WritePackageOptions {
  /** zlib level 0–9 (default DEFAULT_COMPRESSION_LEVEL). The level changes the bytes, never the content. */
  readonly compressionLevel?: number;
  /** Categories present only as ancestors of the -Scope. Default: the source's own (a package), else none. */
  readonly contextCategoryIds?: readonly number[];
  /** Write ZIP64 records even where nothing needs them (compatibility tests). */
  readonly forceZip64?: boolean;
  readonly onProgress?: ProgressListener;
  /** The activity named in progress events (default "Write package"). */
  readonly activity?: string;
}

export interface WritePackageResult {
  readonly manifest: PackageManifest;
  /** Bytes of the whole package. */
  readonly size: number;
}

const PROGRESS_SHARE_OF_MESSAGES = 90;

/**
 * Writes any SourceData (a pool database seen through the exporter's selection, or another
 * package) as a package: Microsoft's four XML files, then pcmig's categories, add-ins, message
 * and file-reference chunks, then the manifest with every entry's SHA-256. The same source gives
 * the same bytes. The sink is closed at the end; after a failure the caller discards it.
 */
export async function writePackage(source: SourceData, sink: ZipSink, options: WritePackageOptions = {}): Promise<WritePackageResult> {
  const level = options.compressionLevel ?? DEFAULT_COMPRESSION_LEVEL;
  if (!Number.isInteger(level) || level < 0 || level > 9) throw new RangeError(`Compression level ${level} is not 0–9`);
  const activity = options.activity ?? 'Write package';
  const progress = throttleProgress(options.onProgress);
  const zip = new ZipWriter(sink, { level, ...(options.forceZip64 ? { forceZip64: true } : {}) });
  const written: Promise<ManifestEntry>[] = [];
  const recordsOf = (entry: Promise<WrittenEntry>, records: number) =>
    settledLater(entry.then((w): ManifestEntry => ({ name: w.name, size: w.size, sha256: w.sha256, records })));

  // A page source that counts its messages beforehand tells its months only after its pages (MessagePageSource.messageCount).
  const counted = hasMessagePages(source) && source.messageCount ? await source.messageCount() : null;
  const early = counted === null ? await source.info() : null;
  const categories = [...(await source.categories())].sort((a, b) => a.id - b.id);
  const rooms = [...(await source.rooms())].sort((a, b) => a.id - b.id);
  const categoryIds = new Set(categories.map((c) => c.id));
  const roomIds = new Set(rooms.map((r) => r.id));
  const context = new Set(options.contextCategoryIds ?? contextOf(source));
  const referenced = new Set<number>();
  const present = new Set<number>();
  const totalMessages = counted ?? (early as SourceInfo).months.reduce((n, m) => n + m.kept, 0);
  progress({ activity, status: 'Principals', percentComplete: 0 });

  // AdUsers.xml and AdGroups.xml in one pass over the principals, each file in id order: the
  // users stream into AdUsers.xml, the groups' text waits, batch by batch, for AdGroups.xml (the
  // same writeText calls as a pass of its own would make, so the same bytes).
  let principals = 0;
  {
    const users = zip.open(XmlShapes.users.entry);
    await users.writeText(openDocument(XmlShapes.users.container));
    const groupBatches: string[] = [];
    let userRecords = 0;
    let groupRecords = 0;
    let lastId = 0;
    for await (const batch of withHeapRelief(source.principals())) {
      let userText = '';
      let groupText = '';
      for (const principal of batch) {
        if (principal.id <= lastId) {
          throw pkgErrors.create('PCMIG-PKG-017', {
            message: `The source returned principal ${principal.id} after ${lastId}; principals must come in id order, each once.`,
            reason: { rows: 'principals', principalId: principal.id },
          });
        }
        lastId = principal.id;
        checkedRecord(principalSchema, principal, `Principal ${principal.id}`);
        present.add(principal.id);
        if (isUserFile(principal)) {
          userText += principalElement(principal);
          userRecords += 1;
        } else {
          groupText += principalElement(principal);
          groupRecords += 1;
        }
      }
      await users.writeText(userText);
      groupBatches.push(groupText);
    }
    await users.writeText(closeDocument(XmlShapes.users.container));
    await users.close();
    written.push(recordsOf(users.written, userRecords));

    const groups = zip.open(XmlShapes.groups.entry);
    await groups.writeText(openDocument(XmlShapes.groups.container));
    for (const text of groupBatches) await groups.writeText(text);
    await groups.writeText(closeDocument(XmlShapes.groups.container));
    await groups.close();
    written.push(recordsOf(groups.written, groupRecords));
    principals = userRecords + groupRecords;
  }

  // AdAffiliations.xml: one User per principal, its rows as Groups/Group.
  let affiliations = 0;
  {
    const entry = zip.open(XmlShapes.affiliations.entry);
    await entry.writeText(openDocument(XmlShapes.affiliations.container));
    let current: Affiliation[] = [];
    let text = '';
    const element = () => {
      if (current.length > 0) text += affiliationElement((current[0] as Affiliation).principalId, current);
      current = [];
    };
    for await (const batch of withHeapRelief(source.affiliations())) {
      for (const row of batch) {
        checkedRecord(affiliationSchema, row, `Affiliation ${row.principalId} → ${row.affiliationId}`);
        const last = current.at(-1);
        if (last && last.principalId !== row.principalId) {
          if (row.principalId < last.principalId) {
            throw pkgErrors.create('PCMIG-PKG-017', {
              message: `The source returned affiliations of principal ${row.principalId} after those of ${last.principalId}; they must come in principal order.`,
              reason: { rows: 'affiliations', principalId: row.principalId },
            });
          }
          element();
        }
        current.push(row);
        affiliations += 1;
      }
      await entry.writeText(text);
      text = '';
    }
    element();
    await entry.writeText(text);
    await entry.writeText(closeDocument(XmlShapes.affiliations.container));
    await entry.close();
    written.push(recordsOf(entry.written, affiliations));
  }
  progress({ activity, status: 'Rooms', percentComplete: 2 });

  // ChatRooms.xml: every room with its roles (streamed in node order alongside the rooms) and
  // scope rows (gathered first: they are few, and a database source runs one stream at a time).
  let roles = 0;
  let scopes = 0;
  const count = <T extends RoleAssignment | ScopeEntry>(rows: T[]) => {
    for (const row of rows) {
      if ('role' in row) checkedRecord(roleAssignmentSchema, row, `Role ${row.role} of ${row.principalId} on node ${row.nodeId}`);
      else checkedRecord(scopeEntrySchema, row, `Scope row of ${row.principalId} on node ${row.nodeId}`);
      referenced.add(row.principalId);
    }
    return rows;
  };
  const scopeRows = await scopesByNode(source, (id) => categoryIds.has(id) || roomIds.has(id));
  const categoryRoleRows = new Map<number, RoleAssignment[]>();
  {
    const entry = zip.open(XmlShapes.chatRooms.entry);
    await entry.writeText(openDocument(XmlShapes.chatRooms.container));
    // One pass over the roles: the categories' rows are kept for categories.json (categories are few).
    const roomRoles = new NodeGroups(withHeapRelief(source.roles()), 'roles', (row) => {
      if (!categoryIds.has(row.nodeId)) return false;
      const rows = categoryRoleRows.get(row.nodeId) ?? [];
      rows.push(row);
      categoryRoleRows.set(row.nodeId, rows);
      return true;
    });
    for (const room of rooms) {
      checkedRecord(sourceRoomSchema, room, `Room ${room.id}`);
      const r = count(await roomRoles.rowsOf(room.id));
      const s = count(scopeRows.get(room.id) ?? []);
      roles += r.length;
      scopes += s.length;
      await entry.writeText(chatRoomElement(room, r, s));
    }
    await roomRoles.finish();
    await entry.writeText(closeDocument(XmlShapes.chatRooms.container));
    await entry.close();
    written.push(recordsOf(entry.written, rooms.length));
  }

  // pcmig/categories.json: the tree with settings, roles and scope rows.
  {
    const entry = zip.open(EntryName.categories);
    const records: unknown[] = [];
    for (const category of categories) {
      checkedRecord(sourceCategorySchema, category, `Category ${category.id}`);
      const r = count(categoryRoleRows.get(category.id) ?? []);
      const s = count(scopeRows.get(category.id) ?? []);
      roles += r.length;
      scopes += s.length;
      records.push(categoryRecord(category, context.has(category.id), r, s));
    }
    await entry.writeText(jsonDocument({ categories: records }));
    await entry.close();
    written.push(recordsOf(entry.written, categories.length));
  }

  // pcmig/addins.json
  const addins = await source.addins();
  for (const addin of addins) checkedRecord(addinSchema, addin, `Add-in ${addin.id}`);
  {
    const entry = zip.open(EntryName.addins);
    await entry.writeText(jsonDocument({ addins: addins.map(addinRecord) }));
    await entry.close();
    written.push(recordsOf(entry.written, addins.length));
  }
  progress({ activity, status: 'Messages', percentComplete: 5, current: 0, total: totalMessages });

  // Message and file-reference chunks.
  const chunks = await writeMessageChunks(zip, pagesOf(source), (done) =>
    progress({
      activity,
      status: `Messages: ${done.toLocaleString('en-US')} of ${totalMessages.toLocaleString('en-US')}`,
      percentComplete: Math.min(99, 5 + Math.floor((PROGRESS_SHARE_OF_MESSAGES * done) / Math.max(1, totalMessages))),
      current: done,
      total: totalMessages,
    }),
  );
  written.push(...chunks.entries);
  for (const id of chunks.authorIds) referenced.add(id);
  if (hasMessagePages(source) && source.messageAuthors) for (const id of await source.messageAuthors()) referenced.add(id);
  const info = early ?? (await source.info());
  const monthsKept = info.months.reduce((n, m) => n + m.kept, 0);
  if (chunks.messages !== totalMessages || monthsKept !== chunks.messages) {
    const counted = chunks.messages !== totalMessages ? totalMessages : monthsKept;
    throw pkgErrors.create('PCMIG-PKG-017', {
      message: `The source counted ${counted} messages to export and then returned ${chunks.messages}.`,
      reason: { counted, returned: chunks.messages },
    });
  }

  const entries = await Promise.all(written);
  const manifest: PackageManifest = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    exporter: { product: 'pcmig', version: exporterVersion() },
    source: { flavour: info.flavour, product: PRODUCT_NAMES[info.flavour], schemaVersion: info.schemaVersion, origin: info.origin },
    level: info.level,
    scope: info.scope === null ? null : [...info.scope],
    contextCategoryIds: [...context].filter((id) => categoryIds.has(id)).sort((a, b) => a - b),
    startDate: info.startDate === null ? null : info.startDate.toString(),
    counts: {
      principals,
      affiliations,
      categories: categories.length,
      rooms: rooms.length,
      roles,
      scopes,
      addins: addins.length,
      messages: chunks.messages,
      fileReferences: chunks.fileReferences,
    },
    messagesCut: [...info.messagesCut].filter(([, n]) => n > 0).sort(([a], [b]) => a - b).map(([roomId, n]) => ({ roomId, count: n })),
    months: info.months.map((m) => ({ month: m.month, kept: m.kept, cut: m.cut })),
    unknownPrincipalIds: [...referenced].filter((id) => !present.has(id)).sort((a, b) => a - b),
    entries,
  };
  // The manifest is checked by the schema a reader will use: a package pcmig writes, pcmig reads.
  manifestSchema.parse(manifest);
  const entry = zip.open(EntryName.manifest);
  await entry.writeText(jsonDocument(manifest));
  await entry.close();
  await entry.written;
  const { size } = await zip.finish();
  await sink.close();
  progress({ activity, status: 'Package written', percentComplete: 100, completed: true });
  return { manifest, size };
}

/** Scope rows per node, in the source's order; rows of unknown nodes are an error. */
async function scopesByNode(source: SourceData, isKnownNode: (id: number) => boolean): Promise<Map<number, ScopeEntry[]>> {
  const byNode = new Map<number, ScopeEntry[]>();
  let last = -1;
  for await (const batch of source.scopes()) {
    for (const row of batch) {
      if (!isKnownNode(row.nodeId) || row.nodeId < last) {
        throw pkgErrors.create('PCMIG-PKG-017', {
          message: `The source returned scope rows of node ${row.nodeId} ${row.nodeId < last ? `after node ${last}` : 'which is neither an exported category nor an exported room'}.`,
          reason: { rows: 'scope rows', nodeId: row.nodeId },
        });
      }
      last = row.nodeId;
      const rows = byNode.get(row.nodeId) ?? [];
      rows.push(row);
      byNode.set(row.nodeId, rows);
    }
  }
  return byNode;
}

function contextOf(source: SourceData): readonly number[] {
  const manifest = (source as { manifest?: PackageManifest }).manifest;
  return manifest?.contextCategoryIds ?? [];
}
