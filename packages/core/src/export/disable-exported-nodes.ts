import type { PoolDatabase } from '../db/open-pool.js';
import { disableNodes } from '../db/repositories/source-writer.js';
import type { Ticks } from '../model/ticks.js';
import type { DisabledNodes } from './export-result.js';
import type { SelectionPlan } from './select-source.js';

/**
 * The exported nodes -DisableExportedNodes disables: every exported room and every exported
 * category, except the root (it is the pool itself, never migrated as a category) and the
 * ancestors carried only as context of a -Scope.
 */
export function exportedNodeIds(plan: SelectionPlan): { categoryIds: number[]; roomIds: number[] } {
  const context = plan.resolution.context;
  return {
    categoryIds: plan.categories.filter((c) => c.parentId !== null && !context.has(c.id)).map((c) => c.id),
    roomIds: plan.rooms.map((r) => r.id),
  };
}

/** Disables the exported nodes in one transaction (the only write an export makes to a source). */
export async function disableExportedNodes(pool: PoolDatabase, plan: SelectionPlan, actor: { id: number; on: Ticks }): Promise<DisabledNodes> {
  const { categoryIds, roomIds } = exportedNodeIds(plan);
  const already = new Set([...plan.categories.filter((c) => c.disabled).map((c) => c.id), ...plan.rooms.filter((r) => r.disabled).map((r) => r.id)]);
  const changed = await disableNodes(pool, [...categoryIds, ...roomIds], actor);
  return {
    categoryIds: categoryIds.filter((id) => !already.has(id)),
    roomIds: roomIds.filter((id) => !already.has(id)),
    alreadyDisabledIds: [...categoryIds, ...roomIds].filter((id) => already.has(id)),
    changed,
  };
}
