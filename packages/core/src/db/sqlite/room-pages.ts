import type { SqlConnection } from '../connection.js';

/** Rows per page (at most): bounded memory, few enough statements. */
export const PAGE_ROWS = 2000;

/** One page of a room: the rows with after < chatId ≤ upto (upto null: no upper bound, the room's last page). */
export interface PageRange {
  readonly after: number;
  readonly upto: number | null;
}

/**
 * Cuts one room of tblChat into chatId ranges of at most PAGE_ROWS rows, for statements that
 * read a page without a sub-query or an ORDER BY of their own (the range walks the
 * (channelId, chatId) key index). chatIds are unique in a room, so a window of PAGE_ROWS
 * chatIds holds at most PAGE_ROWS rows: dense rooms (chatIds 1, 2, 3…) are cut into such windows;
 * after a window that came back less than half full, the pager asks the index where the next
 * PAGE_ROWS rows end. The last range is open, so that rows added since the room was counted are
 * read too (and the caller's count check then fails rather than missing them).
 *
 * Usage: `for (let range = await pager.first(); range; range = await pager.next(rowsRead))`.
 */
export class RoomPager {
  private remaining: number;
  private dense = true;
  private current: PageRange = { after: -1, upto: null };
  private readonly probe: string;

  /**
   * @param expected rows the room holds (at or after `since`), counted before
   * @param since the start-date condition the page statements use too (`chatDate >= @since`), or ''
   */
  constructor(
    private readonly connection: SqlConnection,
    private readonly room: number,
    expected: number,
    private readonly params: Readonly<Record<string, number | bigint>> = {},
    since = '',
  ) {
    this.remaining = expected;
    this.probe = `SELECT chatId FROM tblChat WHERE channelId = @room AND chatId > @after${since} ORDER BY chatId LIMIT 1 OFFSET ${PAGE_ROWS - 1}`;
  }

  /**
   * The first range: from below the room's lowest chatId (chatIds may be negative in a damaged
   * source). Null when the room cannot be cut into exact ranges (a chatId below −(2^53 − 1)):
   * the caller reads it through the domain model, which refuses such a chatId.
   */
  async first(): Promise<PageRange | null> {
    const [row] = await this.connection.query<{ low: number | null }>('SELECT MIN(chatId) AS low FROM tblChat WHERE channelId = @room', { room: this.room });
    const low = row?.low ?? null;
    if (low !== null && !Number.isSafeInteger(low - 1)) return null;
    return (this.current = await this.range(low === null ? -1 : Math.min(-1, low - 1)));
  }

  /** The range after the current one, given how many rows the current one held; null after the open range. */
  async next(rows: number): Promise<PageRange | null> {
    if (this.current.upto === null) return null;
    this.remaining -= rows;
    this.dense = rows * 2 >= PAGE_ROWS;
    return (this.current = await this.range(this.current.upto));
  }

  private async range(after: number): Promise<PageRange> {
    if (this.remaining <= PAGE_ROWS) return { after, upto: null };
    if (this.dense && after + PAGE_ROWS <= Number.MAX_SAFE_INTEGER) return { after, upto: after + PAGE_ROWS };
    const [next] = await this.connection.query<{ chatId: number }>(this.probe, { ...this.params, room: this.room, after });
    return { after, upto: next === undefined ? null : Number(next.chatId) };
  }
}
