import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { DB_INSTANCE, DB_NAME } from './target-database-parameters.js';

const parameters = {
  DBInstance: DB_INSTANCE,
  DBName: DB_NAME,
  Destination: {
    type: 'String',
    mandatory: true,
    position: 0,
    notNullOrEmpty: true,
    description: 'The Persistent Chat file store folder the links are relative to (the -Destination of Copy-CsPersistentChatFileStore).',
  },
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type FileLinkCheckValues = BoundValues<typeof parameters>;

export const testCsPersistentChatFileLink = defineCmdlet({
  name: 'Test-CsPersistentChatFileLink',
  synopsis: 'Checks that every file a migrated message links to is in the Persistent Chat file store.',
  description:
    'pcmig\'s own cmdlet, the check Microsoft\'s procedure leaves out after "copy the file store": it reads every message of the Persistent Chat database (read-only), finds its file links (ma-filelink:), and looks each one up in the file store folder. A link resolves when the store holds a file by that path, also when only the case differs (the Persistent Chat server\'s NTFS store compares names case-insensitively; those are counted apart). It returns one result with the counts and every problem — missing file, a folder where a file was expected, a link that does not parse, a store folder that cannot be read — with the room, chat id and date of the message. Run it after Import-CsPersistentChatData and Copy-CsPersistentChatFileStore.',
  confirmImpact: 'None',
  parameters,
  examples: [
    { code: 'Test-CsPersistentChatFileLink -DBInstance mgc.db -Destination filestore-pc', remarks: 'Checks every file link of the imported database against the copied store.' },
    {
      code: 'Test-CsPersistentChatFileLink filestore-pc -DBInstance mgc.db -ErrorAction Stop',
      remarks: 'The same check in a script: a link that does not resolve stops it (PCMIG-FS-016) before the old store is decommissioned.',
    },
  ],
  outputs: {
    typeName: 'Pcmig.PersistentChat.FileLinkCheckResult',
    description:
      'Status (Success or Failed), ExitCode (0 or 8, as Copy-CsPersistentChatFileStore), Destination, Database, Rooms, Messages, MessagesWithLinks, Links, Resolved, ResolvedIgnoringCase, UnreferencedFiles, Problems (Code, Path, Room, ChatId, PostedAt) and ElapsedSeconds.',
    view: 'list',
  },
  async run(values, context) {
    const { runFileLinkCheck } = await import('../engines/run-file-link-check.js');
    await runFileLinkCheck(values, context);
  },
});
