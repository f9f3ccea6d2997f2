import { z } from 'zod';
import { ROLE_NAMES } from '../../model/constants.js';
import type { Message } from '../../model/message.js';
import { addinSchema, sourceCategorySchema, type Addin, type RoleAssignment, type ScopeEntry, type SourceCategory } from '../../model/node.js';
import { idSchema } from '../../model/primitives.js';
import { ticksField } from './field-schemas.js';

/**
 * The JSON entries under pcmig/: their zod schemas (docs/schemas/ is generated from these) and
 * their serialisers. Serialisers build objects key by key so the output never depends on
 * anything but the data.
 */

export const categoryRoleSchema = z.object({ principalId: idSchema, role: z.enum(ROLE_NAMES) }).strict();
export const categoryScopeSchema = z.object({ principalId: idSchema, denied: z.boolean() }).strict();

export const categoryRecordSchema = sourceCategorySchema
  .omit({ audit: true })
  .extend({
    audit: z
      .object({ addedBy: z.number().int(), addedOn: ticksField, updatedBy: z.number().int(), updatedOn: ticksField })
      .strict()
      .meta({ description: 'tblNode.nodeAddedBy/On, nodeUpdatedBy/On.' }),
    context: z.boolean().meta({
      description: 'true: present only as an ancestor of the -Scope (for names and inherited settings); not exported for import.',
    }),
    roles: z.array(categoryRoleSchema).meta({ description: 'tblPrincipalRole rows of this category, by principal id then role.' }),
    scope: z.array(categoryScopeSchema).meta({ description: 'tblScopePrincipal rows of this category, by principal id.' }),
  })
  .strict();

export const categoriesFileSchema = z
  .object({ categories: z.array(categoryRecordSchema) })
  .strict()
  .meta({ title: 'pcmig/categories.json', description: 'Every exported category, the root first, then by id.' });

export const addinsFileSchema = z
  .object({ addins: z.array(addinSchema.strict()) })
  .strict()
  .meta({ title: 'pcmig/addins.json', description: 'The registered add-ins (tblSiopWhiteList), by name then id.' });

export const messageLineSchema = z
  .object({
    roomId: idSchema,
    chatId: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    timestamp: ticksField,
    authorId: idSchema,
    isAlert: z.boolean(),
    content: z.string(),
    rtf: z.string().nullable(),
  })
  .strict()
  .meta({ title: 'pcmig/messages/NNNNNNNN.jsonl (one line)', description: 'One message (tblChat row) per line, by room then chatId.' });

export const fileReferenceLineSchema = z
  .object({
    roomId: idSchema,
    chatId: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    path: z.string().min(1).max(4096).meta({ description: 'Decoded path relative to the file store root, /-separated.' }),
    link: z.string().min(1).max(16384).meta({ description: 'The ma-filelink: link as it appears in the message.' }),
  })
  .strict()
  .meta({ title: 'pcmig/files/NNNNNNNN.jsonl (one line)', description: 'One file link found in an exported message, in message order.' });

export type FileReference = z.output<typeof fileReferenceLineSchema>;

/** A message as one line of a chunk entry (identical to JSON.stringify of the same keys in this order). */
export function messageLine(message: Message): string {
  return `{"roomId":${message.roomId},"chatId":${message.chatId},"timestamp":"${message.timestamp}","authorId":${message.authorId},"isAlert":${message.isAlert},"content":${JSON.stringify(message.content)},"rtf":${message.rtf === null ? 'null' : JSON.stringify(message.rtf)}}\n`;
}

export function fileReferenceLine(reference: FileReference): string {
  return `${JSON.stringify({ roomId: reference.roomId, chatId: reference.chatId, path: reference.path, link: reference.link })}\n`;
}

export function categoryRecord(category: SourceCategory, context: boolean, roles: readonly RoleAssignment[], scope: readonly ScopeEntry[]): unknown {
  return {
    id: category.id,
    guid: category.guid,
    parentId: category.parentId,
    name: category.name,
    description: category.description,
    invitations: category.invitations,
    chatHistory: category.chatHistory,
    fileUpload: category.fileUpload,
    membersCanCreateRooms: category.membersCanCreateRooms,
    childrenMustInherit: category.childrenMustInherit,
    allowSubcategoryScopeChanges: category.allowSubcategoryScopeChanges,
    overrideMembers: category.overrideMembers,
    scopeDefinerId: category.scopeDefinerId,
    roleDefinerId: category.roleDefinerId,
    fileStoreUri: category.fileStoreUri,
    disabled: category.disabled,
    audit: {
      addedBy: category.audit.addedBy,
      addedOn: category.audit.addedOn.toString(),
      updatedBy: category.audit.updatedBy,
      updatedOn: category.audit.updatedOn.toString(),
    },
    context,
    roles: roles.map((r) => ({ principalId: r.principalId, role: r.role })),
    scope: scope.map((s) => ({ principalId: s.principalId, denied: s.denied })),
  };
}

export function addinRecord(addin: Addin): unknown {
  return { id: addin.id, name: addin.name, url: addin.url };
}

/** The JSON documents are indented for people who inspect a package; the bytes stay deterministic. */
export function jsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}
