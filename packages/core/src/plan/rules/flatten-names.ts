import { ROOT_NODE_ID } from '../../model/constants.js';
import { PATH_SEPARATOR } from '../findings/finding.js';
import { categoryPath, roomPath, type PlanContext, type RoomDraft } from '../plan-context.js';

/**
 * R1: Persistent Chat has one level of categories. Every legacy category but the root becomes a
 * category named by its path from the top, joined by -CategorySeparator; a room under a
 * sub-category is named with the full names of its parent categories as prefix (R2's wording),
 * a room in a top-level category keeps its name. Rooms directly under the root go into the
 * -RootRoomsCategory category and keep their names.
 */
export function flattenNames(ctx: PlanContext): void {
  const separator = ctx.options.categorySeparator;
  const rootRooms = ctx.categories.get(ROOT_NODE_ID);
  if (rootRooms) {
    const rooms = [...ctx.rooms.values()].filter((r) => r.migrate && r.category === rootRooms);
    if (rooms.length === 0) {
      ctx.categories.delete(ROOT_NODE_ID);
    } else {
      ctx.findings.add(
        'root-rooms-category',
        categoryPath(rootRooms),
        `${rooms.length} room(s) sit directly under the root category; they go into category '${rootRooms.name}'.`,
        { category: rootRooms.name, rooms: rooms.length },
      );
    }
  }
  for (const category of ctx.categories.values()) {
    if (category.rootRooms) continue;
    category.name = category.sourcePath.join(separator);
    if (category.sourcePath.length > 1) {
      ctx.findings.add('category-flattened', categoryPath(category), `Category '${category.sourcePath.join(PATH_SEPARATOR)}' becomes '${category.name}'.`, {
        from: category.sourcePath.join(PATH_SEPARATOR),
        to: category.name,
      });
    }
  }
  for (const room of ctx.rooms.values()) {
    room.name = roomTargetName(room, room.category.name, separator);
    if (room.migrate && room.name !== room.source.name) {
      ctx.findings.add('room-prefixed', roomPath(room), `Room '${room.source.name}' becomes '${room.name}'.`, { from: room.source.name, to: room.name });
    }
  }
}

/** A room's target name from its category's target name (used again by R2 after shortening a category). */
export function roomTargetName(room: RoomDraft, categoryName: string, separator: string): string {
  return room.sourcePath.length > 1 ? `${categoryName}${separator}${room.source.name}` : room.source.name;
}
