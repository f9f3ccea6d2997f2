import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Lints a virtual file placed inside a project, with the workspace's real configuration. */
async function lintAt(relativeFile: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, relativeFile) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries (enforced by lint)', () => {
  beforeAll(() => {
    // The boundary rule reads Nx's project graph; make sure it has been computed.
    execFileSync(process.execPath, [path.join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      stdio: 'ignore',
    });
  }, 120_000);

  it('fails when an engine imports the cmdlet host', async () => {
    for (const engine of ['packages/core', 'packages/file-sync', 'packages/endpoint']) {
      const errors = await lintAt(`${engine}/src/boundary-fixture.ts`, "import '@pcmig/cmdlets';\n");
      // The rule reports the cycle (the host depends on every engine) or the tag violation,
      // whichever it checks first in the graph it has: either way the import is refused.
      expect(errors.join('\n')).toMatch(
        /@nx\/enforce-module-boundaries: (A project tagged with "type:engine" can only depend on libs tagged with "type:engine"|Circular dependency between "[a-z-]+" and "cmdlets")/,
      );
    }
  });

  it('fails when core depends on another engine', async () => {
    const errors = await lintAt('packages/core/src/boundary-fixture.ts', "import '@pcmig/endpoint';\n");
    expect(errors.join('\n')).toMatch(/@nx\/enforce-module-boundaries: .*(scope:core|Circular dependency between "core" and "endpoint")/);
  });

  it('fails on a deep import past a package\'s public API', async () => {
    const errors = await lintAt('packages/cmdlets/src/boundary-fixture.ts', "import '@pcmig/core/src/db/errors.js';\n");
    expect(errors.join('\n')).toMatch(/public API/);
  });

  it('allows what the architecture allows', async () => {
    expect(await lintAt('packages/cmdlets/src/boundary-fixture.ts', "import '@pcmig/core';\nimport '@pcmig/file-sync';\n")).toEqual([]);
    expect(await lintAt('packages/file-sync/src/boundary-fixture.ts', "import '@pcmig/core';\n")).toEqual([]);
    expect(await lintAt('e2e/src/boundary-fixture.ts', "import '@pcmig/cmdlets';\nimport '@pcmig/tools';\n")).toEqual([]);
  });
});
