import fs from 'node:fs';

let version: string | undefined;

/** The version of pcmig (packages/cmdlets/package.json, the same file from src/ and dist/). */
export function readVersion(): string {
  version ??= (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
