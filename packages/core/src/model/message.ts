import { z } from 'zod';
import { idSchema, ticksSchema } from './primitives.js';

/**
 * A chat message (tblChat / legacy Chat). chatId is the per-room sequence; bigint in the
 * database, carried as a safe integer here (a room would need 2^53 messages to exceed it).
 */
export const messageSchema = z.object({
  roomId: idSchema,
  chatId: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  timestamp: ticksSchema,
  authorId: idSchema,
  isAlert: z.boolean(),
  /** Plain text; file posts as ma-filelink: links, stories as [STORY]… (stored verbatim). */
  content: z.string(),
  /** RTF body; always null from Group Chat sources (their Chat table has no rtf column). */
  rtf: z.string().nullable(),
});
export type Message = z.infer<typeof messageSchema>;

/** A file in the store, as messages reference it. */
export const storedFileSchema = z.object({
  roomId: idSchema.nullable(),
  /** Path relative to the file store root, '/'-separated. */
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
});
export type StoredFile = z.infer<typeof storedFileSchema>;
