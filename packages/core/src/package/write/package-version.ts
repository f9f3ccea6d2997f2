import fs from 'node:fs';

let cached: string | undefined;

/** The version of @pcmig/core, recorded in every manifest (src/ and dist/ sit at the same depth). */
export function exporterVersion(): string {
  if (cached === undefined) {
    const manifest = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    cached = typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  }
  return cached;
}
