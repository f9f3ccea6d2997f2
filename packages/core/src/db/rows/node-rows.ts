import {
  Behavior,
  CATEGORY_PLACEHOLDER_BEHAVIOR,
  CATEGORY_PLACEHOLDER_VISIBILITY,
  NodeType,
  ROOT_NODE_ID,
  Visibility,
} from '../../model/constants.js';
import type { SourceCategory, SourceRoom } from '../../model/node.js';
import type { Audit } from '../../model/primitives.js';
import type { SqlValue } from '../connection.js';
import { dbErrors } from '../errors.js';
import {
  toBool,
  toGuid,
  toGuidOrNull,
  toInt,
  toIntOrNull,
  toText,
  toTextOrNull,
  toTicks,
  toTriState,
} from '../values.js';

/**
 * tblNode rows ↔ categories and rooms. Group Chat rows carry the legacy-only columns (topic,
 * inheritance, scopeChange, overrideMember, restrictChildCreate, definers, filestoreURI);
 * Persistent Chat rows do not, and those fields take their neutral value.
 */

function readAudit(row: Record<string, unknown>, where: string): Audit {
  return {
    addedBy: toInt(row.nodeAddedBy, `${where}.nodeAddedBy`),
    addedOn: toTicks(row.nodeAddedOn, `${where}.nodeAddedOn`),
    updatedBy: toInt(row.nodeUpdatedBy, `${where}.nodeUpdatedBy`),
    updatedOn: toTicks(row.nodeUpdatedOn, `${where}.nodeUpdatedOn`),
  };
}

export function rowToCategory(row: Record<string, unknown>, legacy: boolean): SourceCategory {
  const id = toInt(row.nodeID, 'tblNode.nodeID');
  const where = `tblNode(${id})`;
  return {
    id,
    guid: toGuid(row.nodeGuid, `${where}.nodeGuid`),
    parentId: id === ROOT_NODE_ID ? null : toInt(row.parentID, `${where}.parentID`),
    name: toText(row.nodeName),
    description: toText(row.nodeDesc),
    invitations: toTriState(row.invite),
    chatHistory: toTriState(row.logged),
    fileUpload: toTriState(row.filePost),
    // Decision: restrictChildCreate = 1 means members may create rooms (Microsoft's "allowed / not / inherited").
    membersCanCreateRooms: legacy ? toTriState(row.restrictChildCreate) : null,
    childrenMustInherit: legacy ? toBool(row.inheritance) : false,
    allowSubcategoryScopeChanges: legacy ? toBool(row.scopeChange) : false,
    overrideMembers: legacy ? toBool(row.overrideMember) : false,
    scopeDefinerId: legacy ? toInt(row.scopeDefinerId, `${where}.scopeDefinerId`) : null,
    roleDefinerId: legacy ? toInt(row.roleDefinerId, `${where}.roleDefinerId`) : null,
    fileStoreUri: legacy ? toTextOrNull(row.filestoreURI) : null,
    disabled: toBool(row.disabled),
    audit: readAudit(row, where),
  };
}

const VISIBILITIES = new Set<number>(Object.values(Visibility));
const BEHAVIORS = new Set<number>(Object.values(Behavior));

export function rowToRoom(row: Record<string, unknown>, legacy: boolean): SourceRoom {
  const id = toInt(row.nodeID, 'tblNode.nodeID');
  const where = `tblNode(${id})`;
  const visibility = toIntOrNull(row.visibility, `${where}.visibility`);
  const behavior = toInt(row.behavior, `${where}.behavior`);
  if ((visibility !== null && !VISIBILITIES.has(visibility)) || !BEHAVIORS.has(behavior)) {
    throw dbErrors.create('PCMIG-DB-013', {
      message: `${where} has visibility ${visibility} / behavior ${behavior}, which are not tblEnumValue values.`,
      reason: { table: 'tblNode', nodeID: id, visibility, behavior },
    });
  }
  return {
    id,
    guid: toGuid(row.nodeGuid, `${where}.nodeGuid`),
    categoryId: toInt(row.parentID, `${where}.parentID`),
    name: toText(row.nodeName),
    description: toText(row.nodeDesc),
    topic: legacy ? toText(row.topic) : null,
    visibility: visibility as SourceRoom['visibility'],
    behavior: behavior as SourceRoom['behavior'],
    disabled: toBool(row.disabled),
    invitations: toTriState(row.invite),
    chatHistory: toTriState(row.logged),
    fileUpload: toTriState(row.filePost),
    overrideMembers: legacy ? toBool(row.overrideMember) : false,
    scopeDefinerId: legacy ? toInt(row.scopeDefinerId, `${where}.scopeDefinerId`) : null,
    roleDefinerId: legacy ? toInt(row.roleDefinerId, `${where}.roleDefinerId`) : null,
    addinId: toGuidOrNull(row.siopID, `${where}.siopID`),
    audit: readAudit(row, where),
  };
}

function pick(record: Record<string, SqlValue>, columns: readonly string[], table: string): SqlValue[] {
  return columns.map((column) => {
    if (!(column in record)) throw new Error(`No value for ${table}.${column}`);
    return record[column] as SqlValue;
  });
}

const auditValues = (audit: Audit) => ({
  nodeAddedBy: audit.addedBy,
  nodeAddedOn: audit.addedOn,
  nodeUpdatedBy: audit.updatedBy,
  nodeUpdatedOn: audit.updatedOn,
});

export function categoryToValues(category: SourceCategory, columns: readonly string[]): SqlValue[] {
  return pick(
    {
      nodeID: category.id,
      nodeGuid: category.guid,
      parentID: category.parentId ?? ROOT_NODE_ID,
      nodeType: NodeType.Category,
      nodeName: category.name,
      nodeDesc: category.description,
      topic: '',
      filestoreURI: category.fileStoreUri,
      inheritance: category.childrenMustInherit,
      scopeChange: category.allowSubcategoryScopeChanges,
      overrideMember: category.overrideMembers,
      invite: category.invitations,
      logged: category.chatHistory,
      filePost: category.fileUpload,
      disabled: category.disabled,
      restrictChildCreate: category.membersCanCreateRooms,
      behavior: CATEGORY_PLACEHOLDER_BEHAVIOR,
      visibility: CATEGORY_PLACEHOLDER_VISIBILITY,
      scopeDefinerId: category.scopeDefinerId ?? category.id,
      roleDefinerId: category.roleDefinerId ?? category.id,
      siopID: null,
      ...auditValues(category.audit),
      purgedOn: null,
    },
    columns,
    'tblNode',
  );
}

export function roomToValues(room: SourceRoom, columns: readonly string[]): SqlValue[] {
  return pick(
    {
      nodeID: room.id,
      nodeGuid: room.guid,
      parentID: room.categoryId,
      nodeType: NodeType.Room,
      nodeName: room.name,
      nodeDesc: room.description,
      topic: room.topic ?? '',
      filestoreURI: null,
      inheritance: false,
      scopeChange: false,
      overrideMember: room.overrideMembers,
      invite: room.invitations,
      logged: room.chatHistory,
      filePost: room.fileUpload,
      disabled: room.disabled,
      restrictChildCreate: null,
      behavior: room.behavior,
      visibility: room.visibility ?? (columns.includes('topic') ? null : Visibility.Scope),
      scopeDefinerId: room.scopeDefinerId ?? room.categoryId,
      roleDefinerId: room.roleDefinerId ?? room.id,
      siopID: room.addinId,
      ...auditValues(room.audit),
      purgedOn: null,
    },
    columns,
    'tblNode',
  );
}
