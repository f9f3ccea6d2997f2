/**
 * Building blocks for pcmig's HTML reports: self-contained pages (inline CSS and SVG, no
 * network), escaped by construction. Text goes through escapeHtml; markup built here is wrapped
 * in Html so that it is not escaped twice.
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Control characters (legal in chat content, not in HTML text) other than tab, LF and CR. */
// eslint-disable-next-line no-control-regex -- matching control characters is this expression's purpose
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Escapes text and keeps control characters visible as \\xNN. */
export function escapeText(text: string): string {
  return escapeHtml(text).replace(CONTROL_CHARACTERS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export type HtmlValue = Html | string | number | bigint | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeText(String(value));
}

/** Tagged template: interpolated values are escaped unless they are Html. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export interface SummaryItem {
  readonly label: string;
  readonly value: string | number;
  /** Colours the tile: good (green), warn (amber), bad (red). */
  readonly tone?: 'good' | 'warn' | 'bad' | 'neutral';
}

export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly body: Html;
}

export interface ReportDocument {
  readonly title: string;
  readonly subtitle?: string;
  /** Lines under the title (source, target, options…). */
  readonly facts?: readonly { label: string; value: string }[];
  readonly summary?: readonly SummaryItem[];
  readonly sections: readonly ReportSection[];
  /** Optional inline script (filters); reports work without it. */
  readonly script?: string;
}

const STYLE = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--panel:#f6f8fa;--good:#1a7f37;--warn:#9a6700;--bad:#cf222e;--accent:#0969da;--kept:#2f81f7;--cut:#d0d7de}
*{box-sizing:border-box}body{margin:0;font:14px/1.5 -apple-system,"Segoe UI",Roboto,"Noto Sans",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:24px 32px;border-bottom:1px solid var(--line);background:var(--panel)}h1{margin:0 0 4px;font-size:24px}.subtitle{color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:12px 0 0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;word-break:break-all}
nav{padding:8px 32px;border-bottom:1px solid var(--line);display:flex;gap:16px;flex-wrap:wrap}nav a{color:var(--accent);text-decoration:none}
main{padding:16px 32px 48px;max-width:1280px}section{margin:24px 0}h2{font-size:18px;border-bottom:1px solid var(--line);padding-bottom:4px}
.tiles{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}.tile{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:140px;background:var(--bg)}
.tile .v{font-size:22px;font-weight:600}.tile .l{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.tile.good .v{color:var(--good)}.tile.warn .v{color:var(--warn)}.tile.bad .v{color:var(--bad)}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--panel);font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;border:1px solid currentColor}
.badge.error,.badge.failed{color:var(--bad)}.badge.warning{color:var(--warn)}.badge.info{color:var(--accent)}.badge.passed{color:var(--good)}
.muted{color:var(--muted)}code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;background:var(--panel);padding:0 3px;border-radius:3px}
.chart{max-width:100%;height:auto}.empty{color:var(--muted);font-style:italic}
`;

/** A whole report page. Deterministic: the caller decides whether any time of day appears. */
export function renderReport(doc: ReportDocument): string {
  const tiles = doc.summary?.length
    ? html`<div class="tiles">${doc.summary.map(
        (item) => html`<div class="tile ${item.tone ?? 'neutral'}"><div class="v">${typeof item.value === 'number' ? formatCount(item.value) : item.value}</div><div class="l">${item.label}</div></div>`,
      )}</div>`
    : '';
  const facts = doc.facts?.length ? html`<dl class="facts">${doc.facts.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>` : '';
  const page = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${doc.title}</title><style>${new Html(STYLE)}</style></head>
<body><header><h1>${doc.title}</h1>${doc.subtitle ? html`<div class="subtitle">${doc.subtitle}</div>` : ''}${facts}</header>
<nav>${doc.sections.map((s) => html`<a href="#${s.id}">${s.title}</a>`)}</nav>
<main>${tiles}${doc.sections.map((s) => html`<section id="${s.id}"><h2>${s.title}</h2>${s.body}</section>`)}</main>
${doc.script ? html`<script>${new Html(doc.script)}</script>` : ''}</body></html>
`;
  return page.value;
}

export interface TableColumn {
  readonly header: string;
  readonly numeric?: boolean;
}

/** A table; cells are escaped unless they are Html. */
export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly HtmlValue[])[], options: { id?: string; empty?: string } = {}): Html {
  if (rows.length === 0) return html`<p class="empty">${options.empty ?? 'None.'}</p>`;
  return html`<table${options.id ? new Html(` id="${escapeHtml(options.id)}"`) : ''}><thead><tr>${columns.map(
    (c) => html`<th${c.numeric ? new Html(' class="num"') : ''}>${c.header}</th>`,
  )}</tr></thead><tbody>${rows.map(
    (row) => html`<tr>${row.map((cell, i) => html`<td${columns[i]?.numeric ? new Html(' class="num"') : ''}>${typeof cell === 'number' ? formatCount(cell) : cell}</td>`)}</tr>`,
  )}</tbody></table>`;
}
