// Module hooks that let a child process run this package's TypeScript sources directly (the
// tests kill such a child mid-operation). Start it with
//   node --conditions=@pcmig/source --import <this folder>/register-ts.mjs child.ts
// so that @pcmig/* resolves to sources, as it does under vitest. Transpiled modules are cached
// in the temp folder by content hash: loading the TypeScript compiler is most of a cold start.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { URL } from 'node:url';

const CACHE = path.join(os.tmpdir(), 'pcmig-ts-loader-cache-v1');
let typescript;

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    // Sources import './x.js' meaning './x.ts' (NodeNext style).
    if ((specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:')) && specifier.endsWith('.js')) {
      return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    }
    throw error;
  }
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const source = await readFile(new URL(url), 'utf8');
  const cached = path.join(CACHE, `${createHash('sha256').update(url).update('\0').update(source).digest('hex')}.js`);
  try {
    return { format: 'module', source: await readFile(cached, 'utf8'), shortCircuit: true };
  } catch {
    // not cached yet
  }
  typescript ??= (await import('typescript')).default;
  const output = typescript.transpileModule(source, {
    fileName: url,
    compilerOptions: {
      module: typescript.ModuleKind.ESNext,
      target: typescript.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: false,
    },
  }).outputText;
  await mkdir(CACHE, { recursive: true });
  const temp = `${cached}.${process.pid}.tmp`;
  await writeFile(temp, output);
  await rename(temp, cached);
  return { format: 'module', source: output, shortCircuit: true };
}
