import { z } from 'zod';
import { Behavior, ENUM_VALUES, Limits, ROLE_NAMES, Visibility, type RoleNameValue } from '../../model/constants.js';
import type { RoleAssignment, ScopeEntry, SourceRoom } from '../../model/node.js';
import { guidSchema } from '../../model/primitives.js';
import { PRINCIPAL_KINDS, PRINCIPAL_STATES, type Affiliation, type Principal } from '../../model/principal.js';
import { pkgErrors } from '../errors.js';
import { elementText, type XmlNode, type XmlShape } from '../xml/read-xml.js';
import { attributes, textElement } from '../xml/write-xml.js';
import { flagText, idText, intText, ticksField } from './field-schemas.js';
import { EntryName } from './package-layout.js';
import { parseRecord } from './parse-record.js';

/**
 * Microsoft's four XML files (migration-rules.md §5) with pcmig's extra attributes and
 * elements. Each record element is read into a flat object (attributes under their names, text
 * children under theirs, nested lists as arrays) and checked by the zod schema below, from
 * which docs/schemas/ is generated.
 */

export const XmlShapes = {
  users: { entry: EntryName.users, container: 'AdUsers', record: 'User' },
  groups: { entry: EntryName.groups, container: 'AdGroups', record: 'Group' },
  affiliations: { entry: EntryName.affiliations, container: 'AdAffiliations', record: 'User' },
  chatRooms: { entry: EntryName.chatRooms, container: 'ChatRooms', record: 'ChatRoom' },
} as const satisfies Record<string, XmlShape>;

const text = (max: number) => z.string().max(max);

export const xmlPrincipalSchema = z
  .object({
    principalId: idText.meta({ description: 'tblPrincipal.prinID in the source.' }),
    guid: guidSchema.meta({ description: 'AD objectGUID (prinGuid), lower case.' }),
    kind: z.enum(PRINCIPAL_KINDS),
    state: z.enum(PRINCIPAL_STATES),
    federated: flagText,
    homePoolId: intText.optional(),
    UserPrincipalName: text(Limits.principalName).optional(),
    Uri: text(Limits.principalUri).min(1),
    Name: text(Limits.principalName).optional(),
    DisplayName: text(Limits.principalName).optional(),
    Email: text(Limits.principalName).optional(),
    CompanyName: text(Limits.principalName).optional(),
    DistinguishedName: text(Limits.principalAdPath).optional(),
  })
  .strict()
  .meta({ title: 'AdUsers.xml Pool/AdUsers/User and AdGroups.xml Pool/AdGroups/Group', description: 'One principal (tblPrincipal row).' });

export const xmlAffiliationSchema = z
  .object({
    id: idText,
    Groups: z.array(z.object({ id: idText, index: intText }).strict()).min(1),
  })
  .strict()
  .meta({ title: 'AdAffiliations.xml Pool/AdAffiliations/User', description: 'The groups, containers and domains one principal belongs to.' });

const roleFlags = z
  .object({ id: idText, isManager: flagText, isMember: flagText, isCreator: flagText, isVoiced: flagText })
  .strict()
  .refine((p) => p.isManager || p.isMember || p.isCreator || p.isVoiced, 'A role principal must hold at least one role');

export const xmlChatRoomSchema = z
  .object({
    isDisabled: flagText,
    id: idText,
    guid: guidSchema,
    categoryId: idText,
    visibility: z.enum(['private', 'scope', 'open']).optional(),
    behavior: z.enum(['normal', 'auditorium']),
    invitations: flagText.optional(),
    chatHistory: flagText.optional(),
    fileUpload: flagText.optional(),
    overrideMembers: flagText,
    scopeDefinerId: idText.optional(),
    roleDefinerId: idText.optional(),
    addinId: guidSchema.optional(),
    addedBy: intText,
    addedOn: ticksField,
    updatedBy: intText,
    updatedOn: ticksField,
    Name: text(Limits.nodeName),
    Desc: text(Limits.nodeDescription).optional(),
    Roles: z.array(roleFlags).optional(),
    Topic: text(Limits.legacyTopic).optional(),
    Scope: z.array(z.object({ id: idText, isDenied: flagText }).strict()).optional(),
  })
  .strict()
  .meta({ title: 'ChatRooms.xml Pool/ChatRooms/ChatRoom', description: 'One chat room with its roles and scope.' });

// --- writing -------------------------------------------------------------------------------

