import { ROOT_NODE_ID, NodeType, ROLE_NAMES, type RoleNameValue, type SourceFlavour } from '../../model/constants.js';
import type { Message } from '../../model/message.js';
import { digestOfMessages, newDigest, utf16Length, type ChannelCount, type MessageDigest } from '../../model/message-digest.js';
import type { Addin, RoleAssignment, ScopeEntry, SourceCategory, SourceRoom } from '../../model/node.js';
import type { Affiliation, Principal } from '../../model/principal.js';
import type { MonthTally, SourceData, SourceInfo } from '../../model/source-data.js';
import { isValidTicks, TickDigits, TICKS_PER_DAY, ticksToMonth, type Ticks } from '../../model/ticks.js';
import { dbErrors } from '../errors.js';
import type { SqlConnection } from '../connection.js';
import type { PoolDatabase } from '../open-pool.js';
import { rowToMessage } from '../rows/message-rows.js';
import { rowToCategory, rowToRoom } from '../rows/node-rows.js';
import { rowToAffiliation, rowToPrincipal } from '../rows/principal-rows.js';
import { selectList } from '../rows/select-list.js';
import { isLegacyFlavour } from '../schema/pool-schema.js';
import { isUtf8 } from 'node:buffer';
import { toBool, toGuid, toInt, toText, toTextOrNull, toTicks } from '../values.js';
import { RoomPager, type PageRange } from '../sqlite/room-pages.js';
import { SqliteConnection } from '../sqlite/sqlite-connection.js';
import { readServiceActivity, type ServiceActivity } from './service-activity.js';
import { tableOf } from './tables-of.js';

export interface MessageFilter {
  /** Only messages at or after this instant (-StartDate). */
  readonly since?: Ticks;
  readonly batchSize?: number;
}

/** Messages kept and cut by a start date (see SourceReader.tallies). */
export interface MessageTallies {
  /** Per UTC month, for the rooms asked about. */
  readonly months: MonthTally[];
  /** Rooms asked about with at least one message cut. */
  readonly messagesCut: Map<number, number>;
  /** Every tblChat.channelId (rooms asked about or not, rooms that no longer exist included). */
  readonly byChannel: Map<number, { kept: number; cut: number }>;
}

interface DayCount {
  readonly day: number;
  readonly kept: number;
  readonly cut: number;
}

export interface MonthlyCount {
  readonly roomId: number;
  /** 'YYYY-MM', UTC. */
  readonly month: string;
  readonly count: number;
}

/**
 * Reads a pool database as a migration source: Group Chat (2007 R2 / 2010) or Persistent Chat.
 * It only reads; large tables stream in batches, ordered by their keys (deterministic).
 */
export class SourceReader implements SourceData {
  readonly flavour: SourceFlavour;
  readonly legacy: boolean;
  private roleNamesById?: Map<number, RoleNameValue>;
  private strictChat?: Promise<boolean>;

  /**
   * @param startDate when given, messages() leaves out older messages and info() accounts for
   * them, as -StartDate does in an export.
   */
  constructor(
    private readonly pool: PoolDatabase,
    private readonly options: { readonly startDate?: Ticks } = {},
  ) {
    this.flavour = pool.flavour;
    this.legacy = isLegacyFlavour(pool.flavour);
  }

  /**
   * The database as a whole source (level All, no scope). With `roomMonths: 'cut'`, `months`
   * holds per month the messages cut by the start date and the messages of channels that are
   * no room, but not the kept messages of rooms: the planner counts those in its own scan of
   * the messages, and leaving them out saves a pass over tblChat.
   */
  async info(options: { readonly roomMonths?: 'kept-and-cut' | 'cut' } = {}): Promise<SourceInfo> {
    const startDate = this.options.startDate ?? null;
    const { months, messagesCut } = options.roomMonths === 'cut' ? await this.talliesWithoutRoomMonths(startDate) : await this.tallies({ startDate });
    return {
      flavour: this.flavour,
      schemaVersion: this.pool.schemaVersion,
      origin: this.pool.description,
      level: 'All',
      scope: null,
      startDate,
      messagesCut,
      months,
    };
  }

