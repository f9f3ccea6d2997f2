import { categoryPath, roomPath, type PlanContext } from '../plan-context.js';

/**
 * R7: disabled rooms are not migrated (Microsoft: mark the rooms you do not want disabled).
 * Decision: from a Persistent Chat source (a backup or re-homing) disabled rooms are imported
 * disabled, since Persistent Chat can hold them and a restore must not lose them.
 */
export function applyDisabledRooms(ctx: PlanContext): void {
  for (const room of ctx.rooms.values()) {
    if (!room.source.disabled) continue;
    if (ctx.model.legacy) {
      room.migrate = false;
      room.action = 'skip';
      const messages = ctx.scan.rooms.get(room.source.id)?.count ?? 0;
      ctx.findings.add(
        'room-disabled-not-migrated',
        roomPath(room),
        `Room '${room.source.name}' is disabled: it is not migrated${messages > 0 ? `, nor its ${messages.toLocaleString('en-US')} message(s)` : ''}.`,
        { room: room.source.name, messages },
      );
    } else {
      ctx.findings.add('room-disabled-kept', roomPath(room), `Room '${room.source.name}' is disabled in the source and is imported disabled.`, {
        room: room.source.name,
      });
    }
  }
  for (const category of ctx.categories.values()) {
    if (category.rootRooms || !category.source.disabled) continue;
    ctx.findings.add(
      'category-disabled-in-source',
      categoryPath(category),
      `Category '${category.source.name}' is disabled in the source; Persistent Chat categories cannot be disabled, so it is migrated enabled.`,
      { name: category.source.name },
    );
  }
}
