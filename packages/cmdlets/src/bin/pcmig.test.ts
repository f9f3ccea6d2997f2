import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleCmdlets } from '../registry/command-registry.js';
import { defaultRegistry } from '../registry/default-registry.js';
import { buildDeploymentTemplate, copyDeployment, DEPLOYMENT_FIXTURE } from '../test-support/build-deployment.js';
import { buildEmptyTargetPool, buildLegacyFileStore, buildTargetPool } from '../test-support/build-target-pool.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/bin/pcmig.js');
const run = promisify(execFile);

async function pcmig(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Splits a one-line PowerShell command of literals into argv (quotes removed, as PowerShell passes them). */
function splitCommand(code: string): string[] {
  return [...code.matchAll(/'((?:[^']|'')*)'|"([^"]*)"|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? m[3]!)));
}

let dir: string;
let deploymentTemplate: string;
beforeAll(async () => {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: build the package first (npx nx run cmdlets:build).`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-bin-'));
  await buildTargetPool(path.join(dir, 'mgc.db'));
  await buildEmptyTargetPool(path.join(dir, 'mgc-target.db'));
  buildLegacyFileStore(path.join(dir, 'filestore-legacy'));
  deploymentTemplate = await buildDeploymentTemplate(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the pcmig bin (built)', { timeout: 240_000 }, () => {
  it('starts and prints its usage', async () => {
    const result = await pcmig(['--help'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Get-CsPersistentChatRoom');
  });

  it('runs every help example that is a plain command line, from the folder that holds mgc.db and the litwareinc deployment', async () => {
    let ran = 0;
    for (const definition of moduleCmdlets(defaultRegistry)) {
      const plain = definition.examples.filter((e) => !e.requires && !/[|${}]/.test(e.code));
      expect(plain.length, `${definition.name} has an example the host runs`).toBeGreaterThan(0);
      for (const example of plain) {
        // Examples that change the deployment each start from the same fixture.
        if ('Deployment' in definition.parameters) copyDeployment(deploymentTemplate, path.join(dir, DEPLOYMENT_FIXTURE.folderName));
        const result = await pcmig([...splitCommand(example.code), '--json'], dir);
        // Warnings and What if lines may go to stderr; error records may not.
        expect(result.stderr, example.code).not.toContain('"type":"error"');
        expect(result.code, example.code).toBe(0);
        const lines = result.stdout.trim() === '' ? [] : result.stdout.trim().split('\n');
        if (example.noOutput) expect(lines, example.code).toEqual([]);
        else expect(lines.length, example.code).toBeGreaterThan(0);
        expect(() => lines.map((line) => JSON.parse(line) as unknown), example.code).not.toThrow();
        ran += 1;
      }
    }
    expect(ran).toBeGreaterThanOrEqual(27);
  });

  it('exits 3 with a PowerShell-style error for a bad command line', async () => {
    const result = await pcmig(['Get-CsPersistentChatRoom', '-DBInstance', 'mgc.db', '-ResultSize', 'all'], dir);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Cannot convert value "all" to type "System.Int32"');
    expect(result.stderr).toContain('FullyQualifiedErrorId : PCMIG-HOST-005,Get-CsPersistentChatRoom');
  });

  it('writes the PowerShell module anywhere with powershell-module, pointing at this host by its absolute path', async () => {
    const out = path.join(dir, 'Modules', 'PersistentChatMigration');
    const result = await pcmig(['powershell-module', '--out', out], dir);
    expect(result.code).toBe(0);
    const psm1 = fs.readFileSync(path.join(out, 'PersistentChatMigration.psm1'), 'utf8');
    expect(psm1.startsWith('\uFEFF#Requires -Version 5.1')).toBe(true);
    expect(psm1).toContain(`$script:PcmigHostScript = '${BIN}'`);
    const names = moduleCmdlets(defaultRegistry).map((c) => `'${c.name}'`);
    expect(names).toContain("'Get-CsPersistentChatRoom'");
    expect(fs.readFileSync(path.join(out, 'PersistentChatMigration.psd1'), 'utf8')).toContain(`FunctionsToExport = @(${names.join(', ')})`);
  });
});
