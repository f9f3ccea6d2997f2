import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { databaseInstance, DB_NAME } from './target-database-parameters.js';

/** Microsoft.Rtc.Management.Chat.Cmdlets.ExportLevel (the same list as @pcmig/core's EXPORT_LEVELS; a test keeps them equal). */
export const EXPORT_LEVEL_NAMES = ['All', 'User', 'Category', 'RoomDirectory', 'Content'] as const;

const parameters = {
  DBInstance: databaseInstance('The source database'),
  DBName: DB_NAME,
  FileName: { type: 'String', sets: ['FileName'], mandatory: ['FileName'], notNullOrEmpty: true, description: 'The .zip package to write.' },
  AsBytes: { type: 'SwitchParameter', sets: ['AsBytes'], mandatory: ['AsBytes'], description: 'Returns the package as one Byte[] instead of writing a file.' },
  Level: { type: 'String', validateSet: EXPORT_LEVEL_NAMES, defaultValue: 'All', description: 'What the package holds: All, User, Category, RoomDirectory or Content (docs/package-format.md).' },
  Scope: { type: 'String[]', notNullOrEmpty: true, description: 'Only these categories (names, or Parent\\Child paths), their sub-categories and rooms.' },
  StartDate: { type: 'DateTime', description: 'Messages older than this are not exported (only with levels that export messages).' },
  DisableExportedNodes: { type: 'SwitchParameter', description: 'After a complete, verified package, disables every exported category and room in the source database.' },
  Report: { type: 'String', notNullOrEmpty: true, description: 'Path of an HTML report of the export (replaced if it exists).' },
  Force: { type: 'SwitchParameter', extension: true, description: 'Replaces an existing -FileName.' },
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type ExportValues = BoundValues<typeof parameters>;

export const exportCsPersistentChatData = defineCmdlet({
  name: 'Export-CsPersistentChatData',
  synopsis: 'Exports Group Chat or Persistent Chat data from a pool database to a package (.zip) or a byte array.',
  description:
    'Reads a Lync Server 2010 Group Chat, OCS 2007 R2 Group Chat or Persistent Chat database, read-only, and writes one deterministic, verifiable package: the .zip named by -FileName, or a Byte[] with -AsBytes (for Import-CsPersistentChatData -ByteInput). -Level chooses what goes in, -Scope the categories, -StartDate the oldest messages kept; -DisableExportedNodes disables every exported category and room in the source once the package is complete and verified. -Report writes an HTML report. Without -AsBytes it returns a summary of the export.',
  defaultParameterSet: 'FileName',
  confirmImpact: 'None',
  parameters,
  examples: [
    { code: 'Export-CsPersistentChatData -DBInstance mgc.db -FileName export.zip -Force', remarks: 'Exports everything in mgc.db into export.zip, replacing an earlier export.' },
    {
      code: '$bytes = Export-CsPersistentChatData -DBInstance mgc.db -AsBytes -Level RoomDirectory; $bytes.Length',
      remarks: 'Exports the categories and rooms without messages, as a byte array.',
    },
    {
      code: 'Export-CsPersistentChatData -DBInstance atl-sql-001.litwareinc.com\\rtc -DBName GroupChat -FileName C:\\Export\\gc.zip -StartDate "1/1/2010" -Report C:\\Export\\gc.html',
      remarks: 'Exports a Lync Server 2010 Group Chat database, messages from 2010 on, with a report.',
      requires: 'a SQL Server instance',
    },
  ],
  outputs: {
    typeName: 'Pcmig.PersistentChat.ExportResult',
    description: 'With -FileName: FileName, Size, Level, StartDate, Categories, Rooms, Principals, Addins, Messages, MessagesCut, DisabledNodes, Report. With -AsBytes: the package as one System.Byte[].',
    view: 'list',
  },
  link: 'https://learn.microsoft.com/powershell/module/skypeforbusiness/export-cspersistentchatdata',
  async run(values, context) {
    const { runExport } = await import('../engines/run-export.js');
    await runExport(values, context);
  },
});