function principalFields(p: Principal): string {
  return (
    attributes({ principalId: p.id, guid: p.guid, kind: p.kind, state: p.state, federated: p.federated, homePoolId: p.homePoolId }) +
    '>' +
    textElement('UserPrincipalName', p.upn) +
    textElement('Uri', p.uri) +
    textElement('Name', p.name) +
    textElement('DisplayName', p.displayName) +
    textElement('Email', p.email) +
    textElement('CompanyName', p.companyName) +
    textElement('DistinguishedName', p.dn)
  );
}

/** Users and system principals go to AdUsers.xml; groups, containers and domains to AdGroups.xml. */
export function isUserFile(p: Pick<Principal, 'kind'>): boolean {
  return p.kind === 'user' || p.kind === 'system';
}

export function principalElement(p: Principal): string {
  const element = isUserFile(p) ? 'User' : 'Group';
  return `<${element}${principalFields(p)}</${element}>\n`;
}

/** The rows of one principal, ordered by group then index. */
export function affiliationElement(principalId: number, rows: readonly Affiliation[]): string {
  const groups = rows.map((row) => `<Group${attributes({ id: row.affiliationId, index: row.index })}/>`).join('');
  return `<User${attributes({ id: principalId })}><Groups>${groups}</Groups></User>\n`;
}

const VISIBILITY_NAME = new Map<number, 'private' | 'scope' | 'open'>([
  [Visibility.Private, 'private'],
  [Visibility.Scope, 'scope'],
  [Visibility.Open, 'open'],
]);
const VISIBILITY_CODE = new Map(ENUM_VALUES.filter((v) => VISIBILITY_NAME.has(v.valueId)).map((v) => [v.value, v.valueId]));

/** One ChatRoom: Microsoft's Name, Desc, Roles first; pcmig's Topic and Scope after them. */
export function chatRoomElement(room: SourceRoom, roles: readonly RoleAssignment[], scope: readonly ScopeEntry[]): string {
  const head = attributes({
    isDisabled: room.disabled,
    id: room.id,
    guid: room.guid,
    categoryId: room.categoryId,
    visibility: room.visibility === null ? null : VISIBILITY_NAME.get(room.visibility),
    behavior: room.behavior === Behavior.Auditorium ? 'auditorium' : 'normal',
    invitations: room.invitations,
    chatHistory: room.chatHistory,
    fileUpload: room.fileUpload,
    overrideMembers: room.overrideMembers,
    scopeDefinerId: room.scopeDefinerId,
    roleDefinerId: room.roleDefinerId,
    addinId: room.addinId,
    addedBy: room.audit.addedBy,
    addedOn: room.audit.addedOn.toString(),
    updatedBy: room.audit.updatedBy,
    updatedOn: room.audit.updatedOn.toString(),
  });
  let body = textElement('Name', room.name) + textElement('Desc', room.description);
  if (roles.length > 0) {
    const byPrincipal = new Map<number, Set<RoleNameValue>>();
    for (const role of roles) {
      const set = byPrincipal.get(role.principalId) ?? new Set();
      set.add(role.role);
      byPrincipal.set(role.principalId, set);
    }
    body += '<Roles>';
    for (const [id, set] of [...byPrincipal].sort(([a], [b]) => a - b)) {
      body += `<Principal${attributes({ id, isManager: set.has('Manager'), isMember: set.has('Member'), isCreator: set.has('Creator'), isVoiced: set.has('Voiced') })}/>`;
    }
    body += '</Roles>';
  }
  body += textElement('Topic', room.topic);
  if (scope.length > 0) body += `<Scope>${scope.map((s) => `<Principal${attributes({ id: s.principalId, isDenied: s.denied })}/>`).join('')}</Scope>`;
  return `<ChatRoom${head}>${body}</ChatRoom>\n`;
}

// --- reading -------------------------------------------------------------------------------

/** A record element as a flat object; `lists` names the children that hold repeated elements. */
function flatten(node: XmlNode, entry: string, lists: Readonly<Record<string, string>>): Record<string, unknown> {
  const record: Record<string, unknown> = { ...node.attributes };
  for (const child of node.children) {
    if (child.name in record) {
      throw pkgErrors.create('PCMIG-PKG-009', {
        message: `${entry}: <${node.name}> has <${child.name}> twice (or as an attribute too).`,
        target: entry,
        reason: { entry, element: child.name },
      });
    }
    const itemName = lists[child.name];
    if (itemName !== undefined) {
      record[child.name] = child.children.map((item) => {
        if (item.name !== itemName || item.children.length > 0) {
          throw pkgErrors.create('PCMIG-PKG-009', {
            message: `${entry}: <${child.name}> may only hold empty <${itemName}> elements, not <${item.name}>.`,
            target: entry,
            reason: { entry, element: item.name },
          });
        }
        return { ...item.attributes };
      });
    } else {
      if (child.children.length > 0) {
        throw pkgErrors.create('PCMIG-PKG-009', { message: `${entry}: <${child.name}> must hold text only.`, target: entry, reason: { entry, element: child.name } });
      }
      if (Object.keys(child.attributes).some((name) => name !== 'encoding')) {
        throw pkgErrors.create('PCMIG-PKG-009', { message: `${entry}: <${child.name}> has an unexpected attribute.`, target: entry, reason: { entry, element: child.name } });
      }
      record[child.name] = elementText(child, entry);
    }
  }
  return record;
}

