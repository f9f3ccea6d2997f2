import { formatCount, html, Html, renderReport, renderTable, type SummaryItem } from '../report/html.js';
import { monthlyStackedBars } from '../report/svg-charts.js';
import { findingsOf } from '../plan/findings/finding.js';
import { describePlan } from '../plan/describe-plan.js';
import { FINDINGS_FILTER_SCRIPT, renderFindingsHtml } from '../plan/print/render-findings-html.js';
import type { MigrationPlan } from '../plan/plan-types.js';
import type { WrittenCounts } from './import-types.js';

export type ReportOutcome = 'what-if' | 'refused' | 'declined' | 'imported' | 'resumed' | 'already-imported' | 'failed';

const OUTCOME_TEXT: Readonly<Record<ReportOutcome, string>> = {
  'what-if': 'What if — nothing was changed',
  refused: 'Refused — the plan has errors; nothing was changed',
  declined: 'Declined at the confirmation prompt — nothing was changed',
  imported: 'Imported',
  resumed: 'Imported (resumed an interrupted import)',
  'already-imported': 'Already imported — nothing was changed',
  failed: 'Stopped part-way — run the same import again to resume',
};

const EXTRA_STYLE = `
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;padding:8px 12px;border:1px solid var(--line);border-radius:8px;background:var(--panel);margin:8px 0 12px}
.filters input[type=search]{min-width:260px;padding:4px 8px;border:1px solid var(--line);border-radius:6px}
.filters select{padding:3px 6px;border:1px solid var(--line);border-radius:6px;background:#fff}
.rule-group h3{font-size:15px;margin:18px 0 6px}.code-group{margin:6px 0 10px;border:1px solid var(--line);border-radius:8px;padding:6px 10px}
.code-group summary{cursor:pointer;font-weight:600}.code-group .hint{color:var(--muted);margin:6px 0}.code-group table{font-size:13px}
.outcome{font-size:15px;font-weight:600;margin-top:6px}.outcome.bad{color:var(--bad)}.outcome.good{color:var(--good)}.outcome.warn{color:var(--warn)}
.describe{background:var(--panel);border-left:4px solid var(--accent);padding:10px 14px;margin:12px 0;border-radius:4px}
td.arrow{color:var(--muted);text-align:center;width:24px}
th,td.num,.badge{white-space:nowrap}main{max-width:1280px}section{overflow-x:auto}
.findings td,#renames td:nth-child(2),#renames td:nth-child(4),#rooms td:first-child,#categories td:nth-child(-n+2),#conflicts td:nth-child(2),#principals td:first-child,dd,.describe{overflow-wrap:anywhere}
`;

