import {
  BEHAVIOR_BY_TYPE,
  CATEGORY_PLACEHOLDER_BEHAVIOR,
  CATEGORY_PLACEHOLDER_VISIBILITY,
  NodeType,
  PRIVACY_BY_VISIBILITY,
  PrincipalTypeId,
  RoleName,
  ROLE_NAMES,
  ROOT_NODE_ID,
  SYSTEM_PRINCIPAL_ID,
  TYPE_BY_BEHAVIOR,
  VISIBILITY_BY_PRIVACY,
  type BehaviorCode,
  type RoleNameValue,
  type VisibilityCode,
} from '../../model/constants.js';
import type { Message } from '../../model/message.js';
import type { Addin, TargetCategory, TargetRoom } from '../../model/node.js';
import { dnsDomainOfDn, type Affiliation, type Principal } from '../../model/principal.js';
import type { Audit, Guid } from '../../model/primitives.js';
import type { Ticks } from '../../model/ticks.js';
import type { SqlConnection, SqlValue } from '../connection.js';
import { dbErrors } from '../errors.js';
import type { PoolDatabase } from '../open-pool.js';
import { messageColumns, messageToValues, rowToMessage } from '../rows/message-rows.js';
import { principalToValues, rowToPrincipal } from '../rows/principal-rows.js';
import { columnNames, selectList } from '../rows/select-list.js';
import { PERSISTENT_CHAT_TABLES } from '../schema/persistent-chat-tables.js';
import { primaryKeyIndexName, type TableDef } from '../schema/table.js';
import { toBool, toGuid, toGuidOrNull, toInt, toText, toTicks, toTriState } from '../values.js';
import { readServiceActivity, type ServiceActivity } from './service-activity.js';

const table = (name: string): TableDef => {
  const found = PERSISTENT_CHAT_TABLES.find((t) => t.name === name);
  if (!found) throw new Error(`No table ${name}`);
  return found;
};

export interface StoredCategory extends TargetCategory {
  readonly id: number;
  readonly guid: Guid;
  readonly audit: Audit;
}

/** A stored room without its role lists (see roomRoles). */
export interface StoredRoom extends Omit<TargetRoom, 'members' | 'managers' | 'presenters'> {
  readonly id: number;
  readonly guid: Guid;
  readonly categoryId: number;
  readonly addinId: Guid | null;
  readonly audit: Audit;
}

/** What a room's history looks like before an import appends to it. */
export interface MessageExtent {
  readonly count: number;
  readonly maxChatId: number;
  readonly lastChatId: number;
}

export interface RoomRoles {
  readonly members: Guid[];
  readonly managers: Guid[];
  readonly presenters: Guid[];
}

/** A tblNode row as the importer writes it. */
export interface NodeWrite {
  readonly id: number;
  readonly guid: Guid;
  readonly audit: Audit;
}
export interface CategoryWrite extends NodeWrite {
  readonly name: string;
  readonly description: string;
  readonly invitations: boolean;
  readonly fileUpload: boolean;
  readonly chatHistory: boolean;
}
export interface RoomWrite extends NodeWrite {
  readonly categoryId: number;
  readonly name: string;
  readonly description: string;
  readonly privacy: TargetRoom['privacy'];
  readonly type: TargetRoom['type'];
  readonly invitations: TargetRoom['invitations'];
  readonly disabled: boolean;
  readonly addinId: Guid | null;
}

/**
 * A Persistent Chat content database (mgc) as the migration target: what it holds (for the
 * WhatIf planner, verification and the read-only Get- cmdlets) and the writes the importer makes.
 * Writes do not open transactions themselves: the importer decides their extent.
 */
export class PersistentChatStore {
  private roleIdsByName?: Map<RoleNameValue, number>;

  constructor(private readonly pool: PoolDatabase) {
    if (pool.flavour !== 'pc2013') {
      throw dbErrors.create('PCMIG-DB-008', { message: `${pool.description} is not a Persistent Chat database.`, reason: { flavour: pool.flavour } });
    }
  }

