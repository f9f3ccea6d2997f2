import { ROOT_NODE_ID, NodeType, ROLE_NAMES, type RoleNameValue, type SourceFlavour } from '../../model/constants.js';
import type { Message } from '../../model/message.js';
import type { Addin, RoleAssignment, ScopeEntry, SourceCategory, SourceRoom } from '../../model/node.js';
import type { Affiliation, Principal } from '../../model/principal.js';
import type { MonthTally, SourceData, SourceInfo } from '../../model/source-data.js';
import { isValidTicks, TICKS_PER_DAY, ticksToMonth, type Ticks } from '../../model/ticks.js';
import { dbErrors } from '../errors.js';
import type { PoolDatabase } from '../open-pool.js';
import { rowToMessage } from '../rows/message-rows.js';
import { rowToCategory, rowToRoom } from '../rows/node-rows.js';
import { rowToAffiliation, rowToPrincipal } from '../rows/principal-rows.js';
import { selectList } from '../rows/select-list.js';
import { isLegacyFlavour } from '../schema/pool-schema.js';
import { toGuid, toInt, toText } from '../values.js';
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

  /** The database as a whole source (level All, no scope). */
  async info(): Promise<SourceInfo> {
    const startDate = this.options.startDate ?? null;
    const { months, messagesCut } = await this.tallies({ startDate });
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
  async tallies(options: { readonly startDate?: Ticks | null; readonly rooms?: readonly number[] } = {}): Promise<MessageTallies> {
    const startDate = options.startDate ?? null;
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
    if (excluded.length <= included.length) {
      add(await this.dayCounts(null, startDate), 1);
      for (const channel of excluded) add(await this.dayCounts(channel, startDate), -1);
    } else {
      for (const channel of included) add(await this.dayCounts(channel, startDate), 1);
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

  /** Messages per UTC day (ticks / TICKS_PER_DAY), kept and cut by `since`, of one channel or all. */
  private async dayCounts(channel: number | null, since: Ticks | null): Promise<DayCount[]> {
    const day = `chatDate / ${TICKS_PER_DAY}`;
    const cut = since === null ? '0' : 'SUM(CASE WHEN chatDate < @since THEN 1 ELSE 0 END)';
    const where = channel === null ? '' : 'WHERE channelId = @channel';
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
    for await (const rows of this.db.stream<Record<string, unknown>>(this.messageSql(where), params, { batchSize: filter.batchSize ?? 2000 })) {
      yield rows.map(rowToMessage);
    }
  }

  /** Every message, in (room, chatId) order. */
  async *messages(filter: MessageFilter = {}): AsyncIterable<Message[]> {
    filter = { since: this.options.startDate, ...filter };
    const where = filter.since === undefined ? '1 = 1' : 'c.chatDate >= @since';
    const params = filter.since === undefined ? undefined : { since: filter.since };
    for await (const rows of this.db.stream<Record<string, unknown>>(this.messageSql(where), params, { batchSize: filter.batchSize ?? 2000 })) {
      yield rows.map(rowToMessage);
    }
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
