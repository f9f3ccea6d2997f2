import { Behavior, ROOT_NODE_ID, Visibility, type SourceFlavour } from '../model/constants.js';
import type { Message } from '../model/message.js';
import { newSourceCategory, newSourceRoom, type Addin, type RoleAssignment, type ScopeEntry, type SourceCategory, type SourceRoom } from '../model/node.js';
import type { Affiliation, Principal } from '../model/principal.js';
import { isoToTicks } from '../model/ticks.js';
import type { PoolDatabase } from '../db/open-pool.js';
import { SourceWriter } from '../db/repositories/source-writer.js';
import { seedPoolRoot } from '../db/repositories/seed-pool-root.js';

/** A small but awkward pool: nested categories, Unicode, 256-character names, every role kind. */
export interface SamplePool {
  principals: Principal[];
  affiliations: Affiliation[];
  categories: SourceCategory[];
  rooms: SourceRoom[];
  roles: RoleAssignment[];
  scopes: ScopeEntry[];
  addins: Addin[];
  messages: Message[];
}

const on = isoToTicks('2011-05-01T08:00:00Z');
const audit = { addedBy: 1, addedOn: on, updatedBy: 1, updatedOn: isoToTicks('2011-06-01T08:00:00.1234567Z') };
const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function user(id: number, name: string, extra: Partial<Principal> = {}): Principal {
  return {
    id,
    guid: guid(1000 + id),
    kind: 'user',
    uri: `sip:${name}@contoso.com`,
    name,
    displayName: name,
    email: `${name}@contoso.com`,
    companyName: 'Contoso',
    dn: `CN=${name},OU=Users,DC=contoso,DC=com`,
    upn: `${name}@contoso.com`,
    state: 'active',
    federated: false,
    homePoolId: 1,
    ...extra,
  };
}

