import { PRIVACY_BY_VISIBILITY, TYPE_BY_BEHAVIOR } from '../../model/constants.js';
import { roomPath, type PlanContext } from '../plan-context.js';

/**
 * §4: visibility private → Secret, scope → Closed (open only exists in Persistent Chat); a
 * Lync 2010 room without a visibility becomes Closed, Persistent Chat's default. The
 * auditorium behaviour → type Auditorium, normal → Normal.
 */
export function convertPrivacyAndType(ctx: PlanContext): void {
  for (const room of ctx.rooms.values()) {
    room.type = TYPE_BY_BEHAVIOR[room.source.behavior];
    if (room.source.visibility === null) {
      room.privacy = 'Closed';
      if (room.migrate && ctx.model.contents.roomSettings) {
        ctx.findings.add('visibility-defaulted', roomPath(room), `Room '${room.source.name}' has no visibility; it becomes Closed.`, {
          room: room.source.name,
          privacy: 'Closed',
        });
      }
    } else {
      room.privacy = PRIVACY_BY_VISIBILITY[room.source.visibility];
    }
  }
}
