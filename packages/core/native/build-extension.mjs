// Builds pcmig's SQLite extension (message-lines.c) into dist/native/, against the SQLite headers
// better-sqlite3 ships (the same SQLite the extension is loaded into). Run by the core's build
// target with the machine's C compiler (CC, else cc), as better-sqlite3's own build uses one;
// without a compiler it is skipped with a warning (the exporter then uses SQL functions).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const headers = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'deps', 'sqlite3');
const source = path.join(here, 'message-lines.c');
const outDir = path.join(here, '..', 'dist', 'native');
const output = path.join(outDir, 'pcmig-message-lines.so');
const compiler = process.env.CC || 'cc';

if (!fs.existsSync(path.join(headers, 'sqlite3ext.h'))) {
  console.error(`pcmig: sqlite3ext.h not found under ${headers} (is better-sqlite3 installed?)`);
  process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });
// Built under a temporary name and renamed: a failed build never leaves a half-written library.
const partial = `${output}.${process.pid}.tmp`;
try {
  execFileSync(compiler, ['-O2', '-std=c11', '-D_GNU_SOURCE', '-Wall', '-Wextra', '-Werror', '-fPIC', '-shared', '-I', headers, '-o', partial, source], { stdio: 'inherit' });
  fs.renameSync(partial, output);
} catch (error) {
  fs.rmSync(partial, { force: true });
  if (error.code === 'ENOENT') {
    // No compiler on this machine: the exporter builds the same lines with SQL functions, more
    // slowly (docs/package-format.md, "Compression"). A compiler that fails is an error.
    fs.rmSync(output, { force: true });
    console.warn(`pcmig: no C compiler (${compiler}): the SQLite extension is not built; exports read messages without it, more slowly.`);
    process.exit(0);
  }
  console.error(`pcmig: building ${path.relative(process.cwd(), source)} with ${compiler} failed: ${error.message}`);
  process.exit(1);
}
