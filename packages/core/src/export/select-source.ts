import type { MessageTallies, SourceReader } from '../db/repositories/source-reader.js';
import { isLegacyFlavour } from '../db/schema/pool-schema.js';
import type { ExportLevel } from '../model/constants.js';
import { levelContents, type LevelContents } from '../model/export-level.js';
import type { Message } from '../model/message.js';
import type { Addin, RoleAssignment, ScopeEntry, SourceCategory, SourceRoom } from '../model/node.js';
import type { Affiliation, Principal } from '../model/principal.js';
import type { MonthTally, SourceData, SourceInfo } from '../model/source-data.js';
import { TICKS_PER_DAY, type Ticks } from '../model/ticks.js';
import type { MessagePage, MessagePageSource } from '../package/index.js';
import { MessageTally } from '../package/format/message-line-scan.js';
import { pageOf } from '../package/write/message-pages.js';
import { resolveScope, type ScopeResolution } from './resolve-scope.js';
import { sqliteMessagePages } from './sqlite-message-pages.js';

export interface Selection {
  readonly level: ExportLevel;
  readonly scope: readonly string[] | null;
  readonly startDate: Ticks | null;
}

/** Every category and room of the source, with what -Level and -Scope select of them. */
export interface SelectionPlan extends Selection {
  readonly contents: LevelContents;
  readonly allCategories: readonly SourceCategory[];
  readonly allRooms: readonly SourceRoom[];
  readonly resolution: ScopeResolution;
  /** Categories written to the package (in scope, and their ancestors as context). */
  readonly categories: readonly SourceCategory[];
  readonly rooms: readonly SourceRoom[];
  /**
   * Messages per channel of every room, exported or not (channels without a room are "orphans"),
   * and the messages -StartDate cuts per month of the exported rooms. The kept messages per month
   * are counted as messagePages() reads them (SelectedSource.info()).
   */
  readonly tallies: MessageTallies;
}

/**
 * The source as -Level, -Scope and -StartDate select it (docs/package-format.md, "Levels"): a
 * SourceData over a SourceReader that writePackage writes as is. Principals at the levels that
 * carry "referenced" principals are those the exported roles, scope rows and message authors
 * name. On SQLite, messages come as pages built in SQL (sqliteMessagePages).
 */
export class SelectedSource implements SourceData, MessagePageSource {
  private referenced?: Promise<ReadonlySet<number>>;
  /**
   * What the passes over principals() and roles() saw, so that the report needs no pass of its
   * own: federated principals, and from the last complete pass over the roles, rows per node and
   * the rows that name a federated principal (writePackage streams principals before roles).
   */
  readonly observed = {
    federated: new Map<number, Principal>(),
    rolesPerNode: new Map<number, number>() as ReadonlyMap<number, number>,
    federatedRoles: [] as readonly RoleAssignment[],
  };
  private readonly roleNodes: ReadonlySet<number>;
  private readonly roomIds: readonly number[];
  private readonly roomIdSet: ReadonlySet<number>;
  /** The messages messagePages() handed out, per day and author; complete once it has run to the end. */
  private tally = new MessageTally();
  private passed = false;

  private constructor(
    private readonly reader: SourceReader,
    readonly plan: SelectionPlan,
  ) {
    const nodes = new Set<number>();
    if (plan.contents.categorySettings) for (const c of plan.categories) nodes.add(c.id);
    if (plan.contents.roomSettings) for (const r of plan.rooms) nodes.add(r.id);
    this.roleNodes = nodes;
    this.roomIds = plan.contents.messages ? plan.rooms.map((r) => r.id) : [];
    this.roomIdSet = new Set(this.roomIds);
  }

  static async create(reader: SourceReader, selection: Selection): Promise<SelectedSource> {
    const contents = levelContents(selection.level);
    const allCategories = await reader.categories();
    const allRooms = await reader.rooms();
    const resolution = resolveScope(allCategories, selection.scope);
    const categories = contents.categories ? allCategories.filter((c) => resolution.inScope.has(c.id) || resolution.context.has(c.id)) : [];
    const rooms = contents.rooms ? allRooms.filter((r) => resolution.inScope.has(r.categoryId)) : [];
    const tallies = await reader.tallies({ startDate: selection.startDate, rooms: contents.messages ? rooms.map((r) => r.id) : [], months: 'cut' });
    return new SelectedSource(reader, { ...selection, contents, allCategories, allRooms, resolution, categories, rooms, tallies });
  }

  /**
   * The selection as a source. Its months come from the pass of messagePages() over the
   * messages (kept) and the tallies (cut); asked before that pass has run, it counts them in SQL.
   */
  async info(): Promise<SourceInfo> {
    const pool = this.reader.database;
    return {
      flavour: pool.flavour,
      schemaVersion: pool.schemaVersion,
      origin: pool.description,
      level: this.plan.level,
      scope: this.plan.scope,
      startDate: this.plan.startDate,
      messagesCut: this.plan.tallies.messagesCut,
      months: this.passed ? this.monthsOfPass() : (await this.reader.tallies({ startDate: this.plan.startDate, rooms: this.roomIds })).months,
    };
  }

  /** Messages the export will write: the exported rooms' messages at or after the start date, as counted before. */
  async messageCount(): Promise<number> {
    let count = 0;
    for (const id of this.roomIds) count += this.plan.tallies.byChannel.get(id)?.kept ?? 0;
    return count;
  }

