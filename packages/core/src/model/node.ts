import { z } from 'zod';
import {
  Behavior,
  CHAT_ROOM_INVITATIONS,
  CHAT_ROOM_PRIVACY,
  CHAT_ROOM_TYPE,
  Limits,
  ROLE_NAMES,
  Visibility,
} from './constants.js';
import { auditSchema, guidSchema, idSchema, triStateSchema } from './primitives.js';

/**
 * A category as a source pool holds it. For Group Chat (2007 R2 / 2010) the tree is nested and
 * settings are tri-state (null = inherit); for a Persistent Chat source every category sits
 * under the root and the legacy-only fields take their neutral value (false / null).
 */
export const sourceCategorySchema = z.object({
  id: idSchema,
  guid: guidSchema,
  /** null only for the root category (stored as its own parent). */
  parentId: idSchema.nullable(),
  name: z.string().max(Limits.nodeName),
  description: z.string().max(Limits.nodeDescription),
  /** SendInvitationsToMembers (invite). */
  invitations: triStateSchema,
  /** LogChatHistory (logged). */
  chatHistory: triStateSchema,
  /** AllowFileUpload (filePost). */
  fileUpload: triStateSchema,
  /** CategoryMembersCanCreateChatRooms (legacy restrictChildCreate). */
  membersCanCreateRooms: triStateSchema,
  /** ChildrenMustInheritProperties (legacy inheritance). */
  childrenMustInherit: z.boolean(),
  /** AllowSubcategoryScopeChanges (legacy scopeChange). */
  allowSubcategoryScopeChanges: z.boolean(),
  /** CreateNewMemberList (legacy overrideMember). */
  overrideMembers: z.boolean(),
  /** Ancestor whose scope rows apply (legacy); null for Persistent Chat. */
  scopeDefinerId: idSchema.nullable(),
  /** Ancestor whose member roles apply (legacy); null for Persistent Chat. */
  roleDefinerId: idSchema.nullable(),
  /** File repository web-service URI, root only (legacy filestoreURI). */
  fileStoreUri: z.string().max(256).nullable(),
  disabled: z.boolean(),
  audit: auditSchema,
});
export type SourceCategory = z.infer<typeof sourceCategorySchema>;

export const sourceRoomSchema = z.object({
  id: idSchema,
  guid: guidSchema,
  categoryId: idSchema,
  name: z.string().max(Limits.nodeName),
  description: z.string().max(Limits.nodeDescription),
  /** Legacy only (dropped in Persistent Chat). */
  topic: z.string().max(Limits.legacyTopic).nullable(),
  /** tblNode.visibility; null is possible in Lync 2010. */
  visibility: z.union([z.literal(Visibility.Private), z.literal(Visibility.Scope), z.literal(Visibility.Open)]).nullable(),
  behavior: z.union([z.literal(Behavior.Normal), z.literal(Behavior.Auditorium)]),
  disabled: z.boolean(),
  invitations: triStateSchema,
  chatHistory: triStateSchema,
  fileUpload: triStateSchema,
  overrideMembers: z.boolean(),
  scopeDefinerId: idSchema.nullable(),
  roleDefinerId: idSchema.nullable(),
  addinId: guidSchema.nullable(),
  audit: auditSchema,
});
export type SourceRoom = z.infer<typeof sourceRoomSchema>;

/**
 * A category with nothing said beyond its identity: every setting inherited (null), no overrides,
 * enabled. Generators and test pools state only what matters to them on top of it.
 */
export function newSourceCategory(fields: Pick<SourceCategory, 'id' | 'guid' | 'parentId' | 'name' | 'audit'> & Partial<SourceCategory>): SourceCategory {
  return {
    description: '',
    invitations: null,
    chatHistory: null,
    fileUpload: null,
    membersCanCreateRooms: null,
    childrenMustInherit: false,
    allowSubcategoryScopeChanges: false,
    overrideMembers: false,
    scopeDefinerId: null,
    roleDefinerId: null,
    fileStoreUri: null,
    disabled: false,
    ...fields,
  };
}

/** A room with nothing said beyond its identity: scope visibility, normal, enabled, every setting inherited. */
export function newSourceRoom(fields: Pick<SourceRoom, 'id' | 'guid' | 'categoryId' | 'name' | 'audit'> & Partial<SourceRoom>): SourceRoom {
  return {
    description: '',
    topic: null,
    visibility: Visibility.Scope,
    behavior: Behavior.Normal,
    disabled: false,
    invitations: null,
    chatHistory: null,
    fileUpload: null,
    overrideMembers: false,
    scopeDefinerId: null,
    roleDefinerId: null,
    addinId: null,
    ...fields,
  };
}

/** tblPrincipalRole: an explicit role on a node. */
export const roleAssignmentSchema = z.object({
  nodeId: idSchema,
  principalId: idSchema,
  role: z.enum(ROLE_NAMES),
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

/** tblScopePrincipal: a principal in the scope (allow list) of a node, or denied (Persistent Chat). */
export const scopeEntrySchema = z.object({
  nodeId: idSchema,
  principalId: idSchema,
  denied: z.boolean(),
});
export type ScopeEntry = z.infer<typeof scopeEntrySchema>;

/** tblSiopWhiteList. */
export const addinSchema = z.object({
  id: guidSchema,
  name: z.string().min(1).max(Limits.addinName),
  url: z.string().min(1).max(Limits.addinUrl),
});
export type Addin = z.infer<typeof addinSchema>;

/** A principal reference in the target model: the AD objectGUID, stable across pools. */
export const principalRefSchema = guidSchema;

/** A category as Persistent Chat holds it: flat, with its own ACLs (Set-CsPersistentChatCategory). */
export const targetCategorySchema = z.object({
  name: z.string().min(1).max(Limits.nodeName),
  description: z.string().max(Limits.nodeDescription),
  invitations: z.boolean(),
  fileUpload: z.boolean(),
  chatHistory: z.boolean(),
  allowedMembers: z.array(principalRefSchema),
  deniedMembers: z.array(principalRefSchema),
  creators: z.array(principalRefSchema),
});
export type TargetCategory = z.infer<typeof targetCategorySchema>;

/** A room as Persistent Chat holds it (New-/Set-CsPersistentChatRoom). */
export const targetRoomSchema = z.object({
  name: z.string().min(1).max(Limits.nodeName),
  category: z.string().min(1).max(Limits.nodeName),
  description: z.string().max(Limits.nodeDescription),
  privacy: z.enum(CHAT_ROOM_PRIVACY),
  type: z.enum(CHAT_ROOM_TYPE),
  disabled: z.boolean(),
  invitations: z.enum(CHAT_ROOM_INVITATIONS),
  addin: z.string().max(Limits.addinName).nullable(),
  members: z.array(principalRefSchema),
  managers: z.array(principalRefSchema),
  presenters: z.array(principalRefSchema),
});
export type TargetRoom = z.infer<typeof targetRoomSchema>;
