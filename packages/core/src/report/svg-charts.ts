import { Html, escapeHtml, formatCount } from './html.js';

export interface MonthBar {
  /** 'YYYY-MM' */
  readonly month: string;
  readonly kept: number;
  readonly cut: number;
}

/**
 * Stacked bars per month (kept below, cut above), as inline SVG with a legend and per-bar
 * tooltips. Months without messages between the first and the last are shown empty.
 */
export function monthlyStackedBars(
  bars: readonly MonthBar[],
  labels: { kept: string; cut: string; title: string },
): Html {
  const months = fillMonths(bars);
  const width = 960;
  const height = 260;
  const left = 56;
  const bottom = 40;
  const top = 28;
  const plotW = width - left - 16;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...months.map((m) => m.kept + m.cut));
  const step = plotW / Math.max(1, months.length);
  const barW = Math.max(1, step * 0.8);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = niceTicks(max);
  const parts: string[] = [];
  parts.push(`<title>${escapeHtml(labels.title)}</title>`);
  for (const t of ticks) {
    parts.push(`<line x1="${left}" x2="${width - 16}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#d0d7de" stroke-width="0.5"/>`);
    parts.push(`<text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#59636e">${formatCount(t)}</text>`);
  }
  const labelEvery = Math.max(1, Math.ceil(months.length / 16));
  months.forEach((m, i) => {
    const x = left + i * step + (step - barW) / 2;
    const keptTop = y(m.kept);
    const cutTop = y(m.kept + m.cut);
    const tip = `${m.month}: ${formatCount(m.kept)} ${labels.kept}, ${formatCount(m.cut)} ${labels.cut}`;
    parts.push(`<g data-month="${m.month}" data-kept="${m.kept}" data-cut="${m.cut}"><title>${escapeHtml(tip)}</title>`);
    if (m.kept > 0) parts.push(`<rect x="${x.toFixed(1)}" y="${keptTop.toFixed(1)}" width="${barW.toFixed(1)}" height="${(top + plotH - keptTop).toFixed(1)}" fill="#2f81f7"/>`);
    if (m.cut > 0) parts.push(`<rect x="${x.toFixed(1)}" y="${cutTop.toFixed(1)}" width="${barW.toFixed(1)}" height="${(keptTop - cutTop).toFixed(1)}" fill="#afb8c1"/>`);
    parts.push('</g>');
    if (i % labelEvery === 0) {
      parts.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" font-size="11" fill="#59636e">${m.month}</text>`);
    }
  });
  parts.push(`<line x1="${left}" x2="${width - 16}" y1="${top + plotH}" y2="${top + plotH}" stroke="#59636e"/>`);
  parts.push(`<rect x="${left}" y="6" width="12" height="12" fill="#2f81f7"/><text x="${left + 18}" y="16" font-size="12">${escapeHtml(labels.kept)}</text>`);
  parts.push(`<rect x="${left + 160}" y="6" width="12" height="12" fill="#afb8c1"/><text x="${left + 178}" y="16" font-size="12">${escapeHtml(labels.cut)}</text>`);
  return new Html(
    `<svg class="chart" role="img" aria-label="${escapeHtml(labels.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`,
  );
}

export interface NamedValue {
  readonly label: string;
  readonly value: number;
}

/** Horizontal bars (e.g. the busiest rooms), largest first as given. */
export function horizontalBars(items: readonly NamedValue[], title: string): Html {
  const rowH = 22;
  const labelW = 280;
  const width = 960;
  const height = items.length * rowH + 10;
  const max = Math.max(1, ...items.map((i) => i.value));
  const parts = [`<title>${escapeHtml(title)}</title>`];
  items.forEach((item, i) => {
    const y = 5 + i * rowH;
    const w = ((width - labelW - 90) * item.value) / max;
    const label = item.label.length > 40 ? `${item.label.slice(0, 39)}…` : item.label;
    parts.push(`<text x="${labelW - 8}" y="${y + 15}" text-anchor="end" font-size="12">${escapeHtml(label)}</text>`);
    parts.push(`<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="#2f81f7"><title>${escapeHtml(`${item.label}: ${formatCount(item.value)}`)}</title></rect>`);
    parts.push(`<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 15}" font-size="12" fill="#59636e">${formatCount(item.value)}</text>`);
  });
  return new Html(
    `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`,
  );
}

function fillMonths(bars: readonly MonthBar[]): MonthBar[] {
  if (bars.length === 0) return [];
  const byMonth = new Map(bars.map((b) => [b.month, b]));
  const sorted = [...byMonth.keys()].sort();
  const out: MonthBar[] = [];
  let [year, month] = (sorted[0] as string).split('-').map(Number) as [number, number];
  const last = sorted.at(-1) as string;
  for (let guard = 0; guard < 12 * 200; guard += 1) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    out.push(byMonth.get(key) ?? { month: key, kept: 0, cut: 0 });
    if (key >= last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

function niceTicks(max: number): number[] {
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = 0; t <= max + step / 2; t += step) ticks.push(Math.round(t));
  return ticks;
}
