import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { lookedUpIdentity } from './identity-parameters.js';
import { AS_OBJECT, DB_INSTANCE, DB_NAME, POOL_FQDN } from './target-database-parameters.js';

const parameters = {
  Identity: lookedUpIdentity('chat room'),
  DBInstance: DB_INSTANCE,
  DBName: DB_NAME,
  Category: { type: 'String', sets: ['All'], notNullOrEmpty: true, description: 'Only the rooms of this category (<Name> or <PersistentChatPoolFqdn>\\<Name>).' },
  Addin: { type: 'String', sets: ['All'], notNullOrEmpty: true, description: 'Only the rooms that use this add-in (by name).' },
  Disabled: { type: 'Boolean', sets: ['All'], description: '$true: only disabled rooms; $false: only enabled rooms.' },
  Filter: {
    type: 'String',
    sets: ['All'],
    description:
      'Only the rooms whose name contains this text, case-insensitively; with the wildcards * and ? it must match the whole name. With -SearchDescription the description is searched too.',
  },
  SearchDescription: { type: 'SwitchParameter', sets: ['All'], description: 'Makes -Filter search the description as well as the name.' },
  Invitations: { type: 'String', sets: ['All'], validateSet: ['Inherit', 'False'], description: 'Only the rooms with this invitation setting.' },
  Manager: { type: 'String', sets: ['All'], notNullOrEmpty: true, description: 'Only the rooms this principal manages (a SIP address; sip: may be left out).' },
  Member: { type: 'String', sets: ['All'], notNullOrEmpty: true, description: 'Only the rooms this principal is an explicit member of (a SIP address; sip: may be left out).' },
  Privacy: { type: 'String', sets: ['All'], validateSet: ['Open', 'Closed', 'Secret'], description: 'Only the rooms with this privacy.' },
  Type: { type: 'String', sets: ['All'], validateSet: ['Normal', 'Auditorium'], description: 'Only the rooms of this type.' },
  ResultSize: {
    type: 'Int32',
    sets: ['All'],
    validateRange: [0, 2147483647],
    description: 'Returns at most this many rooms (0 returns none). A warning says when more rooms matched.',
  },
  PersistentChatPoolFqdn: POOL_FQDN,
  AsObject: AS_OBJECT,
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type RoomQuery = BoundValues<typeof parameters>;

export const getCsPersistentChatRoom = defineCmdlet({
  name: 'Get-CsPersistentChatRoom',
  synopsis: 'Returns the chat rooms of a Persistent Chat database.',
  description:
    'Reads the chat rooms of a Lync Server 2013 / Skype for Business Persistent Chat content database, read-only, with their category, privacy, type, add-in, invitation setting and the Members, Managers and Presenters lists. The filters are Microsoft\'s: -Category, -Addin, -Disabled, -Filter (with -SearchDescription), -Invitations, -Manager, -Member, -Privacy, -Type and -ResultSize. Use it after Import-CsPersistentChatData to verify that the rooms have migrated (step 10 of the migration procedure).',
  defaultParameterSet: 'All',
  confirmImpact: 'None',
  parameters,
  examples: [
    { code: 'Get-CsPersistentChatRoom -DBInstance mgc.db', remarks: 'Returns every chat room of the Persistent Chat database in mgc.db.' },
    { code: 'Get-CsPersistentChatRoom ITChatRoom -DBInstance mgc.db -AsObject', remarks: 'Returns the room ITChatRoom, with its members shown by display name.' },
    {
      code: 'Get-CsPersistentChatRoom -DBInstance mgc.db -Category IT -Privacy Closed -Disabled $false',
      remarks: 'Returns the enabled, closed rooms of the category IT.',
    },
    { code: 'Get-CsPersistentChatRoom -DBInstance mgc.db -Member sip:kenmyer@litwareinc.com', remarks: 'Returns the rooms Ken Myer is a member of.' },
    {
      code: 'Get-CsPersistentChatRoom -DBInstance mgc.db -Filter help -SearchDescription -ResultSize 10',
      remarks: 'Returns at most ten rooms whose name or description contains "help".',
    },
  ],
  inputs: 'System.String: the -Identity of a room, by property name.',
  outputs: {
    typeName: 'Pcmig.PersistentChat.ChatRoom',
    description:
      'Identity, Name, Description, Category, Privacy, Type, Addin, Disabled, Invitations, Members, Managers, Presenters and PersistentChatPoolFqdn of each room (Microsoft: ChatRoomObject).',
    view: 'list',
  },
  notes: 'Not implemented: -ChatContentExceedsMB (the database stores no content size per room). -Member and -Manager match explicit role entries; they do not expand groups or organizational units.',
  link: 'https://learn.microsoft.com/powershell/module/skypeforbusiness/get-cspersistentchatroom',
  async run(values, context) {
    const { readChatRooms } = await import('../readers/read-chat-rooms.js');
    await readChatRooms(values, context);
  },
});
