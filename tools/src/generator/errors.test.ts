import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatorErrors } from './errors.js';

const doc = fs.readFileSync(fileURLToPath(new URL('../../../docs/errors/generator.md', import.meta.url)), 'utf8');

describe('docs/errors/generator.md', () => {
  it('lists every generator error with its category, title and hint, and nothing else', () => {
    for (const [id, definition] of Object.entries(generatorErrors.definitions)) {
      expect(doc).toContain(`| ${id} | ${definition.category} | ${definition.title} | ${definition.hint} |`);
    }
    const documented = [...doc.matchAll(/^\| (PCMIG-GEN-\d{3}) \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(Object.keys(generatorErrors.definitions));
  });
});