  /**
   * Messages kept and cut by a start date: per channel (every tblChat.channelId) and, for the
   * `rooms` asked about (default: every channel), per room and UTC month. Built from day buckets
   * (an integer division: cheaper than formatting a month per row) mapped to months here.
   */
  async tallies(options: { readonly startDate?: Ticks | null; readonly rooms?: readonly number[]; readonly months?: 'kept-and-cut' | 'cut' } = {}): Promise<MessageTallies> {
    const startDate = options.startDate ?? null;
    // 'cut': the caller counts the kept messages per month itself as it reads them (the exporter);
    // only the rows older than the start date are scanned here, and none without one.
    const cutOnly = options.months === 'cut';
    const byChannel = new Map<number, { kept: number; cut: number }>();
    for (const row of await this.db.query<Record<string, unknown>>('SELECT channelId, COUNT(*) AS n FROM tblChat GROUP BY channelId')) {
      byChannel.set(toInt(row.channelId, 'tblChat.channelId'), { kept: toInt(row.n, 'COUNT(*)'), cut: 0 });
    }
    if (startDate !== null) {
      const rows = await this.db.query<Record<string, unknown>>('SELECT channelId, COUNT(*) AS n FROM tblChat WHERE chatDate < @since GROUP BY channelId', {
        since: startDate,
      });
      for (const row of rows) {
        const tally = byChannel.get(toInt(row.channelId, 'tblChat.channelId'));
        if (!tally) continue;
        const cut = toInt(row.n, 'COUNT(*)');
        tally.kept -= cut;
        tally.cut = cut;
      }
    }
    const wanted = options.rooms === undefined ? null : new Set(options.rooms);
    const included = [...byChannel.keys()].filter((id) => wanted === null || wanted.has(id));
    const excluded = [...byChannel.keys()].filter((id) => wanted !== null && !wanted.has(id));
    const days = new Map<number, { kept: number; cut: number }>();
    const add = (rows: DayCount[], sign: 1 | -1) => {
      for (const row of rows) {
        const day = days.get(row.day) ?? { kept: 0, cut: 0 };
        days.set(row.day, day);
        day.kept += sign * row.kept;
        day.cut += sign * row.cut;
      }
    };
    // One scan of the table, less the channels not asked about, or one range scan per channel asked about.
    if (cutOnly && startDate === null) {
      // Nothing is cut: no scan.
    } else if (excluded.length <= included.length) {
      add(await this.dayCounts(null, startDate, cutOnly), 1);
      for (const channel of excluded) add(await this.dayCounts(channel, startDate, cutOnly), -1);
    } else {
      for (const channel of included) add(await this.dayCounts(channel, startDate, cutOnly), 1);
    }
    const months = new Map<string, { kept: number; cut: number }>();
    for (const [day, tally] of days) {
      if (tally.kept === 0 && tally.cut === 0) continue;
      const start = BigInt(day) * TICKS_PER_DAY;
      if (!isValidTicks(start)) {
        throw dbErrors.create('PCMIG-DB-013', {
          message: `tblChat holds messages dated on day ${day} after 0001-01-01, outside 0001-01-01..9999-12-31.`,
          reason: { table: 'tblChat', column: 'chatDate', day },
        });
      }
      const month = ticksToMonth(start);
      const total = months.get(month) ?? { kept: 0, cut: 0 };
      months.set(month, total);
      total.kept += tally.kept;
      total.cut += tally.cut;
    }
    const messagesCut = new Map<number, number>();
    for (const id of included) {
      const cut = byChannel.get(id)?.cut ?? 0;
      if (cut > 0) messagesCut.set(id, cut);
    }
    return {
      months: [...months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, t]) => ({ month, ...t })),
      messagesCut,
      byChannel,
    };
  }

  /** tallies() with the kept messages per month of the channels that are rooms left out (info({ roomMonths: 'cut' })). */
  private async talliesWithoutRoomMonths(startDate: Ticks | null): Promise<Pick<MessageTallies, 'months' | 'messagesCut'>> {
    const rooms = new Set((await this.db.query<Record<string, unknown>>('SELECT nodeID FROM tblNode WHERE nodeType = @type', { type: NodeType.Room })).map((r) => toInt(r.nodeID, 'tblNode.nodeID')));
    const { byChannel, messagesCut, months: cut } = await this.tallies({ startDate, months: 'cut' });
    const orphans = [...byChannel.keys()].filter((id) => !rooms.has(id));
    if (orphans.length === 0) return { months: cut, messagesCut };
    const { months: ofOrphans } = await this.tallies({ startDate, rooms: orphans });
    const months = new Map(cut.map((m) => [m.month, { ...m }]));
    for (const m of ofOrphans) {
      const entry = months.get(m.month) ?? { month: m.month, kept: 0, cut: 0 };
      entry.kept += m.kept;
      months.set(m.month, entry);
    }
    return { months: [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)), messagesCut };
  }

  /**
   * Messages per UTC day (ticks / TICKS_PER_DAY), kept and cut by `since`, of one channel or all;
   * with `cutOnly`, only the rows older than `since` (kept is then 0).
   */
  private async dayCounts(channel: number | null, since: Ticks | null, cutOnly = false): Promise<DayCount[]> {
    const day = `chatDate / ${TICKS_PER_DAY}`;
    const cut = since === null ? '0' : cutOnly ? 'COUNT(*)' : 'SUM(CASE WHEN chatDate < @since THEN 1 ELSE 0 END)';
    const conditions = [...(channel === null ? [] : ['channelId = @channel']), ...(cutOnly && since !== null ? ['chatDate < @since'] : [])];
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    const params: Record<string, number | bigint> = {};
    if (since !== null) params.since = since;
    if (channel !== null) params.channel = channel;
    const rows = await this.db.query<Record<string, unknown>>(`SELECT ${day} AS d, COUNT(*) AS n, ${cut} AS cut FROM tblChat ${where} GROUP BY ${day}`, params);
    return rows.map((row) => {
      const n = toInt(row.n, 'COUNT(*)');
      const c = toInt(row.cut ?? 0, 'SUM(cut)');
      return { day: toInt(row.d, 'chatDate / day'), kept: n - c, cut: c };
    });
  }

  /**
   * The distinct authors (tblChat.userId) of the messages at or after `since`, of every channel
   * or only of `rooms` (one range scan each).
   */
  async messageAuthors(options: { readonly since?: Ticks | null; readonly rooms?: readonly number[] } = {}): Promise<number[]> {
    const since = options.since ?? null;
    const conditions = [...(since === null ? [] : ['chatDate >= @since']), ...(options.rooms === undefined ? [] : ['channelId = @room'])];
    const sql = `SELECT DISTINCT userId FROM tblChat${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
    const ids = new Set<number>();
    const read = async (params: Record<string, number | bigint>) => {
      for (const row of await this.db.query<Record<string, unknown>>(sql, params)) ids.add(toInt(row.userId, 'tblChat.userId'));
    };
    const base: Record<string, number | bigint> = since === null ? {} : { since };
    if (options.rooms === undefined) await read(base);
    else for (const room of options.rooms) await read({ ...base, room });
    return [...ids].sort((a, b) => a - b);
  }

  private get db() {
    return this.pool.connection;
  }

  /** The database this reader reads. */
  get database(): PoolDatabase {
    return this.pool;
  }

  private table(name: string) {
    return tableOf(this.flavour, name);
  }

  async *principals(batchSize = 2000): AsyncIterable<Principal[]> {
    const sql = `SELECT ${selectList(this.db.dialect, this.table('tblPrincipal'), 'p')} FROM tblPrincipal p ORDER BY p.prinID`;
    for await (const rows of this.db.stream<Record<string, unknown>>(sql, undefined, { batchSize })) {
      yield rows.map(rowToPrincipal);
    }
  }

  async *affiliations(batchSize = 5000): AsyncIterable<Affiliation[]> {
    const sql = 'SELECT principalID, affiliationID, [index] FROM tblPrincipalAffiliations ORDER BY principalID, affiliationID, [index]';
    for await (const rows of this.db.stream<Record<string, unknown>>(sql, undefined, { batchSize })) {
      yield rows.map(rowToAffiliation);
    }
  }

  /** Every category, the root included, ordered by id. */
  async categories(): Promise<SourceCategory[]> {
    const sql = `SELECT ${selectList(this.db.dialect, this.table('tblNode'), 'n')} FROM tblNode n WHERE n.nodeType = @type ORDER BY n.nodeID`;
    const rows = await this.db.query<Record<string, unknown>>(sql, { type: NodeType.Category });
    const categories = rows.map((row) => rowToCategory(row, this.legacy));
    if (!categories.some((c) => c.id === ROOT_NODE_ID)) {
      throw dbErrors.create('PCMIG-DB-013', { message: `${this.pool.description} has no root category (tblNode.nodeID = 1).`, reason: { table: 'tblNode' } });
    }
    return categories;
  }

  async rooms(): Promise<SourceRoom[]> {
    const sql = `SELECT ${selectList(this.db.dialect, this.table('tblNode'), 'n')} FROM tblNode n WHERE n.nodeType = @type ORDER BY n.nodeID`;
    const rows = await this.db.query<Record<string, unknown>>(sql, { type: NodeType.Room });
    return rows.map((row) => rowToRoom(row, this.legacy));
  }

  private async roleNames(): Promise<Map<number, RoleNameValue>> {
    if (!this.roleNamesById) {
      const rows = await this.db.query<Record<string, unknown>>('SELECT rtypeID, rtypeDesc FROM tblRoleType');
      this.roleNamesById = new Map();
      for (const row of rows) {
        const name = toText(row.rtypeDesc);
        const known = ROLE_NAMES.find((r) => r.toLowerCase() === name.toLowerCase());
        if (known) this.roleNamesById.set(toInt(row.rtypeID, 'tblRoleType.rtypeID'), known);
      }
    }
    return this.roleNamesById;
  }

  async *roles(batchSize = 5000): AsyncIterable<RoleAssignment[]> {
    const names = await this.roleNames();
    const sql =
      'SELECT prinRoleNodeID, prinRolePrinID, prinRoleTypeID FROM tblPrincipalRole ORDER BY prinRoleNodeID, prinRolePrinID, prinRoleTypeID';
    for await (const rows of this.db.stream<Record<string, unknown>>(sql, undefined, { batchSize })) {
      yield rows.map((row) => {
        const typeId = toInt(row.prinRoleTypeID, 'tblPrincipalRole.prinRoleTypeID');
        const role = names.get(typeId);
        if (!role) {
          throw dbErrors.create('PCMIG-DB-013', {
            message: `tblPrincipalRole uses role type ${typeId}, which tblRoleType does not name as Member, Manager, Voiced or Creator.`,
            reason: { table: 'tblPrincipalRole', prinRoleTypeID: typeId },
          });
        }
        return {
          nodeId: toInt(row.prinRoleNodeID, 'tblPrincipalRole.prinRoleNodeID'),
          principalId: toInt(row.prinRolePrinID, 'tblPrincipalRole.prinRolePrinID'),
          role,
        };
      });
    }
  }

  async *scopes(batchSize = 5000): AsyncIterable<ScopeEntry[]> {
    const denied = this.legacy ? '0 AS scopeIsDenied' : 'scopeIsDenied';
    const sql = `SELECT scopeNodeID, scopePrinID, ${denied} FROM tblScopePrincipal ORDER BY scopeNodeID, scopePrinID`;
    for await (const rows of this.db.stream<Record<string, unknown>>(sql, undefined, { batchSize })) {
      yield rows.map((row) => ({
        nodeId: toInt(row.scopeNodeID, 'tblScopePrincipal.scopeNodeID'),
        principalId: toInt(row.scopePrinID, 'tblScopePrincipal.scopePrinID'),
        denied: row.scopeIsDenied === true || Number(row.scopeIsDenied) === 1,
      }));
    }
  }

  async addins(): Promise<Addin[]> {
    const rows = await this.db.query<Record<string, unknown>>('SELECT siopID, siopName, siopUrl FROM tblSiopWhiteList ORDER BY siopName, siopID');
    return rows.map((row) => ({ id: toGuid(row.siopID, 'tblSiopWhiteList.siopID'), name: toText(row.siopName), url: toText(row.siopUrl) }));
  }

  private messageSql(filter: string): string {
    // Qualified names: ORDER BY would otherwise bind to the text-cast aliases of bigint columns.
    return `SELECT ${selectList(this.db.dialect, this.table('tblChat'), 'c')} FROM tblChat c WHERE ${filter} ORDER BY c.channelId, c.chatId`;
  }

  /** The messages of one room in chatId order. */
  async *roomMessages(roomId: number, filter: MessageFilter = {}): AsyncIterable<Message[]> {
    filter = { since: this.options.startDate, ...filter };
    const where = filter.since === undefined ? 'c.channelId = @room' : 'c.channelId = @room AND c.chatDate >= @since';
    const params = filter.since === undefined ? { room: roomId } : { room: roomId, since: filter.since };
    yield* this.readMessages(where, params, filter.batchSize ?? 2000);
  }

  /** Every message, in (room, chatId) order. */
  async *messages(filter: MessageFilter = {}): AsyncIterable<Message[]> {
    filter = { since: this.options.startDate, ...filter };
    const where = filter.since === undefined ? '1 = 1' : 'c.chatDate >= @since';
    const params = filter.since === undefined ? undefined : { since: filter.since };
    yield* this.readMessages(where, params, filter.batchSize ?? 2000);
  }

  /**
   * Whether tblChat is a STRICT table with the column types pcmig creates (INTEGER keys, dates,
   * authors and flags; TEXT content and rtf): its values then have exactly the types the schema
   * declares, which the fast paths that read every message rely on. SQLite only.
   */
  async hasStrictChatTable(): Promise<boolean> {
    this.strictChat ??= strictChatTable(this.db, !this.legacy);
    return this.strictChat;
  }

  private async *readMessages(where: string, params: Readonly<Record<string, number | bigint | undefined>> | undefined, batchSize: number): AsyncIterable<Message[]> {
    const db = this.db;
    if (db instanceof SqliteConnection && (await this.hasStrictChatTable())) {
      // Rows as arrays, integers as numbers (chatIds beyond 2^53 are caught as unsafe) and only
      // chatDate as text: every message is read twice by an import, this is its hot path.
      const rtf = this.legacy ? '' : ', c.rtf';
      const sql = `SELECT c.channelId, c.chatId, CAST(c.chatDate AS TEXT), c.userId, c.isAlert, c.content${rtf} FROM tblChat c WHERE ${where} ORDER BY c.channelId, c.chatId`;
      for await (const rows of db.streamRows(sql, params, { batchSize })) yield rows.map(arrayToMessage);
      return;
    }
    for await (const rows of db.stream<Record<string, unknown>>(this.messageSql(where), params, { batchSize })) {
      yield rows.map(rowToMessage);
    }
  }

  /**
   * Every message as the planner's scan needs it (see MessageDigest), without a JavaScript object
   * or string per message: SQLite formats each page's integers as text and joins its texts into
   * one buffer. Channels the caller does not ask about (`wanted` false: no such room) are only
   * counted. Rows read the same as messages() reads them (same filter, same order, the same
   * errors for values it would refuse); null when this source cannot (not SQLite, or a tblChat
   * that is not STRICT): the caller then reads messages().
   */
  async messageDigests(wanted: (channelId: number) => boolean): Promise<AsyncIterable<MessageDigest | ChannelCount> | null> {
    const db = this.db;
    if (!(db instanceof SqliteConnection) || !(await this.hasStrictChatTable())) return null;
    return this.digests(db, wanted);
  }

  private async *digests(db: SqliteConnection, wanted: (channelId: number) => boolean): AsyncIterable<MessageDigest | ChannelCount> {
    const since = this.options.startDate;
    const sinceSql = since === undefined ? '' : ' AND chatDate >= @since';
    const sinceParams: Record<string, bigint> = since === undefined ? {} : { since };
    const rtf = !this.legacy;
    const keys = `printf('%d,%d,%d,%d,%d,%d${rtf ? ',%d' : ''};', chatId, chatDate, userId, isAlert, length(content), octet_length(content)${rtf ? ', ifnull(octet_length(rtf), -1)' : ''})`;
    const text = rtf ? "content || ifnull(rtf, '')" : 'content';
    const page = (upper: string) =>
      `SELECT group_concat(${keys}, '') AS keys, CAST(group_concat(${text}, '') AS BLOB) AS text, COUNT(*) AS n FROM tblChat WHERE channelId = @room AND chatId > @after${upper}${sinceSql}`;
    const bounded = page(' AND chatId <= @upto');
    const open = page('');
    const channels = await db.query<{ channelId: number; n: number }>(`SELECT channelId, COUNT(*) AS n FROM tblChat${since === undefined ? '' : ' WHERE chatDate >= @since'} GROUP BY channelId ORDER BY channelId`, sinceParams);
    for (const { channelId, n } of channels) {
      const room = toInt(channelId, 'tblChat.channelId');
      if (!wanted(room)) {
        yield { channelId: room, count: n };
        continue;
      }
      const pager = new RoomPager(db, room, n, sinceParams, sinceSql);
      const start = await pager.first();
      if (!start) {
        yield digestOfMessages(room, await this.pageMessages(room, Number.NEGATIVE_INFINITY, null));
        continue;
      }
      for (let range: PageRange | null = start; range; ) {
        const params = { ...sinceParams, room, after: range.after, ...(range.upto === null ? {} : { upto: range.upto }) };
        const [row] = await db.query<{ keys: string | null; text: Buffer | null; n: number }>(range.upto === null ? open : bounded, params);
        const count = Number(row?.n ?? 0);
        if (count > 0) {
          const digest = digestOfPage(room, range.after, row?.keys ?? '', row?.text ?? Buffer.alloc(0), count, rtf);
          // A value messages() would refuse (or read differently): read that page as messages() does.
          yield digest ?? digestOfMessages(room, await this.pageMessages(room, range.after, range.upto));
        }
        range = await pager.next(count);
      }
    }
  }

  private async pageMessages(room: number, after: number, upto: number | null): Promise<Message[]> {
    const page: Message[] = [];
    for await (const batch of this.roomMessages(room)) {
      for (const message of batch) if (message.chatId > after && (upto === null || message.chatId <= upto)) page.push(message);
      if (upto !== null && batch.length > 0 && (batch.at(-1) as Message).chatId >= upto) break;
    }
    return page;
  }

  /** Messages per room and UTC month (for -StartDate accounting and the reports' charts). */
  async monthlyCounts(): Promise<MonthlyCount[]> {
    const month = this.db.dialect.ticksToMonth('chatDate');
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT channelId, ${month} AS month, COUNT(*) AS messages FROM tblChat GROUP BY channelId, ${month} ORDER BY channelId, month`,
    );
    return rows.map((row) => ({
      roomId: toInt(row.channelId, 'tblChat.channelId'),
      month: toText(row.month),
      count: toInt(row.messages, 'COUNT(*)'),
    }));
  }

  async serviceActivity(): Promise<ServiceActivity> {
    return readServiceActivity(this.db);
  }
}

