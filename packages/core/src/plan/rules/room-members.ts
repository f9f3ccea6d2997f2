import { migratedRooms, roomPath, type PlanContext } from '../plan-context.js';
import { holders } from './role-rows.js';

/**
 * §4: a legacy room either defines its own member list (CreateNewMemberList) or uses the list
 * of an ancestor (roleDefinerId). Persistent Chat has no inherited lists, so the room gets the
 * effective list as explicit Members. Member rows on a room that inherits were ignored by Group
 * Chat and are ignored here too (granting them would widen access).
 */
export function convertRoomMembers(ctx: PlanContext): void {
  if (!ctx.model.contents.roomSettings) return;
  for (const room of migratedRooms(ctx)) {
    const definer = ctx.tree.memberDefiner(room.source, room.chain);
    for (const id of holders(ctx, definer, 'Member')) room.members.add(id);
    if (definer === room.source.id) continue;
    ctx.findings.add(
      'inherited-members',
      roomPath(room),
      `Room '${room.source.name}' inherits its member list from ${ctx.tree.describe(definer)}: ${room.members.size} explicit Members.`,
      { room: room.source.name, members: room.members.size, inheritedFrom: ctx.tree.describe(definer) },
    );
    const own = holders(ctx, room.source.id, 'Member');
    if (own.length > 0) {
      ctx.findings.add('stale-member-rows', roomPath(room), `Room '${room.source.name}' has ${own.length} member row(s) of its own that Group Chat ignored.`, {
        room: room.source.name,
        rows: own.length,
      });
    }
  }
}
