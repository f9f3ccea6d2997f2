import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readVersion } from '../host/read-version.js';
import { moduleCmdlets, type CommandRegistry } from '../registry/command-registry.js';
import { generateModule } from './generate-module.js';
import { MODULE_NAME } from './render-module-manifest.js';

/** pcmig.js of this installation (dist/bin/pcmig.js; from the sources, the built one beside them). */
export function hostScriptPath(): string {
  return fileURLToPath(new URL('../../dist/bin/pcmig.js', import.meta.url));
}

/**
 * Writes PersistentChatMigration.psd1/.psm1 into a folder. Inside this package the module finds
 * the host by a relative path (both move together); anywhere else by the absolute path.
 */
export async function writeModuleFiles(registry: CommandRegistry, outDir: string): Promise<{ psd1: string; psm1: string }> {
  const target = path.resolve(outDir);
  const script = hostScriptPath();
  const packageRoot = path.resolve(path.dirname(script), '..', '..');
  const inside = !path.relative(packageRoot, target).startsWith('..') && !path.isAbsolute(path.relative(packageRoot, target));
  const files = generateModule(moduleCmdlets(registry), {
    version: readVersion(),
    hostScript: inside ? { relative: path.relative(target, script) } : { absolute: script },
  });
  await fs.promises.mkdir(target, { recursive: true });
  const psd1 = path.join(target, `${MODULE_NAME}.psd1`);
  const psm1 = path.join(target, `${MODULE_NAME}.psm1`);
  // UTF-8 with a byte order mark: Windows PowerShell 5.1 reads BOM-less scripts as the ANSI code page.
  await fs.promises.writeFile(psd1, `\uFEFF${files.psd1}`);
  await fs.promises.writeFile(psm1, `\uFEFF${files.psm1}`);
  return { psd1, psm1 };
}
