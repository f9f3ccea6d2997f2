import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPersistentChatData, openPackage, type ExportResult } from '@pcmig/core';
import { generateDeployment, type GeneratedDeployment } from '@pcmig/tools';
import { chromiumAvailable, inspectReport } from './support/chromium.js';

/**
 * Export-CsPersistentChatData -Report on a generated Lync 2010 pool (federated users, disabled
 * rooms, messages before the cut-off planted): the report is opened in headless Chromium with
 * the network off, checked against the package, and saved as a screenshot.
 */

const NOW = () => new Date('2013-06-01T00:00:00Z');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-e2e-export-'));
let deployment: GeneratedDeployment;
let result: ExportResult;
const fileName = path.join(dir, 'export.zip');
const report = path.join(dir, 'export-report.html');

beforeAll(async () => {
  deployment = await generateDeployment({ size: 'small', flavour: 'lync2010', out: path.join(dir, 'deployment'), target: { fill: 'none' }, deploymentFolder: false });
  result = await exportPersistentChatData({
    dbInstance: deployment.legacy.database.dbInstance,
    fileName,
    report,
    startDate: new Date('2010-01-01T00:00:00Z'),
    now: NOW,
  });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Export-CsPersistentChatData -Report', () => {
  it('accounts for every message of the generated pool, in the package and in the result', async () => {
    const summary = deployment.legacy.summary;
    expect(result.counts.messages + result.cut.messages).toBe(summary.messages);
    expect(result.cut.messages).toBeGreaterThan(0);
    expect(result.federated.length).toBeGreaterThan(0);
    expect(result.rooms.some((r) => r.disabled)).toBe(true);
    const pkg = await openPackage({ fileName });
    await pkg.verify({ deep: true });
    expect(pkg.manifest.counts).toEqual(result.counts);
    await pkg.close();
  });

  it.skipIf(!chromiumAvailable())('shows the summary, the kept-vs-cut chart, the tables and the checksums, offline', async () => {
    const counts = result.counts;
    const disabledRooms = result.rooms.filter((r) => r.disabled);
    const shot = await inspectReport(report, 'export-report', async (page) => {
      const text = (selector: string) => page.locator(selector).innerText();
      expect(await page.title()).toBe('Export-CsPersistentChatData report');
      const tiles = await page.locator('.tile').evaluateAll((els) => els.map((el) => [el.querySelector('.l')?.textContent, el.querySelector('.v')?.textContent]));
      const tile = (label: string) => tiles.find(([l]) => l === label)?.[1];
      expect(tile('Messages exported')).toBe(counts.messages.toLocaleString('en-US'));
      expect(tile('Messages cut by -StartDate')).toBe(result.cut.messages.toLocaleString('en-US'));
      expect(tile('Rooms')).toBe(counts.rooms.toLocaleString('en-US'));
      expect(tile('Federated principals')).toBe(String(result.federated.length));
      expect(await text('dl.facts')).toContain('Lync Server 2010 Group Chat');
      expect(await text('dl.facts')).toContain('2010-01-01T00:00:00.0000000Z');

      // The chart: one group per month, kept and cut adding up to the result.
      const bars = await page.locator('#months svg g[data-month]').evaluateAll((gs) => gs.map((g) => [Number(g.getAttribute('data-kept')), Number(g.getAttribute('data-cut'))]));
      expect(bars.reduce((n, [kept]) => n + (kept as number), 0)).toBe(counts.messages);
      expect(bars.reduce((n, [, cut]) => n + (cut as number), 0)).toBe(result.cut.messages);
      expect(await page.locator('#months svg rect[fill="#afb8c1"]').count()).toBeGreaterThan(1);
      expect(await page.locator('#months svg').boundingBox()).toMatchObject({ width: expect.any(Number) });

      expect(await page.locator('#category-table tbody tr').count()).toBe(result.categories.length);
      expect(await page.locator('#room-table tbody tr').count()).toBe(counts.rooms);
      expect(await page.locator('#disabled-table tbody tr').count()).toBe(disabledRooms.length);
      expect(await text('#disabled-table')).toContain(disabledRooms[0]!.name);
      for (const f of result.federated) expect(await text('#federated-table')).toContain(f.uri);
      expect(await text('#notice-table')).toContain('Persistent Chat does not support federation');
      expect(await page.locator('#entry-table tbody tr').count()).toBe(result.manifest.entries.length);
      expect(await text('#entry-table')).toContain(result.manifest.entries[0]!.sha256);
      // Busiest rooms, largest first.
      expect(await page.locator('#busiest svg rect').count()).toBeGreaterThan(0);
    });
    expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
  });
});