/** The -Report page: self-contained HTML (inline CSS, SVG and a small filter script; no network). */
export function renderImportReport(
  plan: MigrationPlan,
  outcome: { status: ReportOutcome; backupPath: string | null; written?: WrittenCounts; error?: string },
): string {
  const t = plan.totals;
  const tone = outcome.status === 'refused' || outcome.status === 'failed' ? 'bad' : outcome.status === 'imported' || outcome.status === 'resumed' ? 'good' : 'warn';
  const overwrites = findingsOf(plan.findings, 'category-overwritten').length + findingsOf(plan.findings, 'room-overwritten').length + findingsOf(plan.findings, 'addin-overwritten').length;
  const summary: SummaryItem[] = [
    { label: 'Errors', value: t.findings.error, tone: t.findings.error > 0 ? 'bad' : 'good' },
    { label: 'Warnings', value: t.findings.warning, tone: t.findings.warning > 0 ? 'warn' : 'good' },
    { label: 'Categories', value: t.categories.create + t.categories.overwrite + t.categories.keep },
    { label: 'Rooms migrated', value: t.rooms.create + t.rooms.overwrite + t.rooms.keep },
    { label: 'Rooms not migrated', value: t.rooms.skip, tone: t.rooms.skip > 0 ? 'warn' : 'neutral' },
    { label: 'Messages migrated', value: t.messages.import, tone: 'good' },
    { label: 'Messages left out', value: t.messages.cut + t.messages.inSkippedRooms },
    { label: 'Overwrites (R9)', value: overwrites, tone: overwrites > 0 ? 'warn' : 'neutral' },
    { label: 'Principals added', value: t.principals.created },
  ];
  const facts = [
    { label: 'Outcome', value: OUTCOME_TEXT[outcome.status] },
    { label: 'Source', value: `${plan.source.origin} (${plan.source.flavour}${plan.source.schemaVersion ? ` ${plan.source.schemaVersion}` : ''})` },
    { label: 'Export level', value: plan.source.level + (plan.source.scope ? ` — scope: ${plan.source.scope.join(', ')}` : '') },
    { label: 'Start date', value: plan.source.startDate ?? 'none (every message)' },
    { label: 'Target', value: plan.target.description },
    { label: 'Category separator', value: `"${plan.options.categorySeparator}"` },
    { label: 'Rooms under the root go to', value: plan.options.rootRoomsCategory },
    { label: 'Long names', value: plan.options.shortenLongNames ? 'shortened (-ShortenLongNames)' : 'refused' },
    { label: 'Backup', value: outcome.backupPath ?? (outcome.status === 'what-if' ? 'taken before a real import' : 'none') },
    { label: 'Planned at', value: plan.plannedAt },
    { label: 'Import key', value: plan.runKey },
  ];
  const intro = html`<style>${new Html(EXTRA_STYLE)}</style><div class="outcome ${tone}">${OUTCOME_TEXT[outcome.status]}</div>
<p class="describe">${describePlan(plan)}</p>${outcome.error ? html`<p class="outcome bad">${outcome.error}</p>` : ''}${
    outcome.written
      ? html`<p class="muted">Written by this run: ${formatCount(outcome.written.principals)} principal(s), ${formatCount(outcome.written.addins)} add-in(s), ${formatCount(outcome.written.categories)} categor${outcome.written.categories === 1 ? 'y' : 'ies'}, ${formatCount(outcome.written.rooms)} room(s), ${formatCount(outcome.written.messages)} message(s).</p>`
      : ''
  }`;
  const sections = [
    { id: 'summary', title: 'Summary', body: intro },
    { id: 'findings', title: `Findings (${formatCount(plan.findings.length)})`, body: renderFindingsHtml(plan.findings) },
    { id: 'renames', title: 'Renames', body: renames(plan) },
    { id: 'conflicts', title: 'Conflicts (R9)', body: conflicts(plan) },
    { id: 'months', title: 'Messages per month', body: months(plan) },
    { id: 'categories', title: 'Categories', body: categories(plan) },
    { id: 'rooms', title: 'Rooms', body: rooms(plan) },
    { id: 'principals', title: 'Principals', body: principals(plan) },
  ];
  return renderReport({
    title: 'Import-CsPersistentChatData',
    subtitle: 'Group Chat → Persistent Chat migration plan and result',
    facts,
    summary,
    sections,
    script: FINDINGS_FILTER_SCRIPT,
  });
}

function renames(plan: MigrationPlan): Html {
  const rows: Html[][] = [];
  for (const c of plan.categories) {
    const from = c.sourcePath.length ? c.sourcePath.join(' › ') : '(rooms under the root)';
    if (from !== c.name) rows.push([html`Category`, html`${from}`, html`→`, html`<strong>${c.name}</strong>`]);
  }
  for (const r of plan.rooms) {
    if (r.action === 'skip' || r.name === r.sourceName) continue;
    rows.push([html`Room`, html`${[...r.sourcePath, r.sourceName].join(' › ')}`, html`→`, html`<strong>${r.name}</strong>`]);
  }
  if (rows.length === 0) return html`<p class="empty">No category or room changes its name.</p>`;
  return new Html(
    renderTable([{ header: 'Kind' }, { header: 'Legacy location' }, { header: '' }, { header: 'Name in Persistent Chat' }], rows).value.replace(/<td>→<\/td>/g, '<td class="arrow">→</td>'),
  );
}

function conflicts(plan: MigrationPlan): Html {
  const rows: (string | number | Html)[][] = [];
  for (const f of findingsOf(plan.findings, 'category-overwritten')) rows.push(['Category', f.data.name, f.data.targetId, 'Settings, AllowedMembers, DeniedMembers and Creators replaced; its other rooms stay.']);
  for (const f of findingsOf(plan.findings, 'room-overwritten')) {
    rows.push([
      'Room',
      f.data.name,
      f.data.targetId,
      `Settings and roles replaced; moves from '${f.data.targetCategory}'; its ${formatCount(f.data.existingMessages)} message(s) kept, legacy history appended after chatId ${formatCount(f.data.chatIdOffset)}.`,
    ]);
  }
  for (const f of findingsOf(plan.findings, 'addin-overwritten')) rows.push(['Add-in', f.data.name, '—', `URL ${f.data.previousUrl} replaced by ${f.data.url}.`]);
  return renderTable([{ header: 'Kind' }, { header: 'Name' }, { header: 'Target id', numeric: true }, { header: 'What happens' }], rows, {
    empty: 'No conflicts: nothing in the target is overwritten.',
  });
}