  get connection(): SqlConnection {
    return this.pool.connection;
  }

  get description(): string {
    return this.pool.description;
  }

  // ----- reads -------------------------------------------------------------------------------

  async roleIds(): Promise<Map<RoleNameValue, number>> {
    if (!this.roleIdsByName) {
      const rows = await this.connection.query<Record<string, unknown>>('SELECT rtypeID, rtypeDesc FROM tblRoleType');
      const map = new Map<RoleNameValue, number>();
      for (const row of rows) {
        const name = ROLE_NAMES.find((r) => r.toLowerCase() === toText(row.rtypeDesc).toLowerCase());
        if (name) map.set(name, toInt(row.rtypeID, 'tblRoleType.rtypeID'));
      }
      for (const name of ROLE_NAMES) {
        if (!map.has(name)) {
          throw dbErrors.create('PCMIG-DB-004', { message: `${this.description}: tblRoleType has no ${name} row.`, reason: { missing: name } });
        }
      }
      this.roleIdsByName = map;
    }
    return this.roleIdsByName;
  }

  async categories(): Promise<StoredCategory[]> {
    const rows = await this.connection.query<Record<string, unknown>>(
      `SELECT ${selectList(this.connection.dialect, table('tblNode'), 'n')} FROM tblNode n WHERE n.nodeType = @type AND n.nodeID <> @root ORDER BY n.nodeID`,
      { type: NodeType.Category, root: ROOT_NODE_ID },
    );
    const scopes = await this.connection.query<Record<string, unknown>>(
      'SELECT s.scopeNodeID, s.scopeIsDenied, p.prinGuid FROM tblScopePrincipal s JOIN tblPrincipal p ON p.prinID = s.scopePrinID ' +
        'JOIN tblNode n ON n.nodeID = s.scopeNodeID WHERE n.nodeType = @type',
      { type: NodeType.Category },
    );
    const creators = await this.connection.query<Record<string, unknown>>(
      'SELECT r.prinRoleNodeID, p.prinGuid FROM tblPrincipalRole r JOIN tblPrincipal p ON p.prinID = r.prinRolePrinID ' +
        'JOIN tblRoleType t ON t.rtypeID = r.prinRoleTypeID JOIN tblNode n ON n.nodeID = r.prinRoleNodeID WHERE n.nodeType = @type AND t.rtypeDesc = @role',
      { type: NodeType.Category, role: RoleName.Creator },
    );
    const lists = new Map<number, { allowed: Guid[]; denied: Guid[]; creators: Guid[] }>();
    const listOf = (id: number) => {
      let entry = lists.get(id);
      if (!entry) lists.set(id, (entry = { allowed: [], denied: [], creators: [] }));
      return entry;
    };
    for (const row of scopes) {
      const entry = listOf(toInt(row.scopeNodeID, 'tblScopePrincipal.scopeNodeID'));
      (toBool(row.scopeIsDenied) ? entry.denied : entry.allowed).push(toGuid(row.prinGuid, 'tblPrincipal.prinGuid'));
    }
    for (const row of creators) listOf(toInt(row.prinRoleNodeID, 'tblPrincipalRole.prinRoleNodeID')).creators.push(toGuid(row.prinGuid, 'tblPrincipal.prinGuid'));
    return rows.map((row) => {
      const id = toInt(row.nodeID, 'tblNode.nodeID');
      const entry = lists.get(id);
      return {
        id,
        guid: toGuid(row.nodeGuid, `tblNode(${id}).nodeGuid`),
        name: toText(row.nodeName),
        description: toText(row.nodeDesc),
        invitations: toTriState(row.invite) === true,
        fileUpload: toTriState(row.filePost) === true,
        chatHistory: toTriState(row.logged) !== false,
        allowedMembers: (entry?.allowed ?? []).sort(),
        deniedMembers: (entry?.denied ?? []).sort(),
        creators: (entry?.creators ?? []).sort(),
        audit: nodeAudit(row, id),
      };
    });
  }

