import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { Message } from '../model/message.js';
import { throttleProgress, type ProgressListener } from '../model/progress.js';
import type { SourceData } from '../model/source-data.js';
import { dateToTicks, isoToTicks, MAX_TICKS, TICKS_PER_DAY, ticksToDate, ticksToIso, type Ticks } from '../model/ticks.js';
import type { ChannelCount, MessageDigest } from '../model/message-digest.js';
import { relieveHeap, withHeapRelief } from '../runtime/heap-relief.js';

/**
 * A room's content hash, computed the same way over the source (planner) and over the target
 * (verification): SHA-256 over each message's legacy chatId, ticks, the author's objectGUID,
 * alert flag, RTF and content, in chatId order, with separators no field can contain
 * ambiguously (content last, record ended by U+001E after a length prefix).
 */
export class RoomHasher {
  private readonly hash = crypto.createHash('sha256');
  private parts: string[] = [];
  private pending = 0;

  add(chatId: number, timestamp: Ticks, authorGuid: string, isAlert: boolean, content: string, rtf: string | null): void {
    const rtfPart = rtf === null ? '-' : `${rtf.length}:${rtf}`;
    const part = `${chatId}|${timestamp}|${authorGuid}|${isAlert ? 1 : 0}|${rtfPart}|${content.length}:${content}\u001e`;
    this.parts.push(part);
    this.pending += part.length;
    // Hash in large pieces: one update per message costs more than the hashing itself.
    if (this.pending > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    this.hash.update(this.parts.join(''), 'utf8');
    this.parts = [];
    this.pending = 0;
  }

  digest(): string {
    this.flush();
    return this.hash.digest('hex');
  }
}

/**
 * A room's identity for the import ledger: cheap enough to compute on every plan (CRC-32 of the
 * contents, and two 32-bit mixes of chatIds, authors, alerts and time stamps). It only has to
 * tell one source from another; the verification's content hash is RoomHasher.
 */
export class RoomFingerprint {
  private crc = 0;
  private a = 0x2545f491;
  private b = 0x6b43a9b5;
  /** Texts not yet in the CRC: one crc32 call per 64 Ki characters, not per message. */
  private texts: string[] = [];
  private pending = 0;

  add(chatId: number, timestamp: Ticks, authorId: number, isAlert: boolean, content: string, rtf: string | null): void {
    this.text(content);
    if (rtf !== null) this.text(rtf);
    // A double is enough for a mix (it rounds ticks to 128 × 100 ns) and allocates no BigInt.
    this.mix(chatId, Number(timestamp), authorId, isAlert, rtf !== null, content.length);
  }

  /** The texts of messages (content, then RTF when present, each message in turn) in UTF-8: what add() feeds the CRC. */
  addTexts(bytes: Uint8Array): void {
    this.flush();
    this.crc = zlib.crc32(bytes, this.crc);
  }

  /**
   * The CRC of texts joined is that of the texts one after another (crc32(b, crc32(a)) =
   * crc32(a + b)) — unless joining pairs a lone high surrogate with a lone low one, which UTF-8
   * would then encode as one character: such a text is not joined to the one before.
   */
  private text(value: string): void {
    if (value.length === 0) return;
    const first = value.charCodeAt(0);
    if (first >= 0xdc00 && first <= 0xdfff) this.flush();
    this.texts.push(value);
    this.pending += value.length;
    const last = value.charCodeAt(value.length - 1);
    if (this.pending >= 1 << 16 || (last >= 0xd800 && last <= 0xdbff)) this.flush();
  }

  private flush(): void {
    if (this.texts.length === 0) return;
    this.crc = zlib.crc32(this.texts.length === 1 ? (this.texts[0] as string) : this.texts.join(''), this.crc);
    this.texts = [];
    this.pending = 0;
  }

  /** The rest of add(), for a message whose texts go to addTexts(); `ticks` is Number(timestamp). */
  mix(chatId: number, ticks: number, authorId: number, isAlert: boolean, hasRtf: boolean, contentLength: number): void {
    this.a = (Math.imul(this.a ^ chatId, 0x9e3779b1) + Math.imul(authorId + 1, 0x85ebca6b) + (isAlert ? 1 : 0) + (hasRtf ? 2 : 0)) | 0;
    this.b = (Math.imul(this.b ^ (ticks % 4294967296), 0xc2b2ae35) + Math.floor(ticks / 4294967296) + contentLength) | 0;
  }

