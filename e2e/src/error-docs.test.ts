import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_ID_PATTERN, registeredErrors } from '@pcmig/core';
// Importing each package's public API registers its error catalog.
import '@pcmig/file-sync';
import '@pcmig/endpoint';
import '@pcmig/cmdlets';
import '@pcmig/tools';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('docs/errors/*.md', () => {
  const dir = path.join(root, 'docs/errors');
  const doc = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');

  it('lists every error id the code declares, with its category and meaning', () => {
    const errors = [...registeredErrors()];
    expect(errors.length).toBeGreaterThan(0);
    for (const [id, definition] of errors) {
      expect(doc, id).toContain(`| ${id} | ${definition.category} | ${definition.title.replace(/</g, '&lt;').replace(/>/g, '&gt;')} |`);
    }
  });

  it('documents no id that the code does not declare', () => {
    const documented = [...doc.matchAll(/^\| (PCMIG-[A-Z]+-\d{3}) \|/gm)].map((m) => m[1]!);
    expect(documented.every((id) => ERROR_ID_PATTERN.test(id))).toBe(true);
    expect(documented.filter((id) => !registeredErrors().has(id))).toEqual([]);
    expect(new Set(documented).size).toBe(documented.length);
  });
});