  async rooms(): Promise<StoredRoom[]> {
    const rows = await this.connection.query<Record<string, unknown>>(
      `SELECT ${selectList(this.connection.dialect, table('tblNode'), 'n')}, c.nodeName AS categoryName, a.siopName AS addinName ` +
        'FROM tblNode n JOIN tblNode c ON c.nodeID = n.parentID LEFT JOIN tblSiopWhiteList a ON a.siopID = n.siopID ' +
        'WHERE n.nodeType = @type ORDER BY n.nodeID',
      { type: NodeType.Room },
    );
    return rows.map((row) => {
      const id = toInt(row.nodeID, 'tblNode.nodeID');
      const visibility = toInt(row.visibility, `tblNode(${id}).visibility`) as VisibilityCode;
      const behavior = toInt(row.behavior, `tblNode(${id}).behavior`) as BehaviorCode;
      const privacy = PRIVACY_BY_VISIBILITY[visibility];
      const type = TYPE_BY_BEHAVIOR[behavior];
      if (!privacy || !type) {
        throw dbErrors.create('PCMIG-DB-013', { message: `tblNode(${id}) has visibility ${visibility} / behavior ${behavior}.`, reason: { nodeID: id } });
      }
      return {
        id,
        guid: toGuid(row.nodeGuid, `tblNode(${id}).nodeGuid`),
        categoryId: toInt(row.parentID, `tblNode(${id}).parentID`),
        category: toText(row.categoryName),
        name: toText(row.nodeName),
        description: toText(row.nodeDesc),
        privacy,
        type,
        disabled: toBool(row.disabled),
        invitations: toTriState(row.invite) === false ? 'False' : 'Inherit',
        addin: row.addinName === null || row.addinName === undefined ? null : toText(row.addinName),
        addinId: toGuidOrNull(row.siopID, `tblNode(${id}).siopID`),
        audit: nodeAudit(row, id),
      };
    });
  }

  async roomRoles(roomId: number): Promise<RoomRoles> {
    const rows = await this.connection.query<Record<string, unknown>>(
      'SELECT t.rtypeDesc, p.prinGuid FROM tblPrincipalRole r JOIN tblRoleType t ON t.rtypeID = r.prinRoleTypeID ' +
        'JOIN tblPrincipal p ON p.prinID = r.prinRolePrinID WHERE r.prinRoleNodeID = @room ORDER BY p.prinGuid',
      { room: roomId },
    );
    const roles: RoomRoles = { members: [], managers: [], presenters: [] };
    for (const row of rows) {
      const guid = toGuid(row.prinGuid, 'tblPrincipal.prinGuid');
      const name = toText(row.rtypeDesc);
      if (name === RoleName.Member) roles.members.push(guid);
      else if (name === RoleName.Manager) roles.managers.push(guid);
      else if (name === RoleName.Voiced) roles.presenters.push(guid);
    }
    return roles;
  }

  async addins(): Promise<Addin[]> {
    const rows = await this.connection.query<Record<string, unknown>>('SELECT siopID, siopName, siopUrl FROM tblSiopWhiteList ORDER BY siopName, siopID');
    return rows.map((row) => ({ id: toGuid(row.siopID, 'tblSiopWhiteList.siopID'), name: toText(row.siopName), url: toText(row.siopUrl) }));
  }

  async *principals(batchSize = 2000): AsyncIterable<Principal[]> {
    const sql = `SELECT ${selectList(this.connection.dialect, table('tblPrincipal'), 'p')} FROM tblPrincipal p ORDER BY p.prinID`;
    for await (const rows of this.connection.stream<Record<string, unknown>>(sql, undefined, { batchSize })) yield rows.map(rowToPrincipal);
  }

