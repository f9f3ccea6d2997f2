import { migratedRooms, roomPath, type PlanContext } from '../plan-context.js';
import { holders } from './role-rows.js';

/**
 * §4: Voiced principals (defined on the room itself) become Presenters. Persistent Chat allows
 * presenters only in auditorium rooms, so those of a normal room are dropped with a warning.
 * Runs after privacy-and-type.ts.
 */
export function convertPresenters(ctx: PlanContext): void {
  if (!ctx.model.contents.roomSettings) return;
  for (const room of migratedRooms(ctx)) {
    const voiced = holders(ctx, room.source.id, 'Voiced');
    if (voiced.length === 0) continue;
    if (room.type === 'Auditorium') {
      for (const id of voiced) room.presenters.add(id);
      if (ctx.model.legacy) {
        ctx.findings.add('presenters', roomPath(room), `Room '${room.source.name}': ${voiced.length} voiced principal(s) become Presenters.`, {
          room: room.source.name,
          presenters: voiced.length,
        });
      }
    } else {
      ctx.findings.add(
        'presenters-dropped',
        roomPath(room),
        `Room '${room.source.name}' is a normal room with ${voiced.length} voiced principal(s); only auditorium rooms have presenters, so they are dropped.`,
        { room: room.source.name, presenters: voiced.length },
      );
    }
  }
}