export function buildSamplePool(flavour: SourceFlavour): SamplePool {
  const legacy = flavour !== 'pc2013';
  const principals: Principal[] = [
    user(2, 'alice'),
    user(3, 'bob', { displayName: 'Bob "the builder" <O\'Neil> & co' }),
    user(4, 'carol', { state: 'sip-disabled' }),
    { ...user(5, 'fed'), uri: 'sip:partner@fabrikam.com', dn: null, upn: null, federated: legacy, homePoolId: null },
    { ...user(6, 'grp'), kind: 'group', uri: `ma-grp:${guid(1006)}@u.g`, name: null, displayName: null, email: null, companyName: null, upn: null, dn: 'CN=Sales,OU=Groups,DC=contoso,DC=com', homePoolId: null },
    { ...user(7, 'ou'), kind: 'folder', uri: `ma-grp:${guid(1007)}@u.g`, name: null, displayName: null, email: null, companyName: null, upn: null, dn: 'OU=Users,DC=contoso,DC=com', homePoolId: null },
    { ...user(8, 'dom'), kind: 'domain', uri: `ma-grp:${guid(1008)}@u.g`, name: null, displayName: null, email: null, companyName: null, upn: null, dn: 'DC=contoso,DC=com', homePoolId: null },
  ];
  const affiliations: Affiliation[] = [
    { principalId: 2, affiliationId: 2, index: -1 },
    { principalId: 2, affiliationId: 6, index: 1 },
    { principalId: 3, affiliationId: 3, index: -1 },
    { principalId: 6, affiliationId: 6, index: -1 },
  ];
  const category = (id: number, parentId: number, name: string, extra: Partial<SourceCategory> = {}): SourceCategory =>
    newSourceCategory({
      id,
      guid: guid(id),
      parentId,
      name,
      audit,
      ...(legacy ? { allowSubcategoryScopeChanges: true, scopeDefinerId: id, roleDefinerId: id } : { invitations: false, chatHistory: true, fileUpload: false }),
      ...extra,
    });
  const categories = legacy
    ? [
        category(10, ROOT_NODE_ID, 'Engineering', { invitations: true, description: 'Builds things — «ingénierie»' }),
        category(11, 10, 'Platform & Tools', { membersCanCreateRooms: false, childrenMustInherit: true, scopeDefinerId: 10 }),
        category(12, 11, 'ש"ל <RTL>', { chatHistory: false, overrideMembers: true }),
      ]
    : [category(10, ROOT_NODE_ID, 'Engineering', { invitations: true }), category(11, ROOT_NODE_ID, 'Platform & Tools')];
  const room = (id: number, categoryId: number, name: string, extra: Partial<SourceRoom> = {}): SourceRoom =>
    newSourceRoom({ id, guid: guid(id), categoryId, name, audit, ...(legacy ? { topic: '', scopeDefinerId: categoryId, roleDefinerId: id } : {}), ...extra });
  const longName = 'R'.repeat(256);
  const rooms = [
    room(100, 10, 'general', { description: 'Everyone 👋', topic: legacy ? 'Topic with \u0001 control' : null, addinId: guid(500) }),
    room(101, legacy ? 12 : 11, longName, { visibility: legacy ? null : Visibility.Private, behavior: Behavior.Auditorium }),
    room(102, 11, 'old room', { disabled: true, visibility: Visibility.Private, invitations: false }),
  ];
  const roles: RoleAssignment[] = [
    { nodeId: ROOT_NODE_ID, principalId: 2, role: 'Manager' },
    { nodeId: 100, principalId: 3, role: 'Member' },
    { nodeId: 100, principalId: 5, role: 'Member' },
    { nodeId: 100, principalId: 6, role: 'Member' },
    { nodeId: 101, principalId: 3, role: 'Voiced' },
    { nodeId: 101, principalId: 4, role: 'Manager' },
    ...(legacy ? [] : [{ nodeId: 10, principalId: 3, role: 'Creator' as const }]),
  ];
  const scopes: ScopeEntry[] = [
    { nodeId: 10, principalId: 7, denied: false },
    { nodeId: 10, principalId: 8, denied: false },
    ...(legacy ? [] : [{ nodeId: 10, principalId: 4, denied: true }]),
  ];
  const addins: Addin[] = [{ id: guid(500), name: 'Wiki & "more"', url: 'https://wiki.contoso.com/addin?a=1&b=2' }];
  const texts = ['hello', 'emoji 🎉👩‍👩‍👧', 'RTL עברית', 'nul-free \u0007 bell \u001f', '<b>not html</b> & "quotes"', 'ma-filelink:///0000/1/a.txt'];
  const messages: Message[] = [];
  for (let i = 0; i < 2500; i += 1) {
    const roomId = i % 5 === 0 ? 101 : 100;
    messages.push({
      roomId,
      chatId: 0, // assigned below, per room
      timestamp: isoToTicks('2009-11-15T00:00:00Z') + BigInt(i) * 36_000_000_000n + 1234567n,
      authorId: (i % 3) + 2,
      isAlert: i % 97 === 0,
      content: `${texts[i % texts.length]} #${i}`,
      rtf: legacy ? null : i % 2 === 0 ? '{\\rtf1 hi}' : null,
    });
  }
  const next = new Map<number, number>();
  for (const m of messages) {
    const id = (next.get(m.roomId) ?? 0) + 1;
    next.set(m.roomId, id);
    m.chatId = id;
  }
  messages.sort((a, b) => a.roomId - b.roomId || a.chatId - b.chatId);
  return { principals, affiliations, categories, rooms, roles, scopes, addins, messages };
}

/** Writes the sample into a freshly created pool. */
export async function writeSamplePool(pool: PoolDatabase): Promise<SamplePool> {
  const sample = buildSamplePool(pool.flavour);
  const writer = new SourceWriter(pool);
  await pool.connection.transaction(async () => {
    await seedPoolRoot(writer, { rootGuid: guid(1), systemGuid: guid(9001), on, verifiedOn: new Date('2011-06-01T00:00:00Z') });
    await writer.principals(sample.principals, { on, verifiedOn: new Date('2011-06-01T00:00:00Z') });
    await writer.affiliations(sample.affiliations);
    await writer.addins(sample.addins);
    await writer.categories(sample.categories);
    await writer.rooms(sample.rooms);
    await writer.tree([...sample.categories.map((c) => ({ id: c.id, parentId: c.parentId })), ...sample.rooms.map((r) => ({ id: r.id, parentId: r.categoryId }))]);
    await writer.roles(sample.roles);
    await writer.scopes(sample.scopes);
    await writer.messages(sample.messages);
    await writer.lastChatIds();
  });
  return sample;
}
