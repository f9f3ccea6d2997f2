import { Limits } from '../../model/constants.js';
import { migratedRooms, roomPath, type PlanContext } from '../plan-context.js';

/**
 * §4: Persistent Chat rooms have a description and no topic. Decision: keep the topic in the
 * description — as the description when there is none, else appended as " | Topic: …" — when it
 * fits the 256 characters; otherwise the description is kept and the topic dropped, with a warning.
 */
export function convertTopic(ctx: PlanContext): void {
  if (!ctx.model.contents.roomSettings) return;
  for (const room of migratedRooms(ctx)) {
    const topic = room.source.topic?.trim() ?? '';
    if (topic === '' || topic === room.description.trim()) continue;
    const merged = room.description.trim() === '' ? topic : `${room.description} | Topic: ${topic}`;
    if (merged.length <= Limits.nodeDescription) {
      room.description = merged;
      ctx.findings.add('topic-merged', roomPath(room), `Room '${room.source.name}': its topic is carried in the description: '${merged}'.`, {
        room: room.source.name,
        topic,
        description: merged,
      });
    } else {
      ctx.findings.add(
        'topic-dropped',
        roomPath(room),
        `Room '${room.source.name}': description and topic together exceed ${Limits.nodeDescription} characters; the topic '${topic}' is dropped.`,
        { room: room.source.name, topic },
      );
    }
  }
}
