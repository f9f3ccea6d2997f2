import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { lookedUpIdentity } from './identity-parameters.js';
import { AS_OBJECT, DB_INSTANCE, DB_NAME, POOL_FQDN } from './target-database-parameters.js';

const parameters = {
  Identity: lookedUpIdentity('category'),
  DBInstance: DB_INSTANCE,
  DBName: DB_NAME,
  PersistentChatPoolFqdn: POOL_FQDN,
  AsObject: AS_OBJECT,
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type CategoryQuery = BoundValues<typeof parameters>;

export const getCsPersistentChatCategory = defineCmdlet({
  name: 'Get-CsPersistentChatCategory',
  synopsis: 'Returns the categories of a Persistent Chat database.',
  description:
    'Reads the categories of a Lync Server 2013 / Skype for Business Persistent Chat content database (mgc), read-only: name, description, the invitation, file upload and chat history settings, and the AllowedMembers, DeniedMembers and Creators lists. Use it after Import-CsPersistentChatData to verify that the data has migrated (step 10 of Microsoft\'s migration procedure). With -Identity it returns one category.',
  defaultParameterSet: 'Pool',
  confirmImpact: 'None',
  parameters,
  examples: [
    { code: 'Get-CsPersistentChatCategory -DBInstance mgc.db', remarks: 'Returns every category of the Persistent Chat database in the file mgc.db.' },
    {
      code: 'Get-CsPersistentChatCategory IT -DBInstance mgc.db -PersistentChatPoolFqdn atl-pc-001.litwareinc.com',
      remarks: 'Returns the category IT; its identity is atl-pc-001.litwareinc.com\\IT.',
    },
    {
      code: 'Get-CsPersistentChatCategory -DBInstance mgc.db | Where-Object {$_.Invites -eq $True}',
      remarks: 'Returns the categories whose rooms may send invitations (the property is Invites, as in Microsoft\'s example).',
    },
    {
      code: 'Get-CsPersistentChatCategory -DBInstance atl-sql-001.litwareinc.com\\rtc -DBName mgc',
      remarks: 'Reads the categories from the mgc database of the SQL Server instance rtc.',
      requires: 'a SQL Server instance',
    },
  ],
  inputs: 'System.String: the -Identity of a category, by property name.',
  outputs: {
    typeName: 'Pcmig.PersistentChat.Category',
    description: 'Identity, Name, Description, Invites, FileUpload, ChatHistory, AllowedMembers, DeniedMembers, Creators and PersistentChatPoolFqdn of each category (Microsoft: CategoryObject).',
    view: 'list',
  },
  link: 'https://learn.microsoft.com/powershell/module/skypeforbusiness/get-cspersistentchatcategory',
  async run(values, context) {
    const { readChatCategories } = await import('../readers/read-chat-categories.js');
    await readChatCategories(values, context);
  },
});
