import { ROOT_NODE_ID, SYSTEM_PRINCIPAL_ID, type SourceFlavour } from '../../model/constants.js';
import type { Message } from '../../model/message.js';
import type { Addin, RoleAssignment, ScopeEntry, SourceCategory, SourceRoom } from '../../model/node.js';
import type { Affiliation, Principal } from '../../model/principal.js';
import type { Ticks } from '../../model/ticks.js';
import type { SqlConnection } from '../connection.js';
import { messageColumns, messageToValues } from '../rows/message-rows.js';
import { categoryToValues, roomToValues } from '../rows/node-rows.js';
import { principalToValues } from '../rows/principal-rows.js';
import { columnNames } from '../rows/select-list.js';
import { isLegacyFlavour } from '../schema/pool-schema.js';
import { primaryKeyIndexName } from '../schema/table.js';
import type { PoolDatabase } from '../open-pool.js';
import { tableOf } from './tables-of.js';

/**
 * Writes domain entities into a pool database as its own product would have stored them. It is
 * how simulated source pools are built (data generator, rehearsal, tests); the migration itself
 * never uses it on a customer's source. Callers batch rows and wrap calls in transactions.
 */
export class SourceWriter {
  readonly flavour: SourceFlavour;
  private readonly legacy: boolean;
  private roleIds?: Map<string, number>;

  constructor(private readonly pool: PoolDatabase) {
    this.flavour = pool.flavour;
    this.legacy = isLegacyFlavour(pool.flavour);
  }

  get connection(): SqlConnection {
    return this.pool.connection;
  }

  private table(name: string) {
    return tableOf(this.flavour, name);
  }

  async principals(principals: readonly Principal[], audit: { on: Ticks; verifiedOn: Date }): Promise<void> {
    const table = this.table('tblPrincipal');
    const columns = columnNames(table);
    await this.connection.insertMany(
      table,
      columns,
      principals.map((p) => principalToValues(p, columns, { by: SYSTEM_PRINCIPAL_ID, on: audit.on, verifiedOn: audit.verifiedOn })),
    );
  }

  async affiliations(affiliations: readonly Affiliation[]): Promise<void> {
    await this.connection.insertMany(
      this.table('tblPrincipalAffiliations'),
      ['principalID', 'affiliationID', 'index', 'updatedBy'],
      affiliations.map((a) => [a.principalId, a.affiliationId, a.index, SYSTEM_PRINCIPAL_ID]),
    );
  }

  async addins(addins: readonly Addin[]): Promise<void> {
    await this.connection.insertMany(this.table('tblSiopWhiteList'), ['siopID', 'siopName', 'siopUrl'], addins.map((a) => [a.id, a.name, a.url]));
  }

  /** Categories, parents before children (the root first). */
  async categories(categories: readonly SourceCategory[]): Promise<void> {
    const table = this.table('tblNode');
    const columns = columnNames(table);
    await this.connection.insertMany(table, columns, categories.map((c) => categoryToValues(c, columns)));
  }

  async rooms(rooms: readonly SourceRoom[]): Promise<void> {
    const table = this.table('tblNode');
    const columns = columnNames(table);
    await this.connection.insertMany(table, columns, rooms.map((r) => roomToValues(r, columns)));
  }

  /**
   * Group Chat only: tblTree, the closure of the node tree (decision, docs/legacy-schema.md).
   * Persistent Chat has no tblTree; the call does nothing there.
   */
  async tree(nodes: readonly { id: number; parentId: number | null }[]): Promise<void> {
    if (!this.legacy) return;
    const parentOf = new Map(nodes.map((n) => [n.id, n.id === ROOT_NODE_ID ? null : n.parentId]));
    const rows: number[][] = [];
    for (const node of nodes) {
      let ancestor: number | null | undefined = node.id;
      let depth = 0;
      const seen = new Set<number>();
      while (ancestor !== null && ancestor !== undefined && !seen.has(ancestor)) {
        seen.add(ancestor);
        rows.push([ancestor, node.id, depth]);
        ancestor = parentOf.get(ancestor);
        depth += 1;
      }
    }
    await this.connection.insertMany(this.table('tblTree'), ['ancestorID', 'descendantID', 'depth'], rows);
  }

  async roles(assignments: readonly RoleAssignment[]): Promise<void> {
    if (!this.roleIds) {
      const rows = await this.connection.query<{ rtypeID: number; rtypeDesc: string }>('SELECT rtypeID, rtypeDesc FROM tblRoleType');
      this.roleIds = new Map(rows.map((r) => [r.rtypeDesc, Number(r.rtypeID)]));
    }
    const ids = this.roleIds;
    await this.connection.insertMany(
      this.table('tblPrincipalRole'),
      ['prinRoleNodeID', 'prinRolePrinID', 'prinRoleTypeID', 'prinRoleUpdatedBy'],
      assignments.map((a) => {
        const typeId = ids.get(a.role);
        if (typeId === undefined) throw new Error(`${this.flavour} has no role type ${a.role}`);
        return [a.nodeId, a.principalId, typeId, SYSTEM_PRINCIPAL_ID];
      }),
    );
  }

