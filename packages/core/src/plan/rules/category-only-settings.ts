import { migratedRooms, roomPath, type PlanContext } from '../plan-context.js';

/**
 * §4: file upload and chat history exist per category only in Persistent Chat. A category takes
 * its effective legacy values; a room whose own effective value differs cannot keep it and
 * follows its category, with a warning (it changes what users of that room can do).
 */
export function convertCategoryOnlySettings(ctx: PlanContext): void {
  if (ctx.model.contents.categorySettings) {
    for (const category of ctx.categories.values()) {
      category.fileUpload = ctx.tree.effective('fileUpload', category.chain);
      category.chatHistory = ctx.tree.effective('chatHistory', category.chain);
    }
  }
  if (!ctx.model.contents.roomSettings) return;
  for (const room of migratedRooms(ctx)) {
    for (const setting of ['fileUpload', 'chatHistory'] as const) {
      const categoryValue = ctx.tree.effective(setting, room.chain);
      const roomValue = ctx.tree.effective(setting, room.chain, room.source);
      if (roomValue === categoryValue) continue;
      const label = setting === 'fileUpload' ? 'file upload' : 'chat history';
      ctx.findings.add(
        'room-setting-override',
        roomPath(room),
        `Room '${room.source.name}' has ${label} ${roomValue ? 'on' : 'off'} while category '${room.category.name}' has it ${categoryValue ? 'on' : 'off'}; the room follows its category.`,
        { room: room.source.name, setting, roomValue, categoryValue },
      );
    }
  }
}
