import fs from 'node:fs';
import path from 'node:path';
import {
  Behavior,
  createPool,
  newSourceCategory,
  newSourceRoom,
  isoToTicks,
  type Message,
  ROOT_NODE_ID,
  seedPoolRoot,
  SourceWriter,
  Visibility,
  type Addin,
  type Principal,
  type RoleAssignment,
  type ScopeEntry,
  type SourceCategory,
  type SourceRoom,
} from '@pcmig/core';

/**
 * A small Persistent Chat (pc2013) database for the cmdlet and module tests, in an embedded file:
 * the names the help examples use (IT, ITChatRoom, ITPersistentChatAddin, kenmyer), plus a room
 * whose name holds a comma, quotes, a backslash and non-ASCII text, to prove quoting end to end.
 */
export const FIXTURE = {
  poolFqdn: 'atl-pc-001.litwareinc.com',
  categories: ['IT', 'Sales'],
  rooms: ['ITChatRoom', 'Help Desk', 'Sales EMEA', `Ops, "Night" \\ Shift – Nacht`],
  trickyRoom: `Ops, "Night" \\ Shift – Nacht`,
  addin: { name: 'ITPersistentChatAddin', url: 'https://itchat.litwareinc.com/addin?a=1&b=2' },
  users: { ken: 'sip:kenmyer@litwareinc.com', pilar: 'sip:pilar@litwareinc.com', aaron: "sip:aaron@litwareinc.com" },
  groupDn: 'CN=IT Staff,OU=Groups,DC=litwareinc,DC=com',
} as const;

/**
 * File links in some messages (room/chatId → text appended), to files of buildLegacyFileStore (one
 * name Unicode, percent-encoded in the link).
 */
export const FIXTURE_LINKS: Readonly<Record<string, string>> = {
  '100/1': ' see ma-filelink:///0001/1/report.txt',
  '101/2': ' ma-filelink:///0001/2/%C3%BCberblick.txt attached',
  '103/3': ' minutes: ma-filelink:///0004/1/minutes.txt',
};

const on = isoToTicks('2013-03-01T09:00:00Z');
const AUDIT = { addedBy: 1, addedOn: on, updatedBy: 1, updatedOn: on };
const verifiedOn = new Date('2013-03-01T09:00:00Z');
const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function user(id: number, name: string, displayName: string): Principal {
  return {
    id,
    guid: guid(1000 + id),
    kind: 'user',
    uri: `sip:${name}@litwareinc.com`,
    name,
    displayName,
    email: `${name}@litwareinc.com`,
    companyName: 'Litware',
    dn: `CN=${displayName},OU=Users,DC=litwareinc,DC=com`,
    upn: `${name}@litwareinc.com`,
    state: 'active',
    federated: false,
    homePoolId: 1,
  };
}

function category(id: number, name: string, extra: Partial<SourceCategory>): SourceCategory {
  return newSourceCategory({ id, guid: guid(id), parentId: ROOT_NODE_ID, name, audit: AUDIT, invitations: false, chatHistory: true, fileUpload: false, ...extra });
}

function room(id: number, categoryId: number, name: string, extra: Partial<SourceRoom>): SourceRoom {
  return newSourceRoom({ id, guid: guid(id), categoryId, name, audit: AUDIT, ...extra });
}

