import { SYSTEM_PRINCIPAL_ID } from '../model/constants.js';
import { ticksToIso } from '../model/ticks.js';
import type { PlanContext } from './plan-context.js';
import type { AddinAction, CategoryAction, MigrationPlan, PlanMonth, PrincipalAction, RoomAction } from './plan-types.js';

/** Turns the drafts into the plan: source principal ids become target prinIDs, sets become sorted lists. */
export function assemblePlan(
  ctx: PlanContext,
  parts: { runKey: string; sourceKey: string; principals: PrincipalAction[]; addins: AddinAction[] },
): MigrationPlan {
  const targetIds = (ids: Iterable<number>): number[] => {
    const out = new Set<number>();
    for (const id of ids) {
      const resolution = ctx.principals.get(id);
      if (resolution && resolution.action !== 'unresolved' && resolution.targetId !== null) out.add(resolution.targetId);
    }
    return [...out].sort((a, b) => a - b);
  };
  const auditBy = (sourceId: number) => {
    const resolution = ctx.principals.get(sourceId);
    return resolution && (resolution.action === 'match' || resolution.action === 'system' || resolution.action === 'create') && resolution.targetId !== null
      ? resolution.targetId
      : SYSTEM_PRINCIPAL_ID;
  };

  const categories: CategoryAction[] = [...ctx.categories.values()]
    .sort((a, b) => a.sourceId - b.sourceId)
    .map((c) => ({
      sourceId: c.sourceId,
      sourcePath: c.sourcePath,
      name: c.name,
      action: c.action,
      targetId: c.targetId,
      guid: c.guid,
      description: c.description,
      invitations: c.invitations,
      fileUpload: c.fileUpload,
      chatHistory: c.chatHistory,
      allowedMembers: targetIds(c.allowed),
      deniedMembers: targetIds(c.denied),
      creators: targetIds(c.creators),
      addedBy: auditBy(c.source.audit.addedBy),
      addedOn: c.source.audit.addedOn.toString(),
    }));

  const { info } = ctx.model;
  const rooms: RoomAction[] = [...ctx.rooms.values()]
    .sort((a, b) => a.source.id - b.source.id)
    .map((r) => {
      const scan = ctx.scan.rooms.get(r.source.id);
      return {
        sourceId: r.source.id,
        sourcePath: r.sourcePath,
        sourceName: r.source.name,
        name: r.name,
        action: r.action,
        categorySourceId: r.category.sourceId,
        category: r.category.name,
        categoryTargetId: r.category.targetId,
        targetId: r.targetId,
        guid: r.guid,
        description: r.description,
        privacy: r.privacy,
        type: r.type,
        invitations: r.invitations,
        disabled: r.disabled,
        addin: r.addin,
        members: targetIds(r.members),
        managers: targetIds(r.managers),
        presenters: targetIds(r.presenters),
        addedBy: auditBy(r.source.audit.addedBy),
        addedOn: r.source.audit.addedOn.toString(),
        messages: {
          count: scan?.count ?? 0,
          cut: info.messagesCut.get(r.source.id) ?? 0,
          firstChatId: scan?.firstChatId ?? null,
          lastChatId: scan?.lastChatId ?? null,
          hash: scan?.hash ?? '',
          chatIdOffset: r.chatIdOffset,
          existing: r.existingMessages,
        },
      };
    });

  const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;
  const migrated = rooms.filter((r) => r.action !== 'skip');
  const findings = ctx.findings.list;
  return {
    runKey: parts.runKey,
    sourceKey: parts.sourceKey,
    status: ctx.ledger.status,
    source: {
      origin: info.origin,
      flavour: info.flavour,
      schemaVersion: info.schemaVersion,
      level: info.level,
      contents: ctx.model.contents,
      scope: info.scope,
      startDate: info.startDate === null ? null : ticksToIso(info.startDate),
    },
    target: { description: ctx.target.description, engine: ctx.target.engine },
    options: {
      categorySeparator: ctx.options.categorySeparator,
      shortenLongNames: ctx.options.shortenLongNames,
      rootRoomsCategory: ctx.options.rootRoomsCategory,
      force: ctx.options.force,
    },
    plannedAt: ctx.options.now.toISOString(),
    principals: parts.principals,
    addins: parts.addins,
    categories,
    rooms,
    findings,
    months: planMonths(ctx),
    totals: {
      principals: {
        referenced: parts.principals.length,
        matched: count(parts.principals, (p) => p.action === 'match' || p.action === 'system'),
        created: count(parts.principals, (p) => p.action === 'create'),
        unresolved: count(parts.principals, (p) => p.action === 'unresolved'),
      },
      addins: { create: count(parts.addins, (a) => a.action === 'create'), overwrite: count(parts.addins, (a) => a.action === 'overwrite') },
      categories: {
        create: count(categories, (c) => c.action === 'create'),
        overwrite: count(categories, (c) => c.action === 'overwrite'),
        keep: count(categories, (c) => c.action === 'keep'),
      },
      rooms: {
        create: count(rooms, (r) => r.action === 'create'),
        overwrite: count(rooms, (r) => r.action === 'overwrite'),
        keep: count(rooms, (r) => r.action === 'keep'),
        skip: count(rooms, (r) => r.action === 'skip'),
      },
      messages: {
        import: ctx.model.contents.messages ? migrated.reduce((n, r) => n + r.messages.count, 0) : 0,
        cut: [...info.messagesCut.values()].reduce((n, c) => n + c, 0),
        inSkippedRooms: rooms.filter((r) => r.action === 'skip').reduce((n, r) => n + r.messages.count, 0),
      },
      findings: {
        error: count(findings, (f) => f.severity === 'error'),
        warning: count(findings, (f) => f.severity === 'warning'),
        info: count(findings, (f) => f.severity === 'info'),
      },
    },
  };
}

function planMonths(ctx: PlanContext): PlanMonth[] {
  const months = new Map<string, { migrated: number; cut: number; notMigrated: number }>();
  for (const [month, tally] of ctx.scan.months) months.set(month, { migrated: tally.migrated, cut: 0, notMigrated: tally.notMigrated });
  for (const tally of ctx.model.info.months) {
    const entry = months.get(tally.month) ?? { migrated: 0, cut: 0, notMigrated: 0 };
    entry.cut += tally.cut;
    months.set(tally.month, entry);
  }
  return [...months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, t]) => ({ month, ...t }));
}