  async messageCounts(): Promise<Map<number, number>> {
    const rows = await this.connection.query<Record<string, unknown>>('SELECT channelId, COUNT(*) AS messages FROM tblChat GROUP BY channelId');
    return new Map(rows.map((row) => [toInt(row.channelId, 'tblChat.channelId'), toInt(row.messages, 'COUNT(*)')]));
  }

  async *roomMessages(roomId: number, batchSize = 2000): AsyncIterable<Message[]> {
    const sql = `SELECT ${selectList(this.connection.dialect, table('tblChat'), 'c')} FROM tblChat c WHERE c.channelId = @room ORDER BY c.chatId`;
    for await (const rows of this.connection.stream<Record<string, unknown>>(sql, { room: roomId }, { batchSize })) yield rows.map(rowToMessage);
  }

  /** Per room: messages held, the highest chatId in tblChat and tblLastChatId's value (what an import appends after). */
  async messageExtents(): Promise<Map<number, MessageExtent>> {
    const d = this.connection.dialect;
    const chats = await this.connection.query<Record<string, unknown>>(
      `SELECT channelId, COUNT(*) AS messages, ${d.bigintAsText('MAX(chatId)')} AS maxChatId FROM tblChat GROUP BY channelId`,
    );
    const last = await this.connection.query<Record<string, unknown>>(`SELECT nodeID, ${d.bigintAsText('lastChatID')} AS lastChatID FROM tblLastChatId`);
    const extents = new Map<number, MessageExtent>();
    for (const row of chats) {
      const room = toInt(row.channelId, 'tblChat.channelId');
      extents.set(room, { count: toInt(row.messages, 'COUNT(*)'), maxChatId: toInt(row.maxChatId, 'MAX(chatId)'), lastChatId: 0 });
    }
    for (const row of last) {
      const room = toInt(row.nodeID, 'tblLastChatId.nodeID');
      const extent = extents.get(room) ?? { count: 0, maxChatId: 0, lastChatId: 0 };
      extents.set(room, { ...extent, lastChatId: toInt(row.lastChatID, 'tblLastChatId.lastChatID') });
    }
    return extents;
  }

  async nodeGuids(): Promise<string[]> {
    const rows = await this.connection.query<Record<string, unknown>>('SELECT nodeGuid FROM tblNode ORDER BY nodeID');
    return rows.map((row) => toGuid(row.nodeGuid, 'tblNode.nodeGuid'));
  }

  /** DNS names of the domains the pool caches (tblPrincipal rows of type DC): the forest as the target sees it. */
  async domainNames(): Promise<string[]> {
    const rows = await this.connection.query<Record<string, unknown>>('SELECT prinADPath FROM tblPrincipal WHERE prinTypeID = @dc', { dc: PrincipalTypeId.DC });
    const names = new Set<string>();
    for (const row of rows) {
      const domain = row.prinADPath === null || row.prinADPath === undefined ? undefined : dnsDomainOfDn(toText(row.prinADPath));
      if (domain) names.add(domain);
    }
    return [...names].sort();
  }

  /** Whether tblChat's key index is in place (SQLite drops it during bulk loads; SQL Server always has it). */
  async hasMessageKey(): Promise<boolean> {
    if (this.connection.engine !== 'sqlite') return true;
    const rows = await this.connection.query("SELECT name FROM sqlite_schema WHERE type = 'index' AND name = @name", {
      name: primaryKeyIndexName(table('tblChat')),
    });
    return rows.length > 0;
  }

  /** Flags principals for a refresh by AD sync (tblPrincipalMeta), as the service does for principals it has not verified. */
  async markPrincipalsForRefresh(principalIds: readonly number[]): Promise<void> {
    await this.connection.insertMany(
      table('tblPrincipalMeta'),
      ['prinID', 'prinAffiliationsDirty', 'prinAttributesDirty', 'prinDeleted', 'tryCount', 'lastTry', 'nextTry'],
      principalIds.map((id) => [id, true, true, false, 0, null, null]),
    );
  }