/** Creates the fixture database at `file` (which must not exist) and returns its path. */
export async function buildTargetPool(file: string): Promise<string> {
  const pool = await createPool({ dbInstance: file, flavour: 'pc2013' });
  try {
    const writer = new SourceWriter(pool);
    const principals: Principal[] = [
      user(2, 'kenmyer', 'Ken Myer'),
      user(3, 'pilar', 'Pilar Ackerman'),
      user(4, 'aaron', `Aaron "Q" O'Neil`),
      { ...user(5, 'itstaff', 'IT Staff'), kind: 'group', uri: `ma-grp:${guid(1005)}@u.g`, name: null, email: null, companyName: null, upn: null, dn: FIXTURE.groupDn, homePoolId: null },
      { ...user(6, 'users', 'Users'), kind: 'folder', uri: `ma-grp:${guid(1006)}@u.g`, name: null, displayName: null, email: null, companyName: null, upn: null, dn: 'OU=Users,DC=litwareinc,DC=com', homePoolId: null },
    ];
    const addins: Addin[] = [{ id: guid(500), name: FIXTURE.addin.name, url: FIXTURE.addin.url }];
    const categories = [
      category(10, 'IT', { description: 'Information technology', invitations: true, fileUpload: true }),
      category(11, 'Sales', { description: 'Sales worldwide', chatHistory: false }),
    ];
    const rooms = [
      room(100, 10, 'ITChatRoom', { description: 'IT news and help', addinId: guid(500) }),
      room(101, 10, 'Help Desk', { description: 'Ask the help desk', visibility: Visibility.Open, behavior: Behavior.Auditorium }),
      room(102, 11, 'Sales EMEA', { visibility: Visibility.Private, disabled: true, invitations: false }),
      room(103, 11, FIXTURE.trickyRoom, { description: 'Quoting: \' " ` $ \\ , ;' }),
    ];
    const roles: RoleAssignment[] = [
      { nodeId: 10, principalId: 2, role: 'Creator' },
      { nodeId: 100, principalId: 2, role: 'Member' },
      { nodeId: 100, principalId: 3, role: 'Member' },
      { nodeId: 100, principalId: 5, role: 'Member' },
      { nodeId: 100, principalId: 2, role: 'Manager' },
      { nodeId: 101, principalId: 4, role: 'Member' },
      { nodeId: 101, principalId: 3, role: 'Voiced' },
      { nodeId: 102, principalId: 3, role: 'Member' },
      { nodeId: 103, principalId: 2, role: 'Member' },
    ];
    const scopes: ScopeEntry[] = [
      { nodeId: 10, principalId: 5, denied: false },
      { nodeId: 10, principalId: 6, denied: false },
      { nodeId: 10, principalId: 4, denied: true },
    ];
    const messages: Message[] = [100, 101, 103].flatMap((roomId) =>
      Array.from({ length: 12 }, (_, i) => ({
        roomId,
        chatId: i + 1,
        timestamp: on + BigInt(i) * 36_000_000_000n,
        authorId: 2 + (i % 3),
        isAlert: false,
        content: `message ${i + 1} in room ${roomId} — ünïcode ${'\u{1F600}'}${FIXTURE_LINKS[`${roomId}/${i + 1}`] ?? ''}`,
        rtf: null,
      })),
    );
    await pool.connection.transaction(async () => {
      await seedPoolRoot(writer, { rootGuid: guid(1), systemGuid: guid(9001), on, verifiedOn });
      await writer.principals(principals, { on, verifiedOn });
      await writer.addins(addins);
      await writer.categories(categories);
      await writer.rooms(rooms);
      await writer.roles(roles);
      await writer.scopes(scopes);
      await writer.messages(messages);
      await writer.lastChatIds();
    });
  } finally {
    await pool.close();
  }
  return path.resolve(file);
}

/**
 * A Persistent Chat database as a new pool starts (P1): the root, the system principal and the
 * forest's domain, nothing else — the import target of the wiring tests.
 */
export async function buildEmptyTargetPool(file: string): Promise<string> {
  const pool = await createPool({ dbInstance: file, flavour: 'pc2013' });
  try {
    const writer = new SourceWriter(pool);
    const domain: Principal = {
      ...user(900, 'litwareinc', 'litwareinc'),
      kind: 'domain',
      uri: `ma-grp:${guid(1900)}@u.g`,
      name: null,
      displayName: null,
      email: null,
      companyName: null,
      upn: null,
      dn: 'DC=litwareinc,DC=com',
      homePoolId: null,
    };
    await pool.connection.transaction(async () => {
      await seedPoolRoot(writer, { rootGuid: guid(8001), systemGuid: guid(8002), on, verifiedOn });
      await writer.principals([domain], { on, verifiedOn });
    });
  } finally {
    await pool.close();
  }
  return path.resolve(file);
}

/**
 * A legacy file store the Copy-CsPersistentChatFileStore examples and tests copy: nested folders,
 * a Unicode name, an empty file, and (with `withBadName`) a name NTFS cannot hold.
 */
export function buildLegacyFileStore(folder: string, options: { withBadName?: boolean } = {}): string {
  const files: Record<string, string> = {
    '0001/1/report.txt': 'quarterly report',
    '0001/2/überblick.txt': 'Überblick — ünïcode',
    '0002/1/empty.bin': '',
    '0004/1/minutes.txt': 'minutes of the meeting',
    'readme.txt': 'legacy file store',
  };
  if (options.withBadName) files['0003/what?.txt'] = 'not for NTFS';
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(folder, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return path.resolve(folder);
}
