import { PRODUCT_NAMES, ROOT_NODE_ID } from '../model/constants.js';
import { ticksToIso } from '../model/ticks.js';
import { formatCount, html, renderReport, renderTable, type HtmlValue, type ReportSection, type SummaryItem } from '../report/html.js';
import { horizontalBars, monthlyStackedBars } from '../report/svg-charts.js';
import type { ExportNotice, ExportResult } from './export-result.js';
import type { ScopeMatch } from './resolve-scope.js';

const BUSIEST_ROOMS = 15;

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

function badge(kind: 'warning' | 'info' | 'error' | 'passed', text: string) {
  return html`<span class="badge ${kind}">${text}</span>`;
}

/** "a, b, c and 7 more" */
function list(items: readonly string[], shown: number): string {
  const more = items.length - shown;
  return more > 0 ? `${items.slice(0, shown).join(', ')} and ${formatCount(more)} more` : items.join(', ');
}

function noticeText(notice: ExportNotice, result: ExportResult): HtmlValue {
  const roomName = (id: number) => result.rooms.find((r) => r.id === id)?.name ?? `#${id}`;
  switch (notice.code) {
    case 'unknown-principals':
      return `${formatCount(notice.principalIds.length)} principal id(s) are referenced by roles, scope rows or message authors but missing from the source's principal table: ${list(notice.principalIds.map(String), 30)}. The messages are exported as they are; the import will flag these authors.`;
    case 'federated-principals':
      return `${formatCount(notice.principalIds.length)} federated user(s) are exported. Persistent Chat does not support federation: their rooms migrate, but they will not be able to reach the content (migration rule R6).`;
    case 'orphan-messages':
      return `${formatCount(notice.messages)} message(s) belong to channel id(s) ${notice.channelIds.join(', ')}, which are not rooms of the source; they cannot be placed in any room and were not exported.`;
    case 'scope-matched-several':
      return `-Scope '${notice.scope}' matched ${notice.categoryIds.length} categories (${notice.categoryIds.join(', ')}); all of them were exported. Use a Parent\\Child path to pick one.`;
    case 'disabled-rooms-exported':
      return `${formatCount(notice.roomIds.length)} room(s) were already disabled in the source and are exported with isDisabled="1": ${list(notice.roomIds.map(roomName), 10)}. Disabled rooms mark what is not to be migrated (rule R7).`;
  }
}

/**
 * The -Report of Export-CsPersistentChatData: a self-contained page (no network) with what the
 * package holds, what -StartDate left out month by month, per-category and per-room counts,
 * disabled rooms, federated principals and the package's checksums.
 */
