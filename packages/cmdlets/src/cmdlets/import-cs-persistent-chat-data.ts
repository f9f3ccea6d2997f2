import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { databaseInstance, DB_NAME } from './target-database-parameters.js';

const parameters = {
  DBInstance: databaseInstance('The target Persistent Chat database'),
  DBName: DB_NAME,
  FileName: { type: 'String', sets: ['FileName'], mandatory: ['FileName'], notNullOrEmpty: true, description: 'The package (.zip) written by Export-CsPersistentChatData.' },
  ByteInput: {
    type: 'Byte[]',
    sets: ['ByteInput'],
    mandatory: ['ByteInput'],
    valueFromPipeline: true,
    description: 'The package as bytes, from Export-CsPersistentChatData -AsBytes (by value from the pipeline). On the pcmig command line: - for standard input, or @<path>.',
  },
  Report: { type: 'String', notNullOrEmpty: true, description: 'Path of the HTML report (an existing file is overwritten), written in every case, a refusal included.' },
  Force: { type: 'SwitchParameter', description: 'Imports although the Persistent Chat services look active, and does not ask for confirmation.' },
  BackupPath: { type: 'String', notNullOrEmpty: true, extension: true, description: 'Where to back the target up before the first write (default: a new file next to an embedded database, or a .bak in SQL Server\'s backup folder).' },
  NoBackup: { type: 'SwitchParameter', extension: true, description: 'Imports without a backup of the target (Microsoft asks for one when the target already holds data).' },
  CategorySeparator: { type: 'String', notNullOrEmpty: true, extension: true, description: 'Joins the names of nested legacy categories into one flat category name (default " / ").' },
  ShortenLongNames: { type: 'SwitchParameter', extension: true, description: 'Shortens names longer than 256 characters (with a warning each) instead of refusing the plan.' },
  RootRoomsCategory: { type: 'String', notNullOrEmpty: true, extension: true, description: 'The category for rooms placed directly under the legacy root category (default "General").' },
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type ImportValues = BoundValues<typeof parameters>;

export const importCsPersistentChatData = defineCmdlet({
  name: 'Import-CsPersistentChatData',
  synopsis: 'Imports an export package into a Persistent Chat database, with a WhatIf plan of every conversion.',
  description:
    'Reads a package written by Export-CsPersistentChatData (-FileName, or -ByteInput from the pipeline), plans the migration into the Persistent Chat database (flattened categories, name lengths, root managers, invitations, federated users, disabled rooms, the -StartDate cut, overwrites, unknown principals) and, unless -WhatIf, refuses a plan with errors, backs the target up and applies the plan crash-safely: an interrupted import resumes where it stopped, and a second run of the same package changes nothing. Run it with -WhatIf first, as Microsoft\'s procedure asks: it writes nothing and reports every conversion (-Report writes them as HTML).',
  defaultParameterSet: 'FileName',
  confirmImpact: 'High',
  shouldProcess: { action: 'Import Persistent Chat data', target: '{DBInstance}', whatIf: 'engine' },
  parameters,
  examples: [
    {
      code: 'Import-CsPersistentChatData -DBInstance mgc-target.db -FileName export.zip -WhatIf -Report whatif.html',
      remarks: 'Shows what the import would do, and writes every conversion to whatif.html; the target is not changed.',
    },
    {
      code: 'Export-CsPersistentChatData -DBInstance mgc.db -AsBytes | Import-CsPersistentChatData -DBInstance mgc-target.db -Confirm:$false',
      remarks: 'Exports mgc.db as bytes and imports them into mgc-target.db without asking.',
    },
    {
      code: 'Import-CsPersistentChatData -DBInstance atl-sql-002.litwareinc.com\\mgc -FileName C:\\Export\\gc.zip -Report C:\\Export\\import.html',
      remarks: 'Imports into the Persistent Chat database of a SQL Server instance, after asking for confirmation.',
      requires: 'a SQL Server instance',
    },
  ],
  inputs: 'System.Byte[]: the package, by value (Export-CsPersistentChatData -AsBytes).',
  outputs: {
    typeName: 'Pcmig.PersistentChat.ImportResult',
    description:
      'Status (what-if, imported, resumed, already-imported, declined), Description, Categories, Rooms, Messages, Principals and Addins (planned, or written), Errors, Warnings, Findings (severity, code, path, message), BackupPath and ReportPath.',
    view: 'list',
  },
  link: 'https://learn.microsoft.com/powershell/module/skypeforbusiness/import-cspersistentchatdata',
  validate(values) {
    return values.NoBackup && values.BackupPath !== undefined ? [{ parameter: 'NoBackup', message: '-NoBackup and -BackupPath cannot be used together.' }] : [];
  },
  async run(values, context) {
    const { runImport } = await import('../engines/run-import.js');
    await runImport(values, context);
  },
});
