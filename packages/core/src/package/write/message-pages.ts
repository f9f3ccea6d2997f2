import type { Message } from '../../model/message.js';
import type { SourceData } from '../../model/source-data.js';
import { isValidTicks } from '../../model/ticks.js';
import { pkgErrors } from '../errors.js';
import { messageLine } from '../format/json-records.js';

/**
 * Messages already serialised as lines of a chunk entry (see messageLine), in (room, chatId)
 * order. A source that can produce them more cheaply than Message objects (the SQLite reader
 * builds them in SQL) offers `messagePages()`; any other source is serialised here.
 */
export interface MessagePage {
  /** Whole lines in UTF-8, each ending with '\n'. */
  readonly bytes: Buffer;
  readonly count: number;
  /** The authors of these messages (duplicates allowed); left out when the source offers messageAuthors(). */
  readonly authorIds?: Iterable<number>;
  /**
   * Where the lines whose text holds a file link marker ("ma-filelink:") start, ascending, when
   * the source found them (the writer then parses only those); without it the writer looks.
   */
  readonly fileLinkLines?: readonly number[];
}

export interface MessagePageSource {
  messagePages(): AsyncIterable<MessagePage>;
  /** The distinct authors of every message messagePages() yields, when cheaper to ask for at once. */
  messageAuthors?(): Promise<Iterable<number>>;
  /**
   * How many messages messagePages() will yield, counted beforehand. A source that offers it is
   * asked for info() only after its pages have been read, so that it can count its months as it
   * reads them rather than in a pass of their own.
   */
  messageCount?(): Promise<number>;
}

export function hasMessagePages(source: object): source is MessagePageSource {
  return typeof (source as Partial<MessagePageSource>).messagePages === 'function';
}

export async function* pagesOf(source: SourceData): AsyncIterable<MessagePage> {
  if (hasMessagePages(source)) {
    yield* source.messagePages();
    return;
  }
  let room = 0;
  let chat = -1;
  for await (const batch of source.messages()) {
    for (const m of batch) {
      if (m.roomId < room || (m.roomId === room && m.chatId <= chat)) {
        throw pkgErrors.create('PCMIG-PKG-017', {
          message: `The source returned message (${m.roomId}, ${m.chatId}) after (${room}, ${chat}); messages must come in (room, chatId) order, each once.`,
          reason: { previous: { roomId: room, chatId: chat }, next: { roomId: m.roomId, chatId: m.chatId } },
        });
      }
      room = m.roomId;
      chat = m.chatId;
    }
    yield pageOf(batch);
  }
}

export function pageOf(messages: readonly Message[]): MessagePage {
  let text = '';
  const authorIds: number[] = [];
  for (const message of messages) {
    assertWritable(message);
    text += messageLine(message);
    authorIds.push(message.authorId);
  }
  return { bytes: Buffer.from(text, 'utf8'), count: messages.length, authorIds };
}

const MAX_ID = 2_147_483_647;

/** What the package reader would refuse is never written (the message schema's ranges). */
function assertWritable(m: Message): void {
  const problem =
    !Number.isInteger(m.roomId) || m.roomId < 1 || m.roomId > MAX_ID
      ? 'roomId'
      : !Number.isSafeInteger(m.chatId) || m.chatId < 0
        ? 'chatId'
        : !Number.isInteger(m.authorId) || m.authorId < 1 || m.authorId > MAX_ID
          ? 'authorId'
          : !isValidTicks(m.timestamp)
            ? 'timestamp'
            : typeof m.content !== 'string'
              ? 'content'
              : null;
  if (problem !== null) {
    throw pkgErrors.create('PCMIG-PKG-019', {
      message: `Message (${m.roomId}, ${m.chatId}) has ${problem} ${String(m[problem])}, outside what a package can carry.`,
      reason: { record: 'message', roomId: m.roomId, chatId: m.chatId, field: problem, value: String(m[problem]) },
    });
  }
}
