import type { Message } from '../../model/message.js';
import type { SqlValue } from '../connection.js';
import { toBool, toInt, toTextOrNull, toTicks } from '../values.js';

export function rowToMessage(row: Record<string, unknown>): Message {
  const roomId = toInt(row.channelId, 'tblChat.channelId');
  const chatId = toInt(row.chatId, `tblChat(${roomId}).chatId`);
  return {
    roomId,
    chatId,
    timestamp: toTicks(row.chatDate, `tblChat(${roomId},${chatId}).chatDate`),
    authorId: toInt(row.userId, `tblChat(${roomId},${chatId}).userId`),
    isAlert: toBool(row.isAlert),
    content: String(row.content),
    rtf: toTextOrNull(row.rtf),
  };
}

export function messageToValues(message: Message, withRtf: boolean): SqlValue[] {
  const values: SqlValue[] = [message.roomId, message.chatId, message.timestamp, message.authorId, message.isAlert, message.content];
  if (withRtf) values.push(message.rtf);
  return values;
}

export const MESSAGE_COLUMNS = ['channelId', 'chatId', 'chatDate', 'userId', 'isAlert', 'content'] as const;
export function messageColumns(withRtf: boolean): string[] {
  return withRtf ? [...MESSAGE_COLUMNS, 'rtf'] : [...MESSAGE_COLUMNS];
}
