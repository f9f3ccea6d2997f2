import { ticksToIso } from '../../model/ticks.js';
import { migratedRooms, roomPath, type PlanContext } from '../plan-context.js';

/** R8: messages older than the export's -StartDate are left out; the count per room comes from the source's accounting. */
export function reportStartDate(ctx: PlanContext): void {
  const { info } = ctx.model;
  if (info.startDate === null) return;
  const startDate = ticksToIso(info.startDate);
  for (const room of migratedRooms(ctx)) {
    const messages = info.messagesCut.get(room.source.id) ?? 0;
    if (messages === 0) continue;
    ctx.findings.add(
      'messages-before-start-date',
      roomPath(room),
      `${messages.toLocaleString('en-US')} message(s) of room '${room.source.name}' predate ${startDate} and are not migrated.`,
      { room: room.source.name, messages, startDate },
    );
  }
}
