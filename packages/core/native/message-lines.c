/*
 * pcmig's SQLite extension: the exporter's message lines built inside SQLite.
 *
 *   pcmig_message_lines(room, after, chatId, chatDate, userId, isAlert, content, rtf)
 *
 * An aggregate over one page of a room's tblChat rows (in chatId order). It returns one BLOB: the
 * package lines of the rows, byte for byte what the SQL line of sqlite-message-pages.ts gives
 * (concat() of the values, json_quote() of the texts), followed by what the exporter tallies per
 * page, so that JavaScript neither scans nor parses the lines again:
 *
 *   lines                       linesBytes bytes, each line ending with '\n'
 *   runs                        runPairs × (int32 day, int32 count): messages per UTC day, in row order
 *   authors                     authorCount × int32 (each author of the page at least once, in no set order)
 *   file links                  fileLinks × uint32: where each line whose text holds a file link
 *                               marker ("ma-filelink:") starts, ascending
 *   footer (32 bytes)           float64 lastChatId, uint32 linesBytes, uint32 lineCount,
 *                               uint32 runPairs, uint32 authorCount, uint32 fileLinks, uint32 MAGIC
 *
 * every number little-endian. It returns NULL when any row is outside what the line can carry
 * (the checks of scanMessageLines: chatIds rising above `after` up to 2^53 - 1, ticks 0 ...
 * MAX_TICKS, authors 1 ... 2^31 - 1, content a text) or of an unexpected type: the exporter then
 * reads that page through the domain model, which names the offending row.
 *
 * Why native: building the lines with concat()/json_quote()/group_concat() cost the exporter
 * about 0.6 µs per message on the main thread, and checking and tallying them again in
 * JavaScript another 0.3 µs, beside deflate's 1.9 µs on the other core (docs/performance.md).
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FOOTER_BYTES 32
#define MAGIC 0x4c4d4350u /* "PCML" */
#define MAX_CHAT_ID 9007199254740991LL
#define MAX_TICKS 3155378975999999999LL
#define TICKS_PER_DAY 864000000000LL
#define MAX_AUTHOR 2147483647LL
#define AUTHOR_SLOTS 256

typedef struct Growable {
  unsigned char *bytes;
  sqlite3_int64 used;
  sqlite3_int64 size;
} Growable;

typedef struct Page {
  int started;
  int failed;
  int tooBig;
  sqlite3_int64 limit;
  sqlite3_int64 previous;
  char prefix[40];
  int prefixBytes;
  Growable lines;
  Growable runs;
  Growable authors;
  Growable links;
  sqlite3_int64 runDay;
  int32_t runCount;
  uint32_t lineCount;
  uint32_t fileLinks;
  int32_t recent[AUTHOR_SLOTS];
} Page;

static int reserve(Growable *g, sqlite3_int64 more) {
  if (g->used + more <= g->size) return 1;
  sqlite3_int64 size = g->size < 4096 ? 4096 : g->size;
  while (size < g->used + more) size *= 2;
  unsigned char *bytes = sqlite3_realloc64(g->bytes, (sqlite3_uint64)size);
  if (!bytes) return 0;
  g->bytes = bytes;
  g->size = size;
  return 1;
}

static void putBytes(Growable *g, const void *bytes, size_t n) {
  memcpy(g->bytes + g->used, bytes, n);
  g->used += (sqlite3_int64)n;
}

static void put32(unsigned char *at, uint32_t v) {
  at[0] = (unsigned char)v;
  at[1] = (unsigned char)(v >> 8);
  at[2] = (unsigned char)(v >> 16);
  at[3] = (unsigned char)(v >> 24);
}

