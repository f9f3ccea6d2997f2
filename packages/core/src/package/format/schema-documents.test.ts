import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageSchemaDocuments } from './schema-documents.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../docs/schemas');

describe('docs/schemas', () => {
  const generated = packageSchemaDocuments();
  // PCMIG_WRITE_SCHEMAS=1 npx vitest run src/package/format/schema-documents.test.ts rewrites them.
  if (process.env.PCMIG_WRITE_SCHEMAS === '1') {
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(generated)) fs.writeFileSync(path.join(dir, name), text);
  }

  it.each(Object.keys(generated).map((name) => [name]))('%s is the JSON Schema generated from the zod schema', (name) => {
    expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(generated[name]);
  });

  it('holds no schema the code does not generate', () => {
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort()).toEqual(Object.keys(generated).sort());
  });
});