async function strictChatTable(connection: SqlConnection, withRtf: boolean): Promise<boolean> {
  if (connection.engine !== 'sqlite') return false;
  const [table] = await connection.query<{ strict: number }>("SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = 'tblChat'");
  if (Number(table?.strict ?? 0) !== 1) return false;
  const columns = new Map((await connection.query<{ name: string; type: string }>("SELECT name, type FROM pragma_table_xinfo('tblChat')")).map((c) => [c.name, c.type.toUpperCase()]));
  const expected: [string, string][] = [
    ['channelId', 'INTEGER'],
    ['chatId', 'INTEGER'],
    ['chatDate', 'INTEGER'],
    ['userId', 'INTEGER'],
    ['isAlert', 'INTEGER'],
    ['content', 'TEXT'],
    ...(withRtf ? ([['rtf', 'TEXT']] as [string, string][]) : []),
  ];
  return expected.every(([name, type]) => columns.get(name) === type);
}

/**
 * One tblChat row read by SourceReader's SQLite path ([channelId, chatId, chatDate as text, userId,
 * isAlert, content, rtf?]) as a Message: the values rowToMessage would give, with its errors for
 * anything it would refuse.
 */
function arrayToMessage(row: unknown[]): Message {
  const [channelId, chatId, chatDate, userId, isAlert, content, rtf = null] = row;
  const roomId = typeof channelId === 'number' && Number.isSafeInteger(channelId) ? channelId : toInt(channelId, 'tblChat.channelId');
  const chat = typeof chatId === 'number' && Number.isSafeInteger(chatId) ? chatId : toInt(chatId, `tblChat(${roomId}).chatId`);
  // CAST of an INTEGER (the table is STRICT) is plain decimal text: BigInt reads it as parseTicks would.
  let timestamp = typeof chatDate === 'string' && chatDate.length > 0 && chatDate.length <= 19 ? BigInt(chatDate) : -1n;
  if (!isValidTicks(timestamp)) timestamp = toTicks(chatDate, `tblChat(${roomId},${chat}).chatDate`);
  return {
    roomId,
    chatId: chat,
    timestamp,
    authorId: typeof userId === 'number' && Number.isSafeInteger(userId) ? userId : toInt(userId, `tblChat(${roomId},${chat}).userId`),
    isAlert: isAlert === 1 ? true : isAlert === 0 ? false : toBool(isAlert),
    content: typeof content === 'string' ? content : String(content),
    rtf: rtf === null || typeof rtf === 'string' ? rtf : toTextOrNull(rtf),
  };
}

