import { describe, expect, it } from 'vitest';
import { Html, escapeText, html, renderReport, renderTable } from './html.js';
import { monthlyStackedBars } from './svg-charts.js';

describe('report kit', () => {
  it('escapes interpolated text, keeps Html as is', () => {
    expect(html`<p>${'<script>&"'}</p>${new Html('<b>ok</b>')}`.value).toBe('<p>&lt;script&gt;&amp;&quot;</p><b>ok</b>');
    expect(escapeText('a\u0001b')).toBe('a\\x01b');
  });

  it('renders a self-contained page without external references', () => {
    const page = renderReport({
      title: 'T <1>',
      summary: [{ label: 'Rooms', value: 12345, tone: 'good' }],
      sections: [{ id: 's', title: 'Section', body: renderTable([{ header: 'Name' }, { header: 'Count', numeric: true }], [['a&b', 1000]]) }],
    });
    expect(page).toContain('<title>T &lt;1&gt;</title>');
    expect(page).toContain('12,345');
    expect(page).toContain('a&amp;b');
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('charts every month between the first and the last', () => {
    const svg = monthlyStackedBars(
      [
        { month: '2009-11', kept: 0, cut: 5 },
        { month: '2010-02', kept: 7, cut: 0 },
      ],
      { kept: 'migrated', cut: 'cut', title: 'Messages per month' },
    ).value;
    expect(svg.match(/data-month="/g)).toHaveLength(4);
    expect(svg).toContain('data-month="2009-12" data-kept="0" data-cut="0"');
  });
});