  async serviceActivity(): Promise<ServiceActivity> {
    return readServiceActivity(this.connection);
  }

  /** The highest nodeID and prinID in use (new rows take the next ones; ids are not IDENTITY columns). */
  async maxIds(): Promise<{ node: number; principal: number }> {
    const [row] = await this.connection.query<Record<string, unknown>>(
      'SELECT (SELECT MAX(nodeID) FROM tblNode) AS maxNode, (SELECT MAX(prinID) FROM tblPrincipal) AS maxPrincipal',
    );
    return { node: Number(row?.maxNode ?? 0), principal: Number(row?.maxPrincipal ?? 0) };
  }

  // ----- writes ------------------------------------------------------------------------------

  async insertPrincipals(principals: readonly Principal[], audit: { on: Ticks; verifiedOn: Date }): Promise<void> {
    const t = table('tblPrincipal');
    const columns = columnNames(t);
    await this.connection.insertMany(t, columns, principals.map((p) => principalToValues(p, columns, { by: SYSTEM_PRINCIPAL_ID, ...audit })));
  }

  async insertAffiliations(affiliations: readonly Affiliation[]): Promise<void> {
    await this.connection.insertMany(
      table('tblPrincipalAffiliations'),
      ['principalID', 'affiliationID', 'index', 'updatedBy'],
      affiliations.map((a) => [a.principalId, a.affiliationId, a.index, SYSTEM_PRINCIPAL_ID]),
    );
  }

  private async upsertNode(values: Record<string, unknown>): Promise<void> {
    const columns = columnNames(table('tblNode'));
    await this.connection.execute(this.connection.dialect.upsert('tblNode', ['nodeID'], columns), values as never);
  }

  async upsertCategory(category: CategoryWrite): Promise<void> {
    await this.upsertNode({
      ...nodeBase(category),
      parentID: ROOT_NODE_ID,
      nodeType: NodeType.Category,
      nodeName: category.name,
      nodeDesc: category.description,
      invite: category.invitations,
      logged: category.chatHistory,
      filePost: category.fileUpload,
      disabled: false,
      behavior: CATEGORY_PLACEHOLDER_BEHAVIOR,
      visibility: CATEGORY_PLACEHOLDER_VISIBILITY,
      siopID: null,
    });
  }

  async upsertRoom(room: RoomWrite): Promise<void> {
    await this.upsertNode({
      ...nodeBase(room),
      parentID: room.categoryId,
      nodeType: NodeType.Room,
      nodeName: room.name,
      nodeDesc: room.description,
      // A room stores only "off" (0) or "inherit" (NULL); chat history and file upload are per category.
      invite: room.invitations === 'False' ? false : null,
      logged: null,
      filePost: null,
      disabled: room.disabled,
      behavior: BEHAVIOR_BY_TYPE[room.type],
      visibility: VISIBILITY_BY_PRIVACY[room.privacy],
      siopID: room.addinId,
    });
  }

  /** Replaces every role of a node with the given ones. */
  async replaceRoles(nodeId: number, assignments: readonly { principalId: number; role: RoleNameValue }[]): Promise<void> {
    const ids = await this.roleIds();
    await this.connection.execute('DELETE FROM tblPrincipalRole WHERE prinRoleNodeID = @node', { node: nodeId });
    await this.connection.insertMany(
      table('tblPrincipalRole'),
      ['prinRoleNodeID', 'prinRolePrinID', 'prinRoleTypeID', 'prinRoleUpdatedBy'],
      assignments.map((a) => [nodeId, a.principalId, ids.get(a.role) as number, SYSTEM_PRINCIPAL_ID]),
    );
  }