export function renderExportReport(result: ExportResult, context: { generatedAt: Date; scopeMatches: readonly ScopeMatch[] }): string {
  const m = result.manifest;
  const counts = result.counts;
  const disabledBefore = () => roomsInOrder.filter((r) => r.disabled);
  const disabledNow = result.disabled ? new Set([...result.disabled.roomIds]) : new Set<number>();
  const warnings = result.notices.filter((n) => n.severity === 'warning').length;

  const summary: SummaryItem[] = [
    { label: 'Messages exported', value: counts.messages, tone: 'good' },
    { label: 'Messages cut by -StartDate', value: result.cut.messages, tone: result.cut.messages > 0 ? 'warn' : 'neutral' },
    { label: 'Rooms', value: counts.rooms },
    { label: 'Categories', value: counts.categories },
    { label: 'Principals', value: counts.principals },
    { label: 'Federated principals', value: result.federated.length, tone: result.federated.length > 0 ? 'warn' : 'neutral' },
    { label: 'Unknown principals', value: m.unknownPrincipalIds.length, tone: m.unknownPrincipalIds.length > 0 ? 'warn' : 'neutral' },
    ...(result.disabled ? [{ label: 'Disabled in the source', value: result.disabled.categoryIds.length + result.disabled.roomIds.length, tone: 'warn' as const }] : []),
  ];

  const facts = [
    { label: 'Source', value: `${PRODUCT_NAMES[m.source.flavour]}${m.source.schemaVersion ? ` (schema ${m.source.schemaVersion})` : ''}` },
    { label: 'Database', value: m.source.origin },
    { label: 'Level', value: m.level },
    {
      label: 'Scope',
      value:
        m.scope === null
          ? 'Every category'
          : context.scopeMatches.map((s) => `${s.scope} (${s.categoryIds.length} ${s.categoryIds.length === 1 ? 'category' : 'categories'})`).join(', '),
    },
    { label: 'Start date', value: m.startDate === null ? 'None: every message' : ticksToIso(BigInt(m.startDate)) },
    { label: 'Package', value: `${result.fileName ?? 'returned as bytes (-AsBytes)'} — ${megabytes(result.size)}, format ${m.format} v${m.formatVersion}` },
    { label: 'Exporter', value: `pcmig ${m.exporter.version}` },
    { label: 'Generated', value: context.generatedAt.toISOString() },
  ];

  const sections: ReportSection[] = [];
  const byPath = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true });
  // The root first, then the tree in path order, as the Group Chat Admin Tool lists it.
  const categoriesInOrder = [...result.categories].sort((a, b) => Number(b.id === ROOT_NODE_ID) - Number(a.id === ROOT_NODE_ID) || byPath(a.path, b.path));
  const roomsInOrder = [...result.rooms].sort((a, b) => byPath(a.categoryPath, b.categoryPath) || byPath(a.name, b.name) || a.id - b.id);
  sections.push({
    id: 'months',
    title: 'Messages per month',
    body:
      m.months.length === 0
        ? html`<p class="empty">This level exports no messages.</p>`
        : html`<p class="muted">Kept: exported. Cut: older than -StartDate, left in the source.</p>${monthlyStackedBars(m.months, {
            kept: 'kept',
            cut: 'cut by -StartDate',
            title: 'Messages per month, kept and cut',
          })}`,
  });
  const busiest = [...result.rooms].sort((a, b) => b.messagesKept - a.messagesKept || a.id - b.id).slice(0, BUSIEST_ROOMS).filter((r) => r.messagesKept > 0);
  if (busiest.length > 0) {
    sections.push({ id: 'busiest', title: 'Busiest rooms', body: horizontalBars(busiest.map((r) => ({ label: r.name, value: r.messagesKept })), 'Messages exported per room') });
  }
  sections.push({
    id: 'notices',
    title: `Notices${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`,
    body: renderTable(
      [{ header: 'Severity' }, { header: 'Where' }, { header: 'What' }],
      result.notices.map((n) => [badge(n.severity, n.severity), html`<code>${n.path}</code>`, noticeText(n, result)]),
      { id: 'notice-table', empty: 'Nothing to report.' },
    ),
  });
  sections.push({
    id: 'disabled',
    title: 'Disabled rooms',
    body: html`${renderTable(
      [{ header: 'Room' }, { header: 'Category' }, { header: 'Messages exported', numeric: true }],
      disabledBefore().map((r) => [r.name, r.categoryPath, r.messagesKept]),
      { id: 'disabled-table', empty: 'No exported room was disabled in the source.' },
    )}${
      result.disabled
        ? html`<p>-DisableExportedNodes disabled ${formatCount(result.disabled.roomIds.length)} room(s) and ${formatCount(result.disabled.categoryIds.length)} categor${result.disabled.categoryIds.length === 1 ? 'y' : 'ies'} in the source after the package was verified${result.disabled.alreadyDisabledIds.length > 0 ? `; ${formatCount(result.disabled.alreadyDisabledIds.length)} were disabled already` : ''}.</p>`
        : html`<p class="muted">-DisableExportedNodes was not used: the source is unchanged.</p>`
    }`,
  });
  sections.push({
    id: 'federated',
    title: 'Federated principals',
    body: renderTable(
      [{ header: 'SIP URI' }, { header: 'Display name' }, { header: 'Rooms' }],
      result.federated.map((f) => [f.uri, f.displayName ?? '', f.roomIds.map((id) => result.rooms.find((r) => r.id === id)?.name ?? `#${id}`).join(', ')]),
      { id: 'federated-table', empty: 'No federated principal is exported.' },
    ),
  });
  sections.push({
    id: 'categories',
    title: `Categories (${formatCount(result.categories.length)})`,
    body: renderTable(
      [{ header: 'Category' }, { header: 'Rooms', numeric: true }, { header: 'Messages exported', numeric: true }, { header: 'Messages cut', numeric: true }, { header: 'Status' }],
      categoriesInOrder.map((c) => [
        c.path,
        c.rooms,
        c.messagesKept,
        c.messagesCut,
        html`${c.context ? badge('info', 'context only') : ''}${c.disabled ? badge('warning', 'disabled') : ''}${result.disabled?.categoryIds.includes(c.id) ? badge('warning', 'disabled by this export') : ''}`,
      ]),
      { id: 'category-table', empty: 'This level exports no categories.' },
    ),
  });
  sections.push({
    id: 'rooms',
    title: `Rooms (${formatCount(result.rooms.length)})`,
    body: renderTable(
      [{ header: 'Room' }, { header: 'Category' }, { header: 'Role rows', numeric: true }, { header: 'Messages exported', numeric: true }, { header: 'Messages cut', numeric: true }, { header: 'Status' }],
      roomsInOrder.map((r) => [
        r.name,
        r.categoryPath,
        r.roles,
        r.messagesKept,
        r.messagesCut,
        html`${r.disabled ? badge('warning', 'disabled') : ''}${disabledNow.has(r.id) ? badge('warning', 'disabled by this export') : ''}`,
      ]),
      { id: 'room-table', empty: 'This level exports no rooms.' },
    ),
  });
  sections.push({
    id: 'entries',
    title: 'Package entries',
    body: html`<p class="muted">Each entry's SHA-256 is recorded in pcmig/manifest.json; Import-CsPersistentChatData checks them.</p>${renderTable(
      [{ header: 'Entry' }, { header: 'Records', numeric: true }, { header: 'Bytes', numeric: true }, { header: 'SHA-256' }],
      m.entries.map((e) => [html`<code>${e.name}</code>`, e.records, e.size, html`<code>${e.sha256}</code>`]),
      { id: 'entry-table' },
    )}`,
  });

  return renderReport({
    title: 'Export-CsPersistentChatData report',
    subtitle: `${formatCount(counts.messages)} messages in ${formatCount(counts.rooms)} rooms exported at level ${m.level}`,
    facts,
    summary,
    sections,
  });
}
