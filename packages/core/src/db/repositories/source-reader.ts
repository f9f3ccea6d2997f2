import { ROOT_NODE_ID, NodeType, ROLE_NAMES, type RoleNameValue, type SourceFlavour } from '../../model/constants.js';
import type { Message } from '../../model/message.js';
import type { Addin, RoleAssignment, ScopeEntry, SourceCategory, SourceRoom } from '../../model/node.js';
import type { Affiliation, Principal } from '../../model/principal.js';
import type { SourceData, SourceInfo } from '../../model/source-data.js';
import { isoToTicks, ticksToMonth, type Ticks } from '../../model/ticks.js';
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
    const cutByRoom = new Map<number, number>();
    const months = new Map<string, { kept: number; cut: number }>();
    const startMonth = startDate === null ? null : ticksToMonth(startDate);
    for (const tally of await this.monthlyCounts()) {
      const month = months.get(tally.month) ?? { kept: 0, cut: 0 };
      months.set(tally.month, month);
      // Only the start date's own month mixes kept and cut messages; count it exactly.
      const cut =
        startDate === null || startMonth === null || tally.month > startMonth
          ? 0
          : tally.month < startMonth
            ? tally.count
            : await this.countBetween(tally.roomId, isoToTicks(`${startMonth}-01T00:00:00Z`), startDate);
      month.kept += tally.count - cut;
      month.cut += cut;
      if (cut > 0) cutByRoom.set(tally.roomId, (cutByRoom.get(tally.roomId) ?? 0) + cut);
    }
    return {
      flavour: this.flavour,
      schemaVersion: this.pool.schemaVersion,
      origin: this.pool.description,
      level: 'All',
      scope: null,
      startDate,
      messagesCut: cutByRoom,
      months: [...months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, t]) => ({ month, ...t })),
    };
  }

  private async countBetween(roomId: number, from: Ticks, until: Ticks): Promise<number> {
    const [row] = await this.db.query<Record<string, unknown>>(
      'SELECT COUNT(*) AS n FROM tblChat WHERE channelId = @room AND chatDate >= @from AND chatDate < @until',
      { room: roomId, from, until },
    );
    return toInt(row?.n ?? 0, 'COUNT(*)');
  }

  private get db() {
    return this.pool.connection;
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
