import type { SqlConnection } from '../db/connection.js';
import type { Ticks } from '../model/ticks.js';
import type { MessagePage } from '../package/index.js';
import { RoomPager, type PageRange } from '../db/sqlite/room-pages.js';
import { loadMessageLinesExtension } from '../db/sqlite/message-lines-extension.js';
import { SqliteConnection } from '../db/sqlite/sqlite-connection.js';
import { scanMessageLines, type MessageTally } from '../package/format/message-line-scan.js';
import { readNativePage } from './read-native-page.js';

export interface RoomToExport {
  readonly id: number;
  /** Messages the room holds at or after the start date, as counted before the export. */
  readonly expected: number;
}

export interface SqliteMessagePagesOptions {
  readonly since: Ticks | null;
  readonly withRtf: boolean;
  /** Counts every message handed out, per day and author (instead of scanning tblChat again for that). */
  readonly tally: MessageTally;
  /** The room's messages with afterChatId < chatId ≤ uptoChatId (null: no upper bound), read through the domain model. */
  readonly fallback: (roomId: number, afterChatId: number, uptoChatId: number | null) => Promise<MessagePage>;
}

/**
 * The SQLite fast path of the exporter: SQLite itself builds each message's package line (the
 * exact bytes of messageLine(): the integers as decimal text, the texts quoted as json_quote,
 * which escapes as JSON.stringify does) and joins a page of them into one BLOB, so JavaScript
 * handles one buffer per page instead of objects per message. The lines come from pcmig's SQLite
 * extension (pcmig_message_lines, which also checks each row and tallies the page per day and
 * author) when it is built, else from SQL functions, checked and tallied by scanMessageLines: the
 * same bytes either way. A page that fails the check is read again through the domain model
 * (`fallback`), which reports the offending row with its stable error.
 *
 * Pages are chatId ranges (after, upto] cut by RoomPager, one statement each, without a
 * sub-query or an ORDER BY of their own: the range walks the (channelId, chatId) key index, and
 * the check above proves the order of every page.
 */
export async function* sqliteMessagePages(connection: SqlConnection, rooms: readonly RoomToExport[], options: SqliteMessagePagesOptions): AsyncIterable<MessagePage> {
  const native = connection instanceof SqliteConnection && loadMessageLinesExtension(connection);
  const since = options.since === null ? '' : ' AND chatDate >= @since';
  const statement = native ? nativePage(options.withRtf) : sqlPage(options.withRtf);
  const page = (upper: string) => `SELECT ${statement.select}, COUNT(*) AS n FROM tblChat WHERE channelId = @room AND chatId > @after${upper}${since}`;
  const bounded = page(' AND chatId <= @upto');
  const open = page('');
  const sinceParams: Record<string, bigint> = options.since === null ? {} : { since: options.since };

  for (const room of rooms) {
    const pager = new RoomPager(connection, room.id, room.expected, sinceParams, since);
    const roomParams = statement.roomParams(room.id);
    const start = await pager.first();
    if (!start) {
      // chatIds RoomPager cannot bound: the domain model reads (and refuses) them.
      const page = await options.fallback(room.id, Number.NEGATIVE_INFINITY, null);
      if (!scanMessageLines(page.bytes, room.id, Number.NEGATIVE_INFINITY, options.tally)) throw new Error(`The message lines of room ${room.id} do not read back`);
      yield page;
      continue;
    }
    for (let range: PageRange | null = start; range; ) {
      const { after, upto } = range;
      const params = { ...sinceParams, ...roomParams, after, ...(upto === null ? {} : { upto }) };
      const [row] = await connection.query<{ page: Buffer | null; n: number }>(upto === null ? open : bounded, params);
      const count = Number(row?.n ?? 0);
      if (count > 0) {
        const built = statement.read(row?.page ?? null, room.id, after, count, options.tally);
        if (built) {
          yield built;
        } else {
          const fallback = await options.fallback(room.id, after, upto);
          if (!scanMessageLines(fallback.bytes, room.id, after, options.tally)) {
            throw new Error(`The message lines of room ${room.id} after chatId ${after} do not read back`);
          }
          yield fallback;
        }
      }
      range = await pager.next(count);
    }
  }
}

/** How a page statement builds its lines: its select-list item, the parameters it needs per room, how its result reads. */
interface PageStatement {
  readonly select: string;
  roomParams(roomId: number): Record<string, number | string>;
  /** The page, its messages added to `tally`; null when a row needs the domain model. */
  read(result: Buffer | null, roomId: number, after: number, count: number, tally: MessageTally): MessagePage | null;
}

/** pcmig_message_lines() (native/message-lines.c): lines, checks and tallies in one pass, in C. */
function nativePage(withRtf: boolean): PageStatement {
  return {
    select: `pcmig_message_lines(@room, @after, chatId, chatDate, userId, isAlert, content, ${withRtf ? 'rtf' : 'NULL'}) AS page`,
    roomParams: (roomId) => ({ room: roomId }),
    read: (result, _roomId, _after, count, tally) => (result === null ? null : readNativePage(result, count, tally)),
  };
}

/**
 * The same lines from SQL functions, where the extension is not available: concat() of the
 * pieces, the room's part bound as one text (measured about 15 % cheaper than printf('%d…'), whose
 * formatting dominated the statement; json_quote(NULL) is 'null'), then checked and tallied by
 * scanMessageLines. Authors come from the tally, not per page.
 */
function sqlPage(withRtf: boolean): PageStatement {
  const rtf = withRtf ? `',"rtf":', json_quote(rtf), '}\n'` : `',"rtf":null}\n'`;
  const line =
    `concat(@prefix, chatId, ',"timestamp":"', chatDate, '","authorId":', userId,` +
    ` CASE WHEN isAlert THEN ',"isAlert":true,"content":' ELSE ',"isAlert":false,"content":' END, json_quote(content), ${rtf})`;
  return {
    select: `CAST(group_concat(${line}, '') AS BLOB) AS page`,
    roomParams: (roomId) => ({ room: roomId, prefix: `{"roomId":${roomId},"chatId":` }),
    read: (result, roomId, after, count, tally) => {
      const bytes = result ?? Buffer.alloc(0);
      const scanned = scanMessageLines(bytes, roomId, after, tally);
      return scanned && scanned.lines === count ? { bytes, count } : null;
    },
  };
}