  async scopes(entries: readonly ScopeEntry[]): Promise<void> {
    if (this.legacy && entries.some((e) => e.denied)) throw new Error('Group Chat scopes are allow-lists only');
    const columns = this.legacy ? ['scopeNodeID', 'scopePrinID', 'scopeUpdatedBy'] : ['scopeNodeID', 'scopePrinID', 'scopeIsDenied', 'scopeUpdatedBy'];
    await this.connection.insertMany(
      this.table('tblScopePrincipal'),
      columns,
      entries.map((e) => (this.legacy ? [e.nodeId, e.principalId, SYSTEM_PRINCIPAL_ID] : [e.nodeId, e.principalId, e.denied, SYSTEM_PRINCIPAL_ID])),
    );
  }

  async messages(messages: readonly Message[]): Promise<void> {
    const withRtf = !this.legacy;
    await this.connection.insertMany(this.table('tblChat'), messageColumns(withRtf), messages.map((m) => messageToValues(m, withRtf)));
  }

  /**
   * tblLastChatId. Without arguments it is derived from what tblChat holds (call once the
   * messages are in); a bulk loader that knows each room's last chatId passes them instead, which
   * spares a scan of tblChat.
   */
  async lastChatIds(known?: ReadonlyMap<number, number>): Promise<void> {
    await this.connection.execute('DELETE FROM tblLastChatId');
    if (!known) {
      await this.connection.execute('INSERT INTO tblLastChatId (nodeID, lastChatID) SELECT channelId, MAX(chatId) FROM tblChat GROUP BY channelId');
      return;
    }
    const rows = [...known].filter(([, last]) => last > 0).sort(([a], [b]) => a - b);
    await this.connection.insertMany(this.table('tblLastChatId'), ['nodeID', 'lastChatID'], rows);
  }

  /**
   * Runs `work` with the database tuned for filling a new, empty pool in bulk. On SQLite: no
   * rollback journal and no fsync while loading (a crash leaves a file to throw away, which is
   * what a generator does with a half-written pool anyway), a large page cache, and tblChat's key
   * index built once at the end instead of row by row. Afterwards the file is an ordinary,
   * consistent database with a rollback journal and full sync. SQL Server needs none of this
   * (its bulk copy is already minimally logged), so there `work` simply runs.
   */
  async bulkLoad<T>(work: () => Promise<T>): Promise<T> {
    const connection = this.connection;
    if (connection.engine !== 'sqlite') return work();
    if (connection.inTransaction) throw new Error('bulkLoad must start outside a transaction');
    const chat = this.table('tblChat');
    const key = { name: primaryKeyIndexName(chat), columns: chat.primaryKey ?? [], unique: true };
    await connection.executeScript([
      'PRAGMA journal_mode = OFF',
      'PRAGMA synchronous = OFF',
      'PRAGMA temp_store = MEMORY',
      'PRAGMA cache_size = -262144',
      connection.dialect.dropIndex(chat, key.name),
    ]);
    let failure: { error: unknown } | undefined;
    let result: T | undefined;
    try {
      result = await work();
    } catch (error) {
      failure = { error };
    }
    try {
      // The key comes back even when work failed, so that the schema stays recognisable.
      await connection.executeScript([connection.dialect.createIndex(chat, key)]);
    } catch (error) {
      failure ??= { error };
    }
    await connection.executeScript(['PRAGMA cache_size = -2000', 'PRAGMA synchronous = FULL', 'PRAGMA journal_mode = DELETE']);
    if (failure) throw failure.error;
    return result as T;
  }

  /** A chat server row, as a running (or stopped) service leaves it. */
  async serverIdentity(server: { serverId: number; address: string; lastPing: Date | null }): Promise<void> {
    await this.connection.insertMany(this.table('tblServerIdentity'), ['serverID', 'serverAddress', 'serverLastPingTime'], [
      [server.serverId, server.address, server.lastPing],
    ]);
  }
}

/**
 * -DisableExportedNodes: marks nodes disabled in the source, in one transaction. This is the
 * only write pcmig ever makes to a source database, and it needs a pool opened for writing.
 */
export async function disableNodes(pool: PoolDatabase, nodeIds: readonly number[], actor: { id: number; on: Ticks }): Promise<number> {
  const connection = pool.connection;
  let changed = 0;
  await connection.transaction(async () => {
    for (const nodeId of nodeIds) {
      changed += await connection.execute(
        'UPDATE tblNode SET disabled = 1, nodeUpdatedBy = @actor, nodeUpdatedOn = @on WHERE nodeID = @node AND disabled = 0',
        { actor: actor.id, on: actor.on, node: nodeId },
      );
    }
  });
  return changed;
}