  /** Replaces the scope (AllowedMembers / DeniedMembers) of a node. */
  async replaceScope(nodeId: number, entries: readonly { principalId: number; denied: boolean }[]): Promise<void> {
    await this.connection.execute('DELETE FROM tblScopePrincipal WHERE scopeNodeID = @node', { node: nodeId });
    await this.connection.insertMany(
      table('tblScopePrincipal'),
      ['scopeNodeID', 'scopePrinID', 'scopeIsDenied', 'scopeUpdatedBy'],
      entries.map((e) => [nodeId, e.principalId, e.denied, SYSTEM_PRINCIPAL_ID]),
    );
  }

  async upsertAddin(addin: Addin): Promise<void> {
    await this.connection.execute(this.connection.dialect.upsert('tblSiopWhiteList', ['siopID'], ['siopID', 'siopName', 'siopUrl']), {
      siopID: addin.id,
      siopName: addin.name,
      siopUrl: addin.url,
    });
  }

  async insertMessages(messages: readonly Message[]): Promise<void> {
    await this.connection.insertMany(table('tblChat'), messageColumns(true), messages.map((m) => messageToValues(m, true)));
  }

  /**
   * Bulk-inserts messages given as rows in tblChat's column order (channelId, chatId, chatDate,
   * userId, isAlert, content, rtf): the importer's hot path, without an object per message.
   */
  async insertChatRows(rows: readonly (readonly SqlValue[])[]): Promise<void> {
    await this.connection.insertMany(table('tblChat'), messageColumns(true), rows);
  }

  async deleteRoomMessages(roomId: number): Promise<number> {
    await this.connection.execute('DELETE FROM tblLastChatId WHERE nodeID = @room', { room: roomId });
    return this.connection.execute('DELETE FROM tblChat WHERE channelId = @room', { room: roomId });
  }

  async setLastChatId(roomId: number, lastChatId: number): Promise<void> {
    await this.connection.execute(this.connection.dialect.upsert('tblLastChatId', ['nodeID'], ['nodeID', 'lastChatID']), {
      nodeID: roomId,
      lastChatID: lastChatId,
    });
  }

  /**
   * Drops tblChat's key index before a bulk load and rebuilds it afterwards (SQLite keeps the key
   * as a separate unique index for this; SQL Server keeps its clustered key and does nothing).
   */
  async dropMessageKey(): Promise<void> {
    if (this.connection.engine !== 'sqlite') return;
    const chat = table('tblChat');
    await this.connection.executeScript([this.connection.dialect.dropIndex(chat, primaryKeyIndexName(chat))]);
  }

  async rebuildMessageKey(): Promise<void> {
    if (this.connection.engine !== 'sqlite') return;
    const chat = table('tblChat');
    await this.connection.executeScript([
      this.connection.dialect.dropIndex(chat, primaryKeyIndexName(chat)),
      this.connection.dialect.createIndex(chat, { name: primaryKeyIndexName(chat), columns: chat.primaryKey ?? [], unique: true }),
    ]);
  }

  async backupTo(destination: string): Promise<void> {
    await this.connection.backupTo(destination);
  }
}

function nodeBase(node: NodeWrite) {
  return {
    nodeID: node.id,
    nodeGuid: node.guid,
    nodeAddedBy: node.audit.addedBy,
    nodeAddedOn: node.audit.addedOn,
    nodeUpdatedBy: node.audit.updatedBy,
    nodeUpdatedOn: node.audit.updatedOn,
    purgedOn: null,
  };
}

function nodeAudit(row: Record<string, unknown>, id: number): Audit {
  return {
    addedBy: toInt(row.nodeAddedBy, `tblNode(${id}).nodeAddedBy`),
    addedOn: toTicks(row.nodeAddedOn, `tblNode(${id}).nodeAddedOn`),
    updatedBy: toInt(row.nodeUpdatedBy, `tblNode(${id}).nodeUpdatedBy`),
    updatedOn: toTicks(row.nodeUpdatedOn, `tblNode(${id}).nodeUpdatedOn`),
  };
}
