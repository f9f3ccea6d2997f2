import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingPath } from '../findings/finding.js';
import { categoryPath, migratedRooms, principalUri, type PlanContext } from '../plan-context.js';
import { holders } from './role-rows.js';

/**
 * R3: managers of the root category become managers of every migrated room. §4 (decision, the
 * same logic one level down): Group Chat never resets manager lists along the tree, so the
 * managers of any category are managers of every room below it; Persistent Chat has no category
 * managers, so they become managers of those rooms (and Creators, see creators.ts).
 */
export function convertManagers(ctx: PlanContext): void {
  if (!ctx.model.contents.roomSettings) return;
  const rooms = migratedRooms(ctx);
  for (const room of rooms) {
    for (const id of holders(ctx, room.source.id, 'Manager')) room.managers.add(id);
    if (!ctx.model.legacy) continue;
    for (const category of room.chain) {
      for (const id of holders(ctx, category.id, 'Manager')) room.managers.add(id);
    }
  }
  if (!ctx.model.legacy) return;
  for (const id of holders(ctx, ROOT_NODE_ID, 'Manager')) {
    ctx.findings.add(
      'root-manager',
      findingPath.principal(principalUri(ctx, id)),
      `${principalUri(ctx, id)} manages the root category and becomes a manager of all ${rooms.length} migrated room(s).`,
      { uri: principalUri(ctx, id), rooms: rooms.length },
    );
  }
  for (const category of ctx.categories.values()) {
    if (category.rootRooms) continue;
    const below = rooms.filter((r) => r.chain.some((c) => c.id === category.source.id)).length;
    for (const id of holders(ctx, category.source.id, 'Manager')) {
      ctx.findings.add(
        'category-manager',
        categoryPath(category),
        `${principalUri(ctx, id)} manages category '${category.sourcePath.join(' / ')}': Creator of '${category.name}' and manager of its ${below} migrated room(s) and those of its sub-categories.`,
        { uri: principalUri(ctx, id), category: category.name, rooms: below },
      );
    }
  }
}
