import { categoryPath, migratedRooms, roomPath, type PlanContext } from '../plan-context.js';

/**
 * §4: a legacy category's scope (an allow-list that sub-categories may only narrow) becomes the
 * flattened category's AllowedMembers: the rows of the node that defines the category's
 * effective scope. Group Chat has no deny lists, so DeniedMembers stays empty; a Persistent
 * Chat source keeps its own allow and deny rows. A room that narrows its category's scope cannot
 * be represented (Persistent Chat scopes are per category): a warning.
 */
export function convertScopes(ctx: PlanContext): void {
  if (!ctx.model.contents.categorySettings) return;
  for (const category of ctx.categories.values()) {
    const definer = ctx.tree.scopeDefiner(category.source, category.chain);
    for (const entry of ctx.model.scopesByNode.get(definer) ?? []) {
      if (!ctx.model.principals.has(entry.principalId)) continue;
      (entry.denied ? category.denied : category.allowed).add(entry.principalId);
    }
    if (ctx.model.legacy) {
      ctx.findings.add(
        'allowed-members',
        categoryPath(category),
        `Category '${category.name}' gets ${category.allowed.size} AllowedMembers from the scope defined at ${ctx.tree.describe(definer)}.`,
        { category: category.name, allowed: category.allowed.size, definedAt: ctx.tree.describe(definer) },
      );
    }
  }
  if (!ctx.model.legacy || !ctx.model.contents.roomSettings) return;
  for (const room of migratedRooms(ctx)) {
    const rows = ctx.model.scopesByNode.get(room.source.id) ?? [];
    if (rows.length === 0 || ctx.tree.scopeDefiner(room.source, room.chain) !== room.source.id) continue;
    ctx.findings.add(
      'room-scope-dropped',
      roomPath(room),
      `Room '${room.source.name}' narrows its category's scope to ${rows.length} principal(s); Persistent Chat keeps scopes per category only.`,
      { room: room.source.name, entries: rows.length },
    );
  }
}