  digest(): string {
    this.flush();
    return [this.crc, this.a >>> 0, this.b >>> 0].map((n) => n.toString(16).padStart(8, '0')).join('');
  }
}

export interface RoomScan {
  count: number;
  firstChatId: number | null;
  lastChatId: number | null;
  fingerprint: string;
  /** SHA-256 content hash (RoomHasher), when the scan was asked for it; else ''. */
  hash: string;
}

export interface ProblemTally {
  count: number;
  samples: number[];
}

export interface MessageScan {
  readonly rooms: ReadonlyMap<number, RoomScan>;
  /** Messages whose room the source does not contain, per room id. */
  readonly unknownRooms: ReadonlyMap<number, number>;
  /** Per room, per unknown author id. */
  readonly unknownAuthors: ReadonlyMap<number, ReadonlyMap<number, ProblemTally>>;
  /** Per room. */
  readonly impossibleTimestamps: ReadonlyMap<number, ProblemTally & { earliest: string; latest: string }>;
  readonly outOfOrder: readonly { roomId: number; chatId: number; previousRoomId: number; previousChatId: number }[];
  /** Per room, the principal ids that posted in it. */
  readonly authors: ReadonlyMap<number, ReadonlySet<number>>;
  readonly total: number;
  /** Messages per UTC month ('YYYY-MM'), in rooms that migrate and in rooms that do not (R7). */
  readonly months: ReadonlyMap<string, { migrated: number; notMigrated: number }>;
  /** SHA-256 over every room's scan: the messages' part of the source fingerprint. */
  readonly fingerprint: string;
}

/** Decision: Group Chat's predecessor shipped in 2000; anything older is a broken clock or a broken export. */
export const EARLIEST_PLAUSIBLE_TICKS = isoToTicks('2000-01-01T00:00:00Z');
/** A day of tolerance for clock skew between the legacy servers and this machine. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;
const SAMPLE_SIZE = 5;

/**
 * Reads every message once, without keeping any: per-room counts, chatId range and content
 * hash, and everything wrong with them. Memory is bounded by the number of rooms, not messages.
 */
export async function scanMessages(
  source: SourceData,
  context: {
    readonly knownRooms: ReadonlySet<number>;
    /** Whether a room's messages migrate (for the per-month tally). */
    readonly migrates: (roomId: number) => boolean;
    readonly knownAuthor: (principalId: number) => boolean;
    /** The objectGUID hashed for an author (content hash only). */
    readonly authorGuid: (principalId: number) => string | undefined;
    readonly now: Date;
    readonly onProgress?: ProgressListener;
    readonly activity: string;
    /** Compute each room's SHA-256 content hash (verification); the import needs only the fingerprint. */
    readonly contentHash?: boolean;
  },
): Promise<MessageScan> {
  if (!context.contentHash && source.messageDigests) {
    const digests = await source.messageDigests((id) => context.knownRooms.has(id));
    if (digests) return scanDigests(digests, context);
  }
  const latestPlausible = dateToTicks(new Date(context.now.getTime() + FUTURE_TOLERANCE_MS));
  const rooms = new Map<number, RoomScan>();
  const unknownRooms = new Map<number, number>();
  const unknownAuthors = new Map<number, Map<number, ProblemTally>>();
  const impossible = new Map<number, ProblemTally & { earliest: string; latest: string }>();
  const outOfOrder: { roomId: number; chatId: number; previousRoomId: number; previousChatId: number }[] = [];
  const authors = new Map<number, Set<number>>();
  const months = new Map<string, { migrated: number; notMigrated: number }>();
  const progress = throttleProgress(context.onProgress);
  let total = 0;
  let previous: Message | undefined;
  let current: { roomId: number; scan: RoomScan; fingerprint: RoomFingerprint; hasher: RoomHasher | undefined; authors: Set<number>; migrates: boolean } | undefined;
  let month: { from: Ticks; until: Ticks; tally: { migrated: number; notMigrated: number } } | undefined;
  const finishRoom = () => {
    if (current) {
      current.scan.fingerprint = current.fingerprint.digest();
      current.scan.hash = current.hasher?.digest() ?? '';
    }
    current = undefined;
  };

  for await (const batch of withHeapRelief(source.messages())) {
    for (const message of batch) {
      total += 1;
      if (previous && (message.roomId < previous.roomId || (message.roomId === previous.roomId && message.chatId <= previous.chatId))) {
        if (outOfOrder.length < 100) {
          outOfOrder.push({ roomId: message.roomId, chatId: message.chatId, previousRoomId: previous.roomId, previousChatId: previous.chatId });
        }
      }
      previous = message;
      if (!context.knownRooms.has(message.roomId)) {
        unknownRooms.set(message.roomId, (unknownRooms.get(message.roomId) ?? 0) + 1);
        continue;
      }
      if (current?.roomId !== message.roomId) {
        finishRoom();
        const existing = rooms.get(message.roomId);
        // A room met again (out of order) keeps counting; its hash is then meaningless and the order error blocks the import.
        const scan = existing ?? { count: 0, firstChatId: null, lastChatId: null, fingerprint: '', hash: '' };
        rooms.set(message.roomId, scan);
        let roomAuthors = authors.get(message.roomId);
        if (!roomAuthors) authors.set(message.roomId, (roomAuthors = new Set()));
        current = {
          roomId: message.roomId,
          scan,
          fingerprint: new RoomFingerprint(),
          hasher: context.contentHash ? new RoomHasher() : undefined,
          authors: roomAuthors,
          migrates: context.migrates(message.roomId),
        };
      }
      const scan = current.scan;
      scan.count += 1;
      scan.firstChatId ??= message.chatId;
      scan.lastChatId = message.chatId;
      current.authors.add(message.authorId);
      if (!context.knownAuthor(message.authorId)) {
        let perAuthor = unknownAuthors.get(message.roomId);
        if (!perAuthor) unknownAuthors.set(message.roomId, (perAuthor = new Map()));
        tally(perAuthor, message.authorId, message.chatId);
      }
      if (message.timestamp < EARLIEST_PLAUSIBLE_TICKS || message.timestamp > latestPlausible) {
        const iso = ticksToIso(message.timestamp);
        const entry = impossible.get(message.roomId) ?? { count: 0, samples: [], earliest: iso, latest: iso };
        entry.count += 1;
        if (entry.samples.length < SAMPLE_SIZE) entry.samples.push(message.chatId);
        if (iso < entry.earliest) entry.earliest = iso;
        if (iso > entry.latest) entry.latest = iso;
        impossible.set(message.roomId, entry);
      }
      if (!month || message.timestamp < month.from || message.timestamp >= month.until) {
        const bucket = monthBucket(message.timestamp);
        let tally = months.get(bucket.key);
        if (!tally) months.set(bucket.key, (tally = { migrated: 0, notMigrated: 0 }));
        month = { from: bucket.from, until: bucket.until, tally };
      }
      if (current.migrates) month.tally.migrated += 1;
      else month.tally.notMigrated += 1;
      current.fingerprint.add(message.chatId, message.timestamp, message.authorId, message.isAlert, message.content, message.rtf);
      current.hasher?.add(message.chatId, message.timestamp, context.authorGuid(message.authorId) ?? `unknown:${message.authorId}`, message.isAlert, message.content, message.rtf);
    }
    progress({ activity: context.activity, status: `Planning: ${total.toLocaleString('en-US')} messages read`, current: total });
  }
  finishRoom();
  return { rooms, unknownRooms, unknownAuthors, impossibleTimestamps: impossible, outOfOrder, authors, total, months, fingerprint: scanFingerprint(rooms, unknownRooms) };
}

function scanFingerprint(rooms: ReadonlyMap<number, RoomScan>, unknownRooms: ReadonlyMap<number, number>): string {
  const fingerprint = crypto.createHash('sha256');
  for (const [roomId, scan] of [...rooms].sort((a, b) => a[0] - b[0])) {
    fingerprint.update(`${roomId}:${scan.count}:${scan.firstChatId}:${scan.lastChatId}:${scan.fingerprint};`);
  }
  for (const [roomId, count] of [...unknownRooms].sort((a, b) => a[0] - b[0])) fingerprint.update(`?${roomId}:${count};`);
  return fingerprint.digest('hex');
}

/** A time stamp as (UTC day, ticks within it): exact in two numbers, ordered as a pair. */
function dayAndTicks(ticks: Ticks): readonly [number, number] {
  return [Number(ticks / TICKS_PER_DAY), Number(ticks % TICKS_PER_DAY)];
}

/**
 * scanMessages over SourceReader.messageDigests(): the same results, from numbers and joined
 * texts instead of Message objects (a test runs both ways over the same pools). Rows come in
 * (room, chatId) order, channels without a room only counted.
 */
async function scanDigests(digests: AsyncIterable<MessageDigest | ChannelCount>, context: Parameters<typeof scanMessages>[1]): Promise<MessageScan> {
  const [earliestDay, earliestTicks] = dayAndTicks(EARLIEST_PLAUSIBLE_TICKS);
  const [latestDay, latestTicks] = dayAndTicks(dateToTicks(new Date(context.now.getTime() + FUTURE_TOLERANCE_MS)));
  const dayTicks = Number(TICKS_PER_DAY);
  const rooms = new Map<number, RoomScan>();
  const unknownRooms = new Map<number, number>();
  const unknownAuthors = new Map<number, Map<number, ProblemTally>>();
  const impossible = new Map<number, ProblemTally & { earliest: string; latest: string }>();
  const authors = new Map<number, Set<number>>();
  const months = new Map<string, { migrated: number; notMigrated: number }>();
  const monthOfDay = new Map<number, { migrated: number; notMigrated: number }>();
  const progress = throttleProgress(context.onProgress);
  let total = 0;
  let current: { roomId: number; scan: RoomScan; fingerprint: RoomFingerprint; authors: Set<number>; migrates: boolean } | undefined;
  const finishRoom = () => {
    if (current) current.scan.fingerprint = current.fingerprint.digest();
    current = undefined;
  };
  const monthTally = (day: number) => {
    let tally = monthOfDay.get(day);
    if (!tally) {
      const key = ticksToIso(BigInt(day) * TICKS_PER_DAY).slice(0, 7);
      tally = months.get(key);
      if (!tally) months.set(key, (tally = { migrated: 0, notMigrated: 0 }));
      monthOfDay.set(day, tally);
    }
    return tally;
  };

  for await (const item of digests) {
    relieveHeap();
    if (!('chatIds' in item)) {
      unknownRooms.set(item.channelId, (unknownRooms.get(item.channelId) ?? 0) + item.count);
      total += item.count;
      continue;
    }
    const roomId = item.roomId;
    if (current?.roomId !== roomId) {
      finishRoom();
      const scan: RoomScan = { count: 0, firstChatId: null, lastChatId: null, fingerprint: '', hash: '' };
      rooms.set(roomId, scan);
      const roomAuthors = new Set<number>();
      authors.set(roomId, roomAuthors);
      current = { roomId, scan, fingerprint: new RoomFingerprint(), authors: roomAuthors, migrates: context.migrates(roomId) };
    }
    const room = current;
    const scan = room.scan;
    room.fingerprint.addTexts(item.text);
    let lastDay = Number.NaN;
    let month = { migrated: 0, notMigrated: 0 };
    for (let i = 0; i < item.count; i += 1) {
      const chatId = item.chatIds[i] as number;
      const authorId = item.authorIds[i] as number;
      const day = item.days[i] as number;
      const ticksOfDay = item.ticksOfDay[i] as number;
      scan.count += 1;
      scan.firstChatId ??= chatId;
      scan.lastChatId = chatId;
      room.authors.add(authorId);
      if (!context.knownAuthor(authorId)) {
        let perAuthor = unknownAuthors.get(roomId);
        if (!perAuthor) unknownAuthors.set(roomId, (perAuthor = new Map()));
        tally(perAuthor, authorId, chatId);
      }
      if (day < earliestDay || (day === earliestDay && ticksOfDay < earliestTicks) || day > latestDay || (day === latestDay && ticksOfDay > latestTicks)) {
        const iso = ticksToIso(BigInt(day) * TICKS_PER_DAY + BigInt(ticksOfDay));
        const entry = impossible.get(roomId) ?? { count: 0, samples: [], earliest: iso, latest: iso };
        entry.count += 1;
        if (entry.samples.length < SAMPLE_SIZE) entry.samples.push(chatId);
        if (iso < entry.earliest) entry.earliest = iso;
        if (iso > entry.latest) entry.latest = iso;
        impossible.set(roomId, entry);
      }
      if (day !== lastDay) {
        month = monthTally(day);
        lastDay = day;
      }
      if (room.migrates) month.migrated += 1;
      else month.notMigrated += 1;
      // Number(ticks), exactly as add() takes it: both parts are exact, the sum rounds once.
      room.fingerprint.mix(chatId, day * dayTicks + ticksOfDay, authorId, item.alerts[i] === 1, item.hasRtf[i] === 1, item.contentLengths[i] as number);
    }
    total += item.count;
    progress({ activity: context.activity, status: `Planning: ${total.toLocaleString('en-US')} messages read`, current: total });
  }
  finishRoom();
  return { rooms, unknownRooms, unknownAuthors, impossibleTimestamps: impossible, outOfOrder: [], authors, total, months, fingerprint: scanFingerprint(rooms, unknownRooms) };
}

/** The UTC month of ticks, with its bounds (the scan reuses them while messages stay in the month). */
function monthBucket(ticks: Ticks): { key: string; from: Ticks; until: Ticks } {
  const date = ticksToDate(ticks);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return {
    key: `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`,
    from: dateToTicks(new Date(Date.UTC(year, month, 1))),
    // December 9999 ends past the last tick there is.
    until: year === 9999 && month === 11 ? MAX_TICKS + 1n : dateToTicks(new Date(Date.UTC(year, month + 1, 1))),
  };
}

function tally(map: Map<number, ProblemTally>, key: number, chatId: number): void {
  const entry = map.get(key) ?? { count: 0, samples: [] };
  entry.count += 1;
  if (entry.samples.length < SAMPLE_SIZE) entry.samples.push(chatId);
  map.set(key, entry);
}
