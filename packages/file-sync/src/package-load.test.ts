import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transpilePackage } from './test-support/transpile-package.js';

describe('loading @pcmig/file-sync', () => {
  it('loads neither the domain model nor the database drivers: the copy needs only the error catalog', () => {
    const compiled = transpilePackage();
    try {
      // Module hooks record every module the import loads.
      const loaded = path.join(compiled.dir, 'loaded.txt');
      const hooks = path.join(compiled.dir, 'record-loads.mjs');
      fs.writeFileSync(hooks, `import fs from 'node:fs';\nexport async function load(url, context, next) {\n  fs.appendFileSync(${JSON.stringify(loaded)}, url + '\\n');\n  return next(url, context);\n}\n`);
      const register = path.join(compiled.dir, 'register-hooks.mjs');
      fs.writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
      const index = pathToFileURL(path.join(compiled.dir, 'index.js')).href;
      execFileSync(process.execPath, ['--import', pathToFileURL(register).href, '--input-type=module', '-e', `const m = await import(${JSON.stringify(index)}); if (typeof m.copyFileStore !== 'function') process.exit(3);`], { cwd: compiled.dir });
      const urls = fs.readFileSync(loaded, 'utf8').split('\n').filter(Boolean);
      expect(urls).toContain(index);
      expect(urls.filter((url) => /\/core\/(dist|src)\/errors\//.test(url)).length).toBeGreaterThan(0);
      expect(urls.filter((url) => /\/core\/(dist|src)\/index\.[jt]s$/.test(url) || /\/node_modules\/(mssql|better-sqlite3|zod|saxes)\//.test(url))).toEqual([]);
    } finally {
      compiled.cleanup();
    }
  });
});