/**
 * A page read by messageDigests(): `keys` holds per row `chatId,chatDate,userId,isAlert,chars,
 * octets[,rtfOctets];` (printf of the integers; rtfOctets −1 for no RTF), `text` the rows' texts.
 * Null when any row holds what messages() would refuse or read differently (an unsafe integer,
 * invalid ticks, a flag other than 0/1, chatIds not rising, text that is not valid UTF-8): the
 * caller then reads the page as messages() does.
 */
function digestOfPage(roomId: number, after: number, keys: string, text: Buffer, count: number, withRtf: boolean): MessageDigest | null {
  if (!isUtf8(text)) return null;
  const digest = newDigest(roomId, count, text);
  const ticks = new TickDigits();
  let at = 0;
  let offset = 0;
  let previous = after;
  for (let row = 0; row < count; row += 1) {
    const chat = readInteger(keys, at);
    if (chat === null || !Number.isSafeInteger(chat.value) || chat.value <= previous || keys.charCodeAt(chat.next) !== 44) return null;
    previous = chat.value;
    const i = ticks.readText(keys, chat.next + 1);
    if (i < 0 || keys.charCodeAt(i) !== 44) return null;
    const user = readInteger(keys, i + 1);
    if (user === null || !Number.isSafeInteger(user.value) || keys.charCodeAt(user.next) !== 44) return null;
    const alert = keys.charCodeAt(user.next + 1) - 48;
    if ((alert !== 0 && alert !== 1) || keys.charCodeAt(user.next + 2) !== 44) return null;
    const chars = readInteger(keys, user.next + 3);
    if (chars === null || keys.charCodeAt(chars.next) !== 44) return null;
    const octets = readInteger(keys, chars.next + 1);
    if (octets === null) return null;
    let end = octets.next;
    let rtfOctets = -1;
    if (withRtf) {
      if (keys.charCodeAt(end) !== 44) return null;
      const r = readInteger(keys, end + 1);
      if (r === null) return null;
      rtfOctets = r.value;
      end = r.next;
    }
    if (keys.charCodeAt(end) !== 59) return null;
    at = end + 1;
    digest.chatIds[row] = chat.value;
    digest.days[row] = ticks.day;
    digest.ticksOfDay[row] = ticks.ticksOfDay;
    digest.authorIds[row] = user.value;
    digest.alerts[row] = alert;
    digest.hasRtf[row] = rtfOctets >= 0 ? 1 : 0;
    digest.contentLengths[row] = octets.value === chars.value ? chars.value : utf16Length(text, offset, offset + octets.value);
    offset += octets.value + Math.max(0, rtfOctets);
  }
  return at === keys.length && offset === text.length ? digest : null;
}

/** A decimal integer (optional minus sign, up to 19 digits) at `at`, and the index after it. */
function readInteger(text: string, at: number): { value: number; next: number } | null {
  let i = at;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i += 1;
  const start = i;
  let value = 0;
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) value = value * 10 + (c - 48);
  if (i === start || i - start > 19) return null;
  return { value: negative ? -value : value, next: i };
}