  private monthsOfPass(): MonthTally[] {
    const months = new Map<string, { kept: number; cut: number }>();
    for (const [month, kept] of this.tally.months()) months.set(month, { kept, cut: 0 });
    for (const m of this.plan.tallies.months) {
      const entry = months.get(m.month) ?? { kept: 0, cut: 0 };
      entry.cut += m.cut;
      months.set(m.month, entry);
    }
    return [...months].filter(([, t]) => t.kept !== 0 || t.cut !== 0).sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, t]) => ({ month, ...t }));
  }

  /** Principal ids the exported roles, scope rows and messages refer to. */
  referencedPrincipals(): Promise<ReadonlySet<number>> {
    this.referenced ??= (async () => {
      const ids = new Set<number>();
      for await (const batch of this.roles()) for (const row of batch) ids.add(row.principalId);
      for await (const batch of this.scopes()) for (const row of batch) ids.add(row.principalId);
      if (this.roomIds.length > 0) for (const id of await this.messageAuthors()) ids.add(id);
      return ids;
    })();
    return this.referenced;
  }

  async *principals(): AsyncIterable<Principal[]> {
    const principals = this.plan.contents.principals;
    if (principals === 'none') return;
    const wanted = principals === 'all' ? null : await this.referencedPrincipals();
    for await (const batch of this.reader.principals()) {
      const selected = wanted === null ? batch : batch.filter((p) => wanted.has(p.id));
      for (const p of selected) if (p.federated) this.observed.federated.set(p.id, p);
      if (selected.length > 0) yield selected;
    }
  }

  async *affiliations(): AsyncIterable<Affiliation[]> {
    const principals = this.plan.contents.principals;
    if (principals === 'none') return;
    const wanted = principals === 'all' ? null : await this.referencedPrincipals();
    for await (const batch of this.reader.affiliations()) {
      const selected = wanted === null ? batch : batch.filter((a) => wanted.has(a.principalId) && wanted.has(a.affiliationId));
      if (selected.length > 0) yield selected;
    }
  }

  async categories(): Promise<SourceCategory[]> {
    return [...this.plan.categories];
  }

  async rooms(): Promise<SourceRoom[]> {
    return [...this.plan.rooms];
  }

  async *roles(): AsyncIterable<RoleAssignment[]> {
    const perNode = new Map<number, number>();
    const federatedRoles: RoleAssignment[] = [];
    if (this.roleNodes.size > 0) {
      for await (const batch of this.reader.roles()) {
        const selected = batch.filter((r) => this.roleNodes.has(r.nodeId));
        for (const r of selected) {
          perNode.set(r.nodeId, (perNode.get(r.nodeId) ?? 0) + 1);
          if (this.observed.federated.has(r.principalId)) federatedRoles.push(r);
        }
        if (selected.length > 0) yield selected;
      }
    }
    this.observed.rolesPerNode = perNode;
    this.observed.federatedRoles = federatedRoles;
  }

  async *scopes(): AsyncIterable<ScopeEntry[]> {
    if (this.roleNodes.size === 0) return;
    for await (const batch of this.reader.scopes()) {
      const selected = batch.filter((s) => this.roleNodes.has(s.nodeId));
      if (selected.length > 0) yield selected;
    }
  }

  async addins(): Promise<Addin[]> {
    return this.plan.contents.addins ? this.reader.addins() : [];
  }

  async *messages(): AsyncIterable<Message[]> {
    for (const room of this.roomIds) yield* this.reader.roomMessages(room, this.since());
  }

  /**
   * The distinct authors of the exported messages: from the pass of messagePages() once it has run,
   * else one scan (or a range scan per room when only some rooms are exported).
   */
  async messageAuthors(): Promise<number[]> {
    if (this.roomIds.length === 0) return [];
    if (this.passed) return this.tally.authors();
    const everyChannel = [...this.plan.tallies.byChannel.keys()].every((id) => this.roomIdSet.has(id));
    return this.reader.messageAuthors({ since: this.plan.startDate, ...(everyChannel ? {} : { rooms: this.roomIds }) });
  }

  private since(): { since?: Ticks } {
    return this.plan.startDate === null ? {} : { since: this.plan.startDate };
  }

  async *messagePages(): AsyncIterable<MessagePage> {
    const pool = this.reader.database;
    const withRtf = !isLegacyFlavour(pool.flavour);
    this.passed = false;
    this.tally = new MessageTally();
    const tally = this.tally;
    if (pool.connection.engine !== 'sqlite' || !(await this.reader.hasStrictChatTable())) {
      // Through the domain model (SQL Server, or a SQLite file pcmig did not create).
      for await (const batch of this.messages()) {
        for (const message of batch) {
          tally.addDay(Number(message.timestamp / TICKS_PER_DAY), 1);
          tally.addAuthor(message.authorId);
        }
        yield pageOf(batch);
      }
    } else {
      const rooms = this.roomIds.map((id) => ({ id, expected: this.plan.tallies.byChannel.get(id)?.kept ?? 0 }));
      yield* sqliteMessagePages(pool.connection, rooms, {
        since: this.plan.startDate,
        withRtf,
        tally,
        fallback: async (room, after, upto) => {
          const page: Message[] = [];
          for await (const batch of this.reader.roomMessages(room, this.since())) {
            for (const message of batch) if (message.chatId > after && (upto === null || message.chatId <= upto)) page.push(message);
            if (upto !== null && batch.length > 0 && (batch.at(-1) as Message).chatId >= upto) break;
          }
          return pageOf(page);
        },
      });
    }
    this.passed = true;
  }
}
