import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type PowerShellFound =
  | { readonly available: true; readonly executable: string; readonly description: string }
  | { readonly available: false; readonly reason: string };

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const MINIMAL_HOST_DIR = path.join(REPO, 'tools/pwsh/.build');

/**
 * The PowerShell the module tests run in: a real pwsh (PATH, then ~/.dotnet/tools), else pcmig's
 * minimal host on the PowerShell engine (tools/pwsh, built by tools/pwsh/build.sh), else the
 * reason there is none, for the tests to report as they skip.
 */
export function findPowerShell(): PowerShellFound {
  const candidates = [...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'pwsh')), path.join(os.homedir(), '.dotnet/tools/pwsh')];
  for (const candidate of candidates) {
    if (!isExecutable(candidate) || path.resolve(candidate).startsWith(MINIMAL_HOST_DIR)) continue;
    return { available: true, executable: candidate, description: `${versionOf(candidate)} (${candidate})` };
  }
  const minimal = path.join(MINIMAL_HOST_DIR, 'publish/pwsh');
  if (isExecutable(minimal)) {
    return {
      available: true,
      executable: minimal,
      description: `${versionOf(minimal)} engine (System.Management.Automation) in pcmig's minimal host — the pwsh distribution is not installable here (${minimal})`,
    };
  }
  const recorded = path.join(MINIMAL_HOST_DIR, 'unavailable.txt');
  const reason = fs.existsSync(recorded)
    ? fs.readFileSync(recorded, 'utf8').trim()
    : 'No pwsh on PATH or in ~/.dotnet/tools, and pcmig\'s minimal host is not built (run tools/pwsh/build.sh; .ci/run does).';
  return { available: false, reason };
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function versionOf(executable: string): string {
  try {
    return `PowerShell ${execFileSync(executable, ['-NoProfile', '-NonInteractive', '-Command', '$PSVersionTable.PSVersion.ToString()'], { encoding: 'utf8', timeout: 30_000 }).trim()}`;
  } catch {
    return 'PowerShell (version unknown)';
  }
}
