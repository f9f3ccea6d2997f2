import { findingPath } from '../findings/finding.js';
import { principalUri, roomPath, type PlanContext } from '../plan-context.js';

/**
 * What the message scan found wrong: messages in rooms the source lacks, by authors it lacks, out
 * of key order (all errors: they could not be placed, or would be placed twice), and with
 * impossible time stamps (a warning: they are imported unchanged). Rooms that are not migrated
 * do not count.
 */
export function checkMessages(ctx: PlanContext): void {
  const { scan } = ctx;
  for (const [roomId, messages] of scan.unknownRooms) {
    ctx.findings.add('message-unknown-room', findingPath.node(roomId), `${messages.toLocaleString('en-US')} message(s) belong to room ${roomId}, which the source does not contain.`, {
      roomId,
      messages,
    });
  }
  for (const entry of scan.outOfOrder) {
    ctx.findings.add(
      'message-out-of-order',
      findingPath.node(entry.roomId),
      `Message (room ${entry.roomId}, chatId ${entry.chatId}) follows (room ${entry.previousRoomId}, chatId ${entry.previousChatId}).`,
      entry,
    );
  }
  for (const [roomId, authors] of scan.unknownAuthors) {
    const room = ctx.rooms.get(roomId);
    if (!room?.migrate) continue;
    for (const [authorId, tally] of authors) {
      ctx.findings.add(
        'message-unknown-author',
        findingPath.message([...room.sourcePath, room.source.name], tally.samples[0] ?? 0),
        `${tally.count.toLocaleString('en-US')} message(s) in room '${room.source.name}' were posted by ${principalUri(ctx, authorId)}, which the source does not contain (chatIds ${tally.samples.join(', ')}${tally.count > tally.samples.length ? ', …' : ''}).`,
        { authorId, messages: tally.count, sampleChatIds: tally.samples },
      );
    }
  }
  for (const [roomId, tally] of scan.impossibleTimestamps) {
    const room = ctx.rooms.get(roomId);
    if (!room?.migrate) continue;
    ctx.findings.add(
      'message-impossible-timestamp',
      roomPath(room),
      `${tally.count.toLocaleString('en-US')} message(s) in room '${room.source.name}' are dated between ${tally.earliest} and ${tally.latest} (chatIds ${tally.samples.join(', ')}${tally.count > tally.samples.length ? ', …' : ''}).`,
      { messages: tally.count, sampleChatIds: tally.samples, earliest: tally.earliest, latest: tally.latest },
    );
  }
}
