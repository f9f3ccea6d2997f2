import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, tempFolder } from '../generator/test-support/generated.js';
import type { GeneratedDeployment } from '../generator/result-types.js';
import { progressLine, renderProgress } from './render-progress.js';
import { runGenerate } from './run-generate.js';

afterAll(cleanUp);

function capture(isTTY = false) {
  let text = '';
  return { stream: { isTTY, write: (chunk: string) => ((text += chunk), true) }, text: () => text };
}

describe('runGenerate', () => {
  it('generates, reports progress, prints a summary and writes generation.json', async () => {
    const out = path.join(tempFolder('cli'), 'deployment');
    const stdout = capture();
    const stderr = capture();
    const code = await runGenerate(['--out', out, '--size', 'tiny', '--seed', '9', '--target', 'partial', '--plant', 'unknownAuthors=1'], { stdout: stdout.stream, stderr: stderr.stream });
    expect(code).toBe(0);
    expect(stderr.text()).toContain('Generate legacy deployment: [####################] 100% Legacy deployment written (2,000 / 2,000)');
    expect(stdout.text()).toMatch(/^Generated a tiny lync2010 deployment \(seed 9\)/);
    expect(stdout.text()).toContain('1 unknown authors');
    expect(stdout.text()).toContain(`deployment: ${path.join(out, 'deployment.json')}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'generation.json'), 'utf8')) as GeneratedDeployment;
    expect(manifest.seed).toBe(9);
    expect(manifest.planted.unknownAuthors).toHaveLength(1);
    expect(fs.existsSync(manifest.legacy.database.dbInstance)).toBe(true);
  });

  it('refuses a folder that is not empty, and bad arguments, with the id and a hint', async () => {
    const out = tempFolder('cli-busy');
    fs.writeFileSync(path.join(out, 'something'), 'x');
    const stderr = capture();
    expect(await runGenerate(['--out', out, '--quiet'], { stdout: capture().stream, stderr: stderr.stream })).toBe(1);
    expect(stderr.text()).toMatch(/^PCMIG-GEN-005: .* is not empty/);
    expect(stderr.text()).toContain('Hint:');
    const usage = capture();
    expect(await runGenerate(['--out', out, '--size', 'gigantic'], { stdout: capture().stream, stderr: usage.stream })).toBe(2);
    expect(usage.text()).toMatch(/^PCMIG-GEN-001/);
  });

  it('prints its usage', async () => {
    const stdout = capture();
    expect(await runGenerate(['--help'], { stdout: stdout.stream, stderr: capture().stream })).toBe(0);
    expect(stdout.text()).toContain('--plant <knob>=<value>');
  });
});

describe('renderProgress', () => {
  it('redraws one line on a terminal', () => {
    const tty = capture(true);
    const { listener, finish } = renderProgress(tty.stream);
    listener({ activity: 'A', status: 'one', percentComplete: 50 });
    listener({ activity: 'A', status: 'two', percentComplete: 75 });
    finish();
    expect(tty.text()).toBe(`\r\u001b[K${progressLine({ activity: 'A', status: 'one', percentComplete: 50 })}\r\u001b[K${progressLine({ activity: 'A', status: 'two', percentComplete: 75 })}\n`);
  });

  it('writes occasional lines to a log', () => {
    const log = capture();
    const { listener } = renderProgress(log.stream, { lineIntervalMs: 60_000 });
    listener({ activity: 'A', status: 'one' });
    listener({ activity: 'A', status: 'two' });
    listener({ activity: 'B', status: 'three' });
    listener({ activity: 'B', status: 'done', completed: true });
    expect(log.text().split('\n').filter(Boolean)).toEqual(['A: one', 'B: three', 'B: done']);
  });
});
