import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ErrorCatalog } from '@pcmig/core';
import { deploymentErrors } from './deployment-errors.js';
import { directoryErrors } from './directory-errors.js';
import { endpointErrors } from './endpoint-errors.js';
import { topologyErrors } from './topology-errors.js';

const docs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/errors');
const escape = (text: string) => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe.each([
  ['directory.md', directoryErrors],
  ['topology.md', topologyErrors],
  ['endpoint.md', endpointErrors],
  ['deployment.md', deploymentErrors],
] as [string, ErrorCatalog<string>][])('docs/errors/%s', (file, catalog) => {
  const text = fs.readFileSync(path.join(docs, file), 'utf8');

  it('lists every id of the area with its category, title and hint, and nothing else', () => {
    for (const [id, definition] of Object.entries(catalog.definitions)) {
      expect(text, id).toContain(`| ${id} | ${definition.category} | ${escape(definition.title)} | ${escape(definition.hint)} |`);
    }
    const listed = [...text.matchAll(/^\| (PCMIG-[A-Z]+-\d{3}) \|/gm)].map((match) => match[1]);
    expect(listed).toEqual(Object.keys(catalog.definitions));
  });
});