static const char PAIRS[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

static const uint64_t POWERS_OF_TEN[19] = {
    1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL, 100000000ULL, 1000000000ULL,
    10000000000ULL, 100000000000ULL, 1000000000000ULL, 10000000000000ULL, 100000000000000ULL,
    1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL, 1000000000000000000ULL};

/* Decimal text of a non-negative integer, as concat() writes an INTEGER; two digits per step (a tick count has 18). */
static int decimal(char *out, sqlite3_int64 value) {
  uint64_t v = (uint64_t)value;
  int n = 1;
  while (n < 19 && v >= POWERS_OF_TEN[n]) n++;
  char *at = out + n;
  while (v >= 100) {
    unsigned pair = (unsigned)(v % 100) * 2;
    v /= 100;
    *--at = PAIRS[pair + 1];
    *--at = PAIRS[pair];
  }
  if (v >= 10) {
    *--at = PAIRS[v * 2 + 1];
    *--at = PAIRS[v * 2];
  } else {
    *--at = (char)('0' + v);
  }
  return n;
}

/* Bytes json_quote() passes through unchanged (SQLite's jsonIsOk): not a control character, '"' or '\\'. */
static int plain(unsigned char c) {
  return c >= 0x20 && c != '"' && c != '\\';
}

/* Appends json_quote(text) exactly: '"' and '\\' escaped by a backslash, \b \t \n \f \r, other control characters as \u00xx. */
static int appendQuoted(Growable *g, const unsigned char *z, sqlite3_int64 n) {
  /* At most 6 bytes per input byte, and the quotes. */
  if (!reserve(g, n * 6 + 2)) return 0;
  unsigned char *out = g->bytes + g->used;
  *out++ = '"';
  sqlite3_int64 i = 0;
  while (i < n) {
    sqlite3_int64 k = i;
    while (k < n && plain(z[k])) k++;
    memcpy(out, z + i, (size_t)(k - i));
    out += k - i;
    if (k >= n) break;
    unsigned char c = z[k];
    *out++ = '\\';
    if (c == '"' || c == '\\') *out++ = c;
    else if (c == '\b') *out++ = 'b';
    else if (c == '\t') *out++ = 't';
    else if (c == '\n') *out++ = 'n';
    else if (c == '\f') *out++ = 'f';
    else if (c == '\r') *out++ = 'r';
    else {
      *out++ = 'u';
      *out++ = '0';
      *out++ = '0';
      *out++ = "0123456789abcdef"[c >> 4];
      *out++ = "0123456789abcdef"[c & 0xf];
    }
    i = k + 1;
  }
  *out++ = '"';
  g->used = out - g->bytes;
  return 1;
}

static const char MARKER[] = "ma-filelink:";
#define MARKER_BYTES (sizeof MARKER - 1)

/* Whether the text holds the file link marker: found from its colon (memchr is far cheaper than memmem on short texts). */
static int holdsMarker(const unsigned char *z, sqlite3_int64 n) {
  const unsigned char *end = z + n;
  for (const unsigned char *at = z + MARKER_BYTES - 1; at < end; at++) {
    at = memchr(at, ':', (size_t)(end - at));
    if (!at) return 0;
    if (memcmp(at - (MARKER_BYTES - 1), MARKER, MARKER_BYTES - 1) == 0) return 1;
  }
  return 0;
}

static int isInteger(sqlite3_value *v) {
  return sqlite3_value_type(v) == SQLITE_INTEGER;
}

/* A bound parameter: JavaScript numbers arrive as REAL, whole ones within 2^53 are taken. */
static int wholeNumber(sqlite3_value *v, sqlite3_int64 *out) {
  if (sqlite3_value_type(v) == SQLITE_INTEGER) {
    *out = sqlite3_value_int64(v);
    return 1;
  }
  if (sqlite3_value_type(v) != SQLITE_FLOAT) return 0;
  double d = sqlite3_value_double(v);
  if (!(d >= -9007199254740991.0 && d <= 9007199254740991.0) || d != (double)(sqlite3_int64)d) return 0;
  *out = (sqlite3_int64)d;
  return 1;
}

/* A row the line cannot carry: the page is read again through the domain model. */
static void fail(Page *p) {
  p->failed = 1;
}

static void outOfMemory(sqlite3_context *context, Page *p) {
  p->failed = 1;
  sqlite3_result_error_nomem(context);
}

static void stepLines(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  Page *p = sqlite3_aggregate_context(context, sizeof(Page));
  if (!p) {
    sqlite3_result_error_nomem(context);
    return;
  }
  if (!p->started) {
    p->started = 1;
    p->runDay = -1;
    p->limit = sqlite3_limit(sqlite3_context_db_handle(context), SQLITE_LIMIT_LENGTH, -1);
    sqlite3_int64 room, after;
    if (!wholeNumber(argv[0], &room) || !wholeNumber(argv[1], &after) || room < 0) {
      fail(p);
      return;
    }
    memcpy(p->prefix, "{\"roomId\":", 10);
    p->prefixBytes = 10 + decimal(p->prefix + 10, room);
    memcpy(p->prefix + p->prefixBytes, ",\"chatId\":", 10);
    p->prefixBytes += 10;
    p->previous = after;
  }
  if (p->failed || p->tooBig) return;

  sqlite3_value *chatId = argv[2], *chatDate = argv[3], *userId = argv[4], *isAlert = argv[5], *content = argv[6], *rtf = argv[7];
  if (!isInteger(chatId) || !isInteger(chatDate) || !isInteger(userId) || sqlite3_value_type(content) != SQLITE_TEXT) { fail(p); return; }
  int alertType = sqlite3_value_type(isAlert);
  int rtfType = sqlite3_value_type(rtf);
  if ((alertType != SQLITE_INTEGER && alertType != SQLITE_NULL && alertType != SQLITE_FLOAT) || (rtfType != SQLITE_TEXT && rtfType != SQLITE_NULL)) { fail(p); return; }
  sqlite3_int64 chat = sqlite3_value_int64(chatId);
  sqlite3_int64 ticks = sqlite3_value_int64(chatDate);
  sqlite3_int64 author = sqlite3_value_int64(userId);
  if (chat < 0 || chat > MAX_CHAT_ID || chat <= p->previous || ticks < 0 || ticks > MAX_TICKS || author < 1 || author > MAX_AUTHOR) { fail(p); return; }
  p->previous = chat;
  /* CASE WHEN isAlert: true for a non-zero number, false for zero and NULL. */
  int alert = alertType == SQLITE_INTEGER ? sqlite3_value_int64(isAlert) != 0 : alertType == SQLITE_FLOAT ? sqlite3_value_double(isAlert) != 0.0 : 0;

  const unsigned char *text = sqlite3_value_text(content);
  sqlite3_int64 textBytes = sqlite3_value_bytes(content);
  const unsigned char *rtfText = rtfType == SQLITE_TEXT ? sqlite3_value_text(rtf) : NULL;
  sqlite3_int64 rtfBytes = rtfType == SQLITE_TEXT ? sqlite3_value_bytes(rtf) : 0;
  if (!text || (rtfType == SQLITE_TEXT && !rtfText)) {
    outOfMemory(context, p);
    return;
  }

  /* {"roomId":R,"chatId":C,"timestamp":"T","authorId":A,"isAlert":B,"content":"…","rtf":…}\n */
  Growable *g = &p->lines;
  sqlite3_int64 lineStart = g->used;
  if (!reserve(g, p->prefixBytes + 128)) { /* the fixed parts and three numbers */
    outOfMemory(context, p);
    return;
  }
  putBytes(g, p->prefix, (size_t)p->prefixBytes);
  g->used += decimal((char *)g->bytes + g->used, chat);
  putBytes(g, ",\"timestamp\":\"", 14);
  g->used += decimal((char *)g->bytes + g->used, ticks);
  putBytes(g, "\",\"authorId\":", 13);
  g->used += decimal((char *)g->bytes + g->used, author);
  if (alert) putBytes(g, ",\"isAlert\":true,\"content\":", 26);
  else putBytes(g, ",\"isAlert\":false,\"content\":", 27);
  if (!appendQuoted(g, text, textBytes)) {
    outOfMemory(context, p);
    return;
  }
  if (rtfText) {
    if (!reserve(g, 7)) {
        outOfMemory(context, p);
      return;
    }
    putBytes(g, ",\"rtf\":", 7);
    if (!appendQuoted(g, rtfText, rtfBytes) || !reserve(g, 2)) {
        outOfMemory(context, p);
      return;
    }
    putBytes(g, "}\n", 2);
  } else {
    if (!reserve(g, 13)) {
        outOfMemory(context, p);
      return;
    }
    putBytes(g, ",\"rtf\":null}\n", 13);
  }
  if (g->used > p->limit) {
    p->tooBig = 1;
    return;
  }
  p->lineCount++;
  if (holdsMarker(text, textBytes)) {
    if (!reserve(&p->links, 4)) {
      outOfMemory(context, p);
      return;
    }
    put32(p->links.bytes + p->links.used, (uint32_t)lineStart);
    p->links.used += 4;
    p->fileLinks++;
  }

  sqlite3_int64 day = ticks / TICKS_PER_DAY;
  if (day == p->runDay) p->runCount++;
  else {
    if (p->runCount > 0) {
      if (!reserve(&p->runs, 8)) {
        outOfMemory(context, p);
        return;
      }
      put32(p->runs.bytes + p->runs.used, (uint32_t)p->runDay);
      put32(p->runs.bytes + p->runs.used + 4, (uint32_t)p->runCount);
      p->runs.used += 8;
    }
    p->runDay = day;
    p->runCount = 1;
  }
  /* A page has a few dozen authors among its rows: a direct-mapped cache keeps most repeats out. */
  uint32_t slot = (uint32_t)author & (AUTHOR_SLOTS - 1);
  if (p->recent[slot] != (int32_t)author) {
    p->recent[slot] = (int32_t)author;
    if (!reserve(&p->authors, 4)) {
      outOfMemory(context, p);
      return;
    }
    put32(p->authors.bytes + p->authors.used, (uint32_t)author);
    p->authors.used += 4;
  }
}

static void release(Page *p) {
  sqlite3_free(p->lines.bytes);
  sqlite3_free(p->runs.bytes);
  sqlite3_free(p->authors.bytes);
  sqlite3_free(p->links.bytes);
}

static void finalLines(sqlite3_context *context) {
  Page *p = sqlite3_aggregate_context(context, 0);
  if (!p) {
    sqlite3_result_null(context);
    return;
  }
  if (p->tooBig) {
    release(p);
    sqlite3_result_error_toobig(context);
    return;
  }
  if (p->failed || p->lineCount == 0) {
    release(p);
    sqlite3_result_null(context);
    return;
  }
  if (p->runCount > 0 && reserve(&p->runs, 8)) {
    put32(p->runs.bytes + p->runs.used, (uint32_t)p->runDay);
    put32(p->runs.bytes + p->runs.used + 4, (uint32_t)p->runCount);
    p->runs.used += 8;
  } else if (p->runCount > 0) {
    release(p);
    sqlite3_result_error_nomem(context);
    return;
  }
  Growable *g = &p->lines;
  sqlite3_int64 linesBytes = g->used;
  sqlite3_int64 total = linesBytes + p->runs.used + p->authors.used + p->links.used + FOOTER_BYTES;
  if (total > p->limit || linesBytes > 0xffffffffLL) {
    release(p);
    sqlite3_result_error_toobig(context);
    return;
  }
  if (!reserve(g, total - linesBytes)) {
    release(p);
    sqlite3_result_error_nomem(context);
    return;
  }
  putBytes(g, p->runs.bytes, (size_t)p->runs.used);
  putBytes(g, p->authors.bytes, (size_t)p->authors.used);
  putBytes(g, p->links.bytes, (size_t)p->links.used);
  unsigned char *footer = g->bytes + g->used;
  double last = (double)p->previous;
  uint64_t bits;
  memcpy(&bits, &last, 8);
  put32(footer, (uint32_t)bits);
  put32(footer + 4, (uint32_t)(bits >> 32));
  put32(footer + 8, (uint32_t)linesBytes);
  put32(footer + 12, p->lineCount);
  put32(footer + 16, (uint32_t)(p->runs.used / 8));
  put32(footer + 20, (uint32_t)(p->authors.used / 4));
  put32(footer + 24, p->fileLinks);
  put32(footer + 28, MAGIC);
  g->used += FOOTER_BYTES;
  unsigned char *bytes = g->bytes;
  g->bytes = NULL; /* handed to SQLite with the result */
  release(p);
  sqlite3_result_blob64(context, bytes, (sqlite3_uint64)total, sqlite3_free);
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_pcmigmessagelines_init(sqlite3 *db, char **error, const sqlite3_api_routines *api) {
  (void)error;
  SQLITE_EXTENSION_INIT2(api);
  /* Deterministic (same rows, same page) and innocuous (reads only its arguments). */
  return sqlite3_create_function_v2(db, "pcmig_message_lines", 8, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, NULL, stepLines, finalLines, NULL);
}
