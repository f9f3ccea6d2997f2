import { migratedRooms, roomPath, type PlanContext } from '../plan-context.js';

/**
 * R4: a category's invitation switch is the effective legacy value (the tri-state chain resolved
 * from the root, ChildrenMustInheritProperties honoured). A Persistent Chat room can only
 * inherit (NULL) or be off (0):
 *   room on,  category on  → Inherit (info when the room said so explicitly)
 *   room on,  category off → False, with a warning (Microsoft: "sets rooms to the default value of false")
 *   room off explicitly    → False (it stays off if the category is turned on later)
 *   otherwise              → Inherit
 */
export function convertInvitations(ctx: PlanContext): void {
  if (ctx.model.contents.categorySettings) {
    for (const category of ctx.categories.values()) category.invitations = ctx.tree.effective('invitations', category.chain);
  }
  if (!ctx.model.contents.roomSettings) return;
  for (const room of migratedRooms(ctx)) {
    const categoryOn = ctx.tree.effective('invitations', room.chain);
    const roomOn = ctx.tree.effective('invitations', room.chain, room.source);
    const explicit = !ctx.tree.inheritanceForced(room.chain) ? room.source.invitations : null;
    if (roomOn && !categoryOn) {
      room.invitations = 'False';
      ctx.findings.add(
        'invitations-forced-off',
        roomPath(room),
        `Room '${room.source.name}' sends invitations but category '${room.category.name}' does not; the room is set to False.`,
        { room: room.source.name, category: room.category.name },
      );
    } else if (!roomOn && explicit === false) {
      room.invitations = 'False';
    } else {
      room.invitations = 'Inherit';
      if (roomOn && explicit === true) {
        ctx.findings.add('invitations-inherit', roomPath(room), `Room '${room.source.name}' has invitations on, like its category: stored as Inherit.`, {
          room: room.source.name,
          category: room.category.name,
        });
      }
    }
  }
}
