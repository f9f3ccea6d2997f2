import type { SqlConnection } from '../db/connection.js';
import { MAX_TICKS, type Ticks } from '../model/ticks.js';
import type { MessagePage } from '../package/index.js';

/** Rows per page: bounded memory, few enough statements. */
const PAGE_ROWS = 2000;

/**
 * The SQLite fast path of the exporter: SQLite itself builds each message's package line (the
 * exact bytes of messageLine(), including json_quote's escaping, which matches JSON.stringify)
 * and joins a page of them into one BLOB, so JavaScript handles one buffer per page (no string
 * decoding or re-encoding) instead of objects per message. The deflate that follows is what bounds the export (docs/package-format.md).
 *
 * A page whose rows hold anything the domain model would refuse (invalid ticks, authors ≤ 0,
 * NULL content, chatIds beyond 2^53) is not written this way: `fallback` reads it through the
 * model, which reports the row with its stable error.
 */
export async function* sqliteMessagePages(
  connection: SqlConnection,
  roomIds: readonly number[],
  options: { readonly since: Ticks | null; readonly withRtf: boolean; readonly fallback: (roomId: number, afterChatId: number, limit: number) => Promise<MessagePage> },
): AsyncIterable<MessagePage> {
  const rtf = options.withRtf ? 'json_quote(rtf)' : "'null'";
  const line =
    `'{"roomId":' || channelId || ',"chatId":' || chatId || ',"timestamp":"' || chatDate || '","authorId":' || userId ||` +
    ` ',"isAlert":' || CASE WHEN isAlert THEN 'true' ELSE 'false' END || ',"content":' || json_quote(content) || ',"rtf":' || ${rtf} || '}'`;
  const since = options.since === null ? '' : ' AND chatDate >= @since';
  const sql =
    `SELECT CAST(group_concat(line, char(10)) || char(10) AS BLOB) AS text, COUNT(*) AS n, MAX(chatId) AS last,` +
    ` MIN(chatDate) >= 0 AND MAX(chatDate) <= ${MAX_TICKS} AND MIN(userId) > 0 AND MAX(userId) <= 2147483647 AND COUNT(content) = COUNT(*)` +
    ` AND MAX(chatId) <= ${Number.MAX_SAFE_INTEGER} AS ok` +
    ` FROM (SELECT ${line} AS line, chatId, userId, chatDate, content FROM tblChat WHERE channelId = @room AND chatId > @after${since} ORDER BY chatId LIMIT ${PAGE_ROWS})`;
  for (const room of roomIds) {
    let after = -1;
    for (;;) {
      const params = options.since === null ? { room, after } : { room, after, since: options.since };
      const [row] = await connection.query<{ text: Buffer | null; n: number; last: number | string | null; ok: number | null }>(sql, params);
      const count = Number(row?.n ?? 0);
      if (!row || count === 0) break;
      if (row.ok !== 1) {
        const page = await options.fallback(room, after, PAGE_ROWS);
        yield page;
      } else {
        // Authors come from one query at the end (SelectedSource.messageAuthors), not per page.
        yield { bytes: row.text as Buffer, count };
      }
      if (count < PAGE_ROWS) break;
      after = Number(row.last);
    }
  }
}
