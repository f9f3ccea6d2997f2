import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { lookedUpIdentity } from './identity-parameters.js';
import { DB_INSTANCE, DB_NAME, POOL_FQDN } from './target-database-parameters.js';

const parameters = {
  Identity: lookedUpIdentity('add-in'),
  DBInstance: DB_INSTANCE,
  DBName: DB_NAME,
  PersistentChatPoolFqdn: POOL_FQDN,
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type AddinQuery = BoundValues<typeof parameters>;

export const getCsPersistentChatAddin = defineCmdlet({
  name: 'Get-CsPersistentChatAddin',
  synopsis: 'Returns the add-ins registered in a Persistent Chat database.',
  description:
    'Reads the add-ins (tblSiopWhiteList: name and URL) of a Lync Server 2013 / Skype for Business Persistent Chat content database, read-only. Use it after Import-CsPersistentChatData to check that the legacy add-ins arrived. With -Identity it returns one add-in.',
  defaultParameterSet: 'Pool',
  confirmImpact: 'None',
  parameters,
  examples: [
    { code: 'Get-CsPersistentChatAddin -DBInstance mgc.db', remarks: 'Returns every add-in registered in the Persistent Chat database in mgc.db.' },
    { code: 'Get-CsPersistentChatAddin -Identity ITPersistentChatAddin -DBInstance mgc.db', remarks: 'Returns the add-in ITPersistentChatAddin.' },
  ],
  inputs: 'System.String: the -Identity of an add-in, by property name.',
  outputs: {
    typeName: 'Pcmig.PersistentChat.Addin',
    description: 'Identity, Name, Url and PersistentChatPoolFqdn of each add-in (Microsoft: AddinObject).',
    view: 'table',
    tableColumns: ['Identity', 'Url'],
  },
  link: 'https://learn.microsoft.com/powershell/module/skypeforbusiness/get-cspersistentchataddin',
  async run(values, context) {
    const { readChatAddins } = await import('../readers/read-chat-addins.js');
    await readChatAddins(values, context);
  },
});
