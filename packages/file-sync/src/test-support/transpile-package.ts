import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Compiles this package's sources (not its tests) to plain JavaScript in a folder under
 * packages/file-sync/.cache, so that a test can run the current code in a child process
 * (Node 20 does not run TypeScript). @pcmig/core resolves to its built package there.
 */
export function transpilePackage(): { dir: string; cleanup(): void } {
  const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const sourceRoot = path.join(packageRoot, 'src');
  const cacheRoot = path.join(packageRoot, '.cache');
  fs.mkdirSync(cacheRoot, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cacheRoot, 'child-'));
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(sourceRoot, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'test-support') walk(child);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const output = ts.transpileModule(fs.readFileSync(path.join(sourceRoot, child), 'utf8'), {
          compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
          fileName: child,
        });
        const target = path.join(dir, child.replace(/\.ts$/, '.js'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, output.outputText);
      }
    }
  };
  walk('');
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
