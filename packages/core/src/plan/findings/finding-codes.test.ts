import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from './finding-codes.js';

const doc = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../docs/findings.md'), 'utf8');
const escape = (text: string) => text.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');

describe('docs/findings.md', () => {
  it('lists every finding code with its severity, rule and title', () => {
    for (const [code, definition] of Object.entries(FINDING_CODES)) {
      expect(doc, code).toContain(`| ${code} | ${definition.severity} | ${definition.rule} | ${escape(definition.title)} |`);
    }
  });

  it('lists no code the planner does not have', () => {
    const listed = [...doc.matchAll(/^\| ([a-z][a-z-]+) \| (error|warning|info) \|/gm)].map((m) => m[1]);
    expect(listed.filter((code) => !(code! in FINDING_CODES))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });
});
