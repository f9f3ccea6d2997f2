import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRehearsal } from './rehearsal/run-rehearsal.js';
import type { RehearsalResult } from './rehearsal/rehearsal-types.js';
import { chromiumAvailable, inspectReport } from './support/chromium.js';

/** The README's main job, on the `small` size: all thirteen steps through the real pcmig binary. */
describe('the full rehearsal (small)', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-rehearsal-')), 'run');
  let result: RehearsalResult;

  beforeAll(async () => {
    result = await runRehearsal({ size: 'small', flavour: 'lync2010', out });
  }, 600_000);
  afterAll(() => fs.rmSync(path.dirname(out), { recursive: true, force: true }));

  it('passes every step, in Microsoft\'s order', () => {
    const failures = result.steps.filter((s) => s.status !== 'passed').map((s) => `${s.number}. ${s.title}: ${s.summary}\n${s.details.join('\n')}`);
    expect(failures, failures.join('\n\n')).toEqual([]);
    expect(result.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(result.verdict).toBe('passed');
  });

  it('migrates what the source holds from the cutoff on, and proves it', () => {
    const planted = result.generated.planted;
    expect(Number(result.facts.exported?.Messages)).toBe(planted.cutoff.messagesFromCutoff);
    expect(Number(result.facts.whatIfFirst?.Errors)).toBeGreaterThan(0);
    expect(Number(result.facts.whatIfFixed?.Errors)).toBe(0);
    expect(result.facts.verification?.Passed).toBe(true);
    expect(Number(result.facts.copied?.Copied)).toBe(result.generated.legacy.summary.files.count);
  });

  it('writes one report and the result as JSON', () => {
    expect(fs.existsSync(result.paths.report)).toBe(true);
    const saved = JSON.parse(fs.readFileSync(result.paths.resultFile, 'utf8')) as { verdict: string; steps: unknown[] };
    expect(saved.verdict).toBe('passed');
    expect(saved.steps).toHaveLength(13);
  });

  it.skipIf(!chromiumAvailable())('shows each step, the verdict and the charts in headless Chromium', async () => {
    const shot = await inspectReport(result.paths.report, 'rehearsal-report', async (page) => {
      expect(await page.textContent('h1')).toContain('passed');
      const rows = await page.$$eval('#steps tbody tr', (trs) => trs.map((tr) => (tr.textContent ?? '').replace(/\s+/g, ' ')));
      expect(rows).toHaveLength(13);
      expect(rows[2]).toContain('Export-CsPersistentChatData');
      expect(rows[9]).toContain('Lookup Server URI');
      expect(await page.$$eval('#steps .badge.passed', (badges) => badges.length)).toBe(13);
      const bars = await page.$$eval('#messages svg g[data-month]', (gs) => gs.map((g) => Number(g.getAttribute('data-kept')) + Number(g.getAttribute('data-cut'))));
      expect(bars.reduce((a, b) => a + b, 0)).toBe(result.generated.legacy.summary.messages);
      expect(await page.textContent('#verification')).toContain('checks passed');
      expect(await page.$$eval('#findings tbody tr', (trs) => trs.length)).toBeGreaterThan(3);
    });
    expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
  });
});
