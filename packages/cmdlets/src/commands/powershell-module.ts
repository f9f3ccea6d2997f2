import { defineCommand } from '../definition/command-definition.js';

export const powershellModuleCommand = defineCommand({
  name: 'powershell-module',
  synopsis: 'Writes the PersistentChatMigration PowerShell module.',
  description:
    'Generates PersistentChatMigration.psd1 and PersistentChatMigration.psm1 from the cmdlet definitions into a folder: one advanced function per cmdlet that runs it in this pcmig host. The build writes them to dist/module; write them into a folder of $env:PSModulePath (named PersistentChatMigration) to load the module by name.',
  options: {
    out: { type: 'path', required: true, short: 'o', description: 'The folder to write the two files into (created if missing).' },
  },
  examples: [
    { code: 'pcmig powershell-module --out ~/.local/share/powershell/Modules/PersistentChatMigration', remarks: 'Installs the module for the current user on Linux; then Import-Module PersistentChatMigration.' },
  ],
  async run(options, context) {
    const { writeModuleFiles } = await import('../module-generation/write-module-files.js');
    const { defaultRegistry } = await import('../registry/default-registry.js');
    const written = await writeModuleFiles(defaultRegistry, options.out);
    context.stdout.write(`${written.psd1}\n${written.psm1}\n`);
  },
});