export function decodePrincipal(node: XmlNode, shape: XmlShape): Principal {
  const r = parseRecord(xmlPrincipalSchema, flatten(node, shape.entry, {}), shape.entry, `principal ${node.attributes.principalId ?? '?'}`);
  const principal: Principal = {
    id: r.principalId,
    guid: r.guid,
    kind: r.kind,
    uri: r.Uri,
    name: r.Name ?? null,
    displayName: r.DisplayName ?? null,
    email: r.Email ?? null,
    companyName: r.CompanyName ?? null,
    dn: r.DistinguishedName ?? null,
    upn: r.UserPrincipalName ?? null,
    state: r.state,
    federated: r.federated,
    homePoolId: r.homePoolId ?? null,
  };
  if (isUserFile(principal) !== (shape === XmlShapes.users)) {
    throw pkgErrors.create('PCMIG-PKG-010', {
      message: `${shape.entry}: principal ${principal.id} is a ${principal.kind}, which belongs in ${isUserFile(principal) ? EntryName.users : EntryName.groups}.`,
      target: shape.entry,
      reason: { entry: shape.entry, principalId: principal.id, kind: principal.kind },
    });
  }
  return principal;
}

export function decodeAffiliations(node: XmlNode): Affiliation[] {
  const shape = XmlShapes.affiliations;
  const r = parseRecord(xmlAffiliationSchema, flatten(node, shape.entry, { Groups: 'Group' }), shape.entry, `affiliations of ${node.attributes.id ?? '?'}`);
  return r.Groups.map((g) => ({ principalId: r.id, affiliationId: g.id, index: g.index }));
}

export interface DecodedRoom {
  readonly room: SourceRoom;
  readonly roles: RoleAssignment[];
  readonly scope: ScopeEntry[];
}

export function decodeChatRoom(node: XmlNode): DecodedRoom {
  const shape = XmlShapes.chatRooms;
  const r = parseRecord(xmlChatRoomSchema, flatten(node, shape.entry, { Roles: 'Principal', Scope: 'Principal' }), shape.entry, `room ${node.attributes.id ?? '?'}`);
  const room: SourceRoom = {
    id: r.id,
    guid: r.guid,
    categoryId: r.categoryId,
    name: r.Name,
    description: r.Desc ?? '',
    topic: r.Topic ?? null,
    visibility: r.visibility === undefined ? null : (VISIBILITY_CODE.get(r.visibility) as SourceRoom['visibility']),
    behavior: r.behavior === 'auditorium' ? Behavior.Auditorium : Behavior.Normal,
    disabled: r.isDisabled,
    invitations: r.invitations ?? null,
    chatHistory: r.chatHistory ?? null,
    fileUpload: r.fileUpload ?? null,
    overrideMembers: r.overrideMembers,
    scopeDefinerId: r.scopeDefinerId ?? null,
    roleDefinerId: r.roleDefinerId ?? null,
    addinId: r.addinId ?? null,
    audit: { addedBy: r.addedBy, addedOn: r.addedOn, updatedBy: r.updatedBy, updatedOn: r.updatedOn },
  };
  for (const [list, items] of [['Roles', r.Roles ?? []], ['Scope', r.Scope ?? []]] as const) {
    if (new Set(items.map((i) => i.id)).size !== items.length) {
      throw pkgErrors.create('PCMIG-PKG-010', {
        message: `${shape.entry}: room ${room.id} lists a principal twice in <${list}>.`,
        target: shape.entry,
        reason: { entry: shape.entry, record: `room ${room.id}`, field: list },
      });
    }
  }
  const roles: RoleAssignment[] = [];
  for (const p of [...(r.Roles ?? [])].sort((a, b) => a.id - b.id)) {
    const held = { Member: p.isMember, Manager: p.isManager, Voiced: p.isVoiced, Creator: p.isCreator };
    for (const role of ROLE_NAMES) if (held[role]) roles.push({ nodeId: room.id, principalId: p.id, role });
  }
  const scope = [...(r.Scope ?? [])].sort((a, b) => a.id - b.id).map((s) => ({ nodeId: room.id, principalId: s.id, denied: s.isDenied }));
  return { room, roles, scope };
}