function months(plan: MigrationPlan): Html {
  if (plan.months.length === 0) return html`<p class="empty">The package carries no messages.</p>`;
  const chart = monthlyStackedBars(
    plan.months.map((m) => ({ month: m.month, kept: m.migrated, cut: m.cut + m.notMigrated })),
    { kept: 'migrated', cut: 'left out (start date, disabled rooms)', title: 'Messages migrated and left out, per month' },
  );
  const total = plan.months.reduce((acc, m) => ({ migrated: acc.migrated + m.migrated, cut: acc.cut + m.cut, notMigrated: acc.notMigrated + m.notMigrated }), {
    migrated: 0,
    cut: 0,
    notMigrated: 0,
  });
  return html`${chart}<p class="muted">${formatCount(total.migrated)} migrated, ${formatCount(total.cut)} before the start date (R8), ${formatCount(total.notMigrated)} in rooms not migrated (R7).</p>`;
}

function categories(plan: MigrationPlan): Html {
  const onOff = (v: boolean) => (v ? 'on' : 'off');
  return renderTable(
    [
      { header: 'Name' },
      { header: 'Legacy location' },
      { header: 'Action' },
      { header: 'Invitations' },
      { header: 'File upload' },
      { header: 'Chat history' },
      { header: 'Allowed', numeric: true },
      { header: 'Denied', numeric: true },
      { header: 'Creators', numeric: true },
    ],
    plan.categories.map((c) => [
      c.name,
      c.sourcePath.length ? c.sourcePath.join(' › ') : '(root)',
      c.action,
      onOff(c.invitations),
      onOff(c.fileUpload),
      onOff(c.chatHistory),
      c.allowedMembers.length,
      c.deniedMembers.length,
      c.creators.length,
    ]),
    { empty: 'The package carries no categories.' },
  );
}

function rooms(plan: MigrationPlan): Html {
  return renderTable(
    [
      { header: 'Name' },
      { header: 'Category' },
      { header: 'Action' },
      { header: 'Privacy' },
      { header: 'Type' },
      { header: 'Invitations' },
      { header: 'Members', numeric: true },
      { header: 'Managers', numeric: true },
      { header: 'Presenters', numeric: true },
      { header: 'Messages', numeric: true },
      { header: 'Left out', numeric: true },
    ],
    plan.rooms.map((r) => [
      r.action === 'skip' ? html`<span class="muted">${r.sourceName}</span>` : r.name,
      r.action === 'skip' ? '—' : r.category,
      r.action === 'skip' ? html`<span class="badge warning">not migrated</span>` : r.action,
      r.privacy,
      r.type,
      r.invitations,
      r.members.length,
      r.managers.length,
      r.presenters.length,
      r.action === 'skip' ? 0 : r.messages.count,
      r.messages.cut + (r.action === 'skip' ? r.messages.count : 0),
    ]),
    { empty: 'The package carries no rooms.' },
  );
}

function principals(plan: MigrationPlan): Html {
  const notable = plan.principals.filter((p) => p.action === 'create' || p.action === 'unresolved' || (p.action === 'match' && p.matchedBy !== 'guid'));
  const table = renderTable(
    [{ header: 'Principal' }, { header: 'Kind' }, { header: 'Outcome' }, { header: 'Target prinID', numeric: true }],
    notable.map((p) => [
      p.uri,
      p.federated ? 'federated user' : p.kind,
      p.action === 'create' ? (p.federated ? 'added, SIP-disabled (R6)' : 'added to the cache') : p.action === 'unresolved' ? html`<span class="badge error">unresolved</span>` : `matched by ${p.matchedBy?.toUpperCase()}`,
      p.targetId ?? '—',
    ]),
    { empty: 'Every referenced principal is already cached by the target (matched by objectGUID).' },
  );
  return html`<p class="muted">${formatCount(plan.totals.principals.referenced)} principal(s) referenced: ${formatCount(plan.totals.principals.matched)} matched, ${formatCount(plan.totals.principals.created)} added, ${formatCount(plan.totals.principals.unresolved)} unresolved.</p>${table}`;
}
