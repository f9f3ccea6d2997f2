import {
  ENUM_VALUES,
  EnumAttribute,
  PRINCIPAL_TYPES,
  PermissionBit,
  RoleName,
} from '../../model/constants.js';
import {
  bigint,
  bit,
  col,
  datetime,
  datetime2,
  guid,
  image,
  int,
  nullableCol,
  nvarchar,
  smallint,
  varchar,
  type TableDef,
} from './table.js';

/** A permission set from bit positions. */
export function permissionSet(...bits: number[]): bigint {
  return bits.reduce((set, position) => set | (1n << BigInt(position)), 0n);
}

/**
 * Role types with ids of our choosing (Microsoft does not publish them; code looks roles up by
 * rtypeDesc, never by id). Permission sets follow the documented meaning of each bit.
 */
export const PERSISTENT_CHAT_ROLE_TYPES = [
  { id: 1, name: RoleName.Member, perms: permissionSet(PermissionBit.Join, PermissionBit.Chat, PermissionBit.ReadHistory, PermissionBit.See) },
  {
    id: 2,
    name: RoleName.Manager,
    perms: permissionSet(
      PermissionBit.ManageNodes, PermissionBit.CreateChildNodes, PermissionBit.Join, PermissionBit.Chat,
      PermissionBit.ReadHistory, PermissionBit.See, PermissionBit.ChatInAuditorium, PermissionBit.BypassVisibility,
    ),
  },
  { id: 3, name: RoleName.Voiced, perms: permissionSet(PermissionBit.ChatInAuditorium, PermissionBit.See) },
  { id: 4, name: RoleName.Creator, perms: permissionSet(PermissionBit.CreateChildNodes, PermissionBit.See) },
] as const;

export const enumAttributeTable: TableDef = {
  name: 'tblEnumAttribute',
  columns: [col('attributeID', smallint), col('attributeName', nvarchar(256))],
  primaryKey: ['attributeID'],
  seed: {
    columns: ['attributeID', 'attributeName'],
    rows: [
      [EnumAttribute.Visibility, 'Visibility'],
      [EnumAttribute.Behavior, 'Behavior'],
    ],
  },
};

export const enumValueTable: TableDef = {
  name: 'tblEnumValue',
  columns: [col('valueID', smallint), col('attributeID', smallint), col('attributeValue', nvarchar(256))],
  primaryKey: ['valueID'],
  foreignKeys: [{ columns: ['attributeID'], table: 'tblEnumAttribute', references: ['attributeID'] }],
  seed: { columns: ['valueID', 'attributeID', 'attributeValue'], rows: ENUM_VALUES.map((v) => [v.valueId, v.attributeId, v.value]) },
};

export function principalTypeTable(types: readonly { id: number; description: string; isSystemUser: boolean; isUser: boolean }[]): TableDef {
  return {
    name: 'tblPrincipalType',
    columns: [col('ptypeID', smallint), col('ptypeDesc', nvarchar(256)), col('ptypeIsSystemUser', bit), col('ptypeIsUser', bit)],
    primaryKey: ['ptypeID'],
    seed: { columns: ['ptypeID', 'ptypeDesc', 'ptypeIsSystemUser', 'ptypeIsUser'], rows: types.map((t) => [t.id, t.description, t.isSystemUser, t.isUser]) },
  };
}

export const siopWhiteListTable: TableDef = {
  name: 'tblSiopWhiteList',
  columns: [col('siopID', guid), col('siopName', nvarchar(50)), col('siopUrl', nvarchar(255))],
  primaryKey: ['siopID'],
};

/** Columns tblPrincipal shares between Group Chat and Persistent Chat. */
export const principalCommonColumns = [
  col('prinID', int),
  col('prinGuid', guid),
  col('prinUri', nvarchar(256)),
  nullableCol('prinName', nvarchar(256)),
  nullableCol('prinDisplayName', nvarchar(256)),
  nullableCol('prinCompanyName', nvarchar(256)),
  nullableCol('prinEmail', nvarchar(256)),
  nullableCol('prinADPath', nvarchar(384)),
  nullableCol('prinADUserPrincipalName', nvarchar(256)),
  col('prinDisabled', smallint),
  col('prinTypeID', smallint),
  nullableCol('prinPoolID', int),
];
const principalAuditColumns = [
  nullableCol('prinAddedBy', int),
  col('prinAddedOn', bigint),
  nullableCol('prinUpdatedBy', int),
  col('prinUpdatedOn', bigint),
  col('prinVerifiedOn', datetime),
];

export function principalTable(withPolicy: boolean): TableDef {
  return {
    name: 'tblPrincipal',
    columns: [...principalCommonColumns, ...(withPolicy ? [nullableCol('prinPolicyID', int)] : []), ...principalAuditColumns],
    primaryKey: ['prinID'],
    foreignKeys: [{ columns: ['prinTypeID'], table: 'tblPrincipalType', references: ['ptypeID'] }],
    // prinGuid is an alternate key (tblADCookie references it).
    indexes: [{ name: 'UX_tblPrincipal_prinGuid', columns: ['prinGuid'], unique: true }],
  };
}

export const principalAffiliationsTable: TableDef = {
  name: 'tblPrincipalAffiliations',
  columns: [col('principalID', int), col('affiliationID', int), col('index', int), col('updatedBy', int)],
  primaryKey: ['principalID', 'index', 'affiliationID'],
  foreignKeys: [
    { columns: ['principalID'], table: 'tblPrincipal', references: ['prinID'] },
    { columns: ['affiliationID'], table: 'tblPrincipal', references: ['prinID'] },
  ],
};

export function roleTypeTable(legacy: boolean): TableDef {
  const columns = [col('rtypeID', int), col('rtypeDesc', nvarchar(256)), col('rtypeAllowedPermSet', bigint)];
  if (!legacy) {
    return {
      name: 'tblRoleType',
      columns,
      primaryKey: ['rtypeID'],
      seed: { columns: ['rtypeID', 'rtypeDesc', 'rtypeAllowedPermSet'], rows: PERSISTENT_CHAT_ROLE_TYPES.map((r) => [r.id, r.name, r.perms]) },
    };
  }
  return {
    name: 'tblRoleType',
    columns: [...columns, col('honorsOverride', bit), col('honorsScope', bit)],
    primaryKey: ['rtypeID'],
    seed: {
      columns: ['rtypeID', 'rtypeDesc', 'rtypeAllowedPermSet', 'honorsOverride', 'honorsScope'],
      rows: LEGACY_ROLE_TYPES.map((r) => [r.id, r.name, r.perms, r.honorsOverride, r.honorsScope]),
    },
  };
}

/** Group Chat role types (decision: ids and override/scope flags; see docs/legacy-schema.md). */
export const LEGACY_ROLE_TYPES = [
  {
    id: 1,
    name: RoleName.Member,
    perms: permissionSet(PermissionBit.Join, PermissionBit.Chat, PermissionBit.Leave, PermissionBit.ReadHistory, PermissionBit.See),
    honorsOverride: true,
    honorsScope: true,
  },
  {
    id: 2,
    name: RoleName.Manager,
    perms: permissionSet(
      PermissionBit.ManageNodes, PermissionBit.CreateChildNodes, PermissionBit.ModifyRoles, PermissionBit.ModifySettings,
      PermissionBit.Join, PermissionBit.Chat, PermissionBit.Leave, PermissionBit.ReadHistory, PermissionBit.See,
      PermissionBit.ChatInAuditorium, PermissionBit.BypassVisibility,
    ),
    honorsOverride: false,
    honorsScope: true,
  },
  { id: 3, name: RoleName.Voiced, perms: permissionSet(PermissionBit.ChatInAuditorium, PermissionBit.See), honorsOverride: false, honorsScope: true },
] as const;

export function scopePrincipalTable(withDeny: boolean): TableDef {
  return {
    name: 'tblScopePrincipal',
    columns: [col('scopeNodeID', int), col('scopePrinID', int), ...(withDeny ? [col('scopeIsDenied', bit)] : []), col('scopeUpdatedBy', int)],
    primaryKey: ['scopeNodeID', 'scopePrinID'],
    foreignKeys: [
      { columns: ['scopeNodeID'], table: 'tblNode', references: ['nodeID'] },
      { columns: ['scopePrinID'], table: 'tblPrincipal', references: ['prinID'] },
    ],
  };
}

export const principalRoleTable: TableDef = {
  name: 'tblPrincipalRole',
  columns: [col('prinRoleNodeID', int), col('prinRolePrinID', int), col('prinRoleTypeID', int), col('prinRoleUpdatedBy', int)],
  primaryKey: ['prinRoleNodeID', 'prinRolePrinID', 'prinRoleTypeID'],
  foreignKeys: [
    { columns: ['prinRoleNodeID'], table: 'tblNode', references: ['nodeID'] },
    { columns: ['prinRolePrinID'], table: 'tblPrincipal', references: ['prinID'] },
    { columns: ['prinRoleTypeID'], table: 'tblRoleType', references: ['rtypeID'] },
  ],
};

const nodeKeys = {
  primaryKey: ['nodeID'],
  foreignKeys: [
    { columns: ['parentID'], table: 'tblNode', references: ['nodeID'] },
    { columns: ['behavior'], table: 'tblEnumValue', references: ['valueID'] },
    { columns: ['visibility'], table: 'tblEnumValue', references: ['valueID'] },
    { columns: ['siopID'], table: 'tblSiopWhiteList', references: ['siopID'] },
  ],
  // nodeGuid is an alternate key (tblFileToken references it); parentID is how trees are walked.
  indexes: [
    { name: 'UX_tblNode_nodeGuid', columns: ['nodeGuid'], unique: true },
    { name: 'IX_tblNode_parentID', columns: ['parentID'], unique: false },
  ],
} as const;

export const persistentChatNodeTable: TableDef = {
  name: 'tblNode',
  columns: [
    col('nodeID', int),
    col('nodeGuid', guid),
    nullableCol('parentID', int),
    col('nodeType', bit),
    col('nodeName', nvarchar(256)),
    col('nodeDesc', nvarchar(256)),
    nullableCol('invite', bit),
    nullableCol('logged', bit),
    nullableCol('filePost', bit),
    col('disabled', bit),
    col('behavior', smallint),
    col('visibility', smallint),
    nullableCol('siopID', guid),
    col('nodeAddedBy', int),
    col('nodeAddedOn', bigint),
    col('nodeUpdatedBy', int),
    col('nodeUpdatedOn', bigint),
    nullableCol('purgedOn', datetime),
  ],
  ...nodeKeys,
};

export const legacyNodeTable: TableDef = {
  name: 'tblNode',
  columns: [
    col('nodeID', int),
    col('nodeGuid', guid),
    nullableCol('parentID', int),
    col('nodeType', bit),
    col('nodeName', nvarchar(256)),
    col('nodeDesc', nvarchar(256)),
    col('topic', nvarchar(256)),
    nullableCol('filestoreURI', nvarchar(256)),
    col('inheritance', bit),
    col('scopeChange', bit),
    col('overrideMember', bit),
    nullableCol('invite', bit),
    nullableCol('logged', bit),
    nullableCol('filePost', bit),
    col('disabled', bit),
    nullableCol('restrictChildCreate', bit),
    col('behavior', smallint),
    nullableCol('visibility', smallint),
    col('scopeDefinerId', int),
    col('roleDefinerId', int),
    // Decision: the columns after roleDefinerId, not visible in the public excerpts, as in 2013.
    nullableCol('siopID', guid),
    col('nodeAddedBy', int),
    col('nodeAddedOn', bigint),
    col('nodeUpdatedBy', int),
    col('nodeUpdatedOn', bigint),
    nullableCol('purgedOn', datetime),
  ],
  ...nodeKeys,
};

export function chatTable(withRtf: boolean): TableDef {
  return {
    name: 'tblChat',
    columns: [
      col('channelId', int),
      col('chatId', bigint),
      col('chatDate', bigint),
      col('userId', int),
      col('isAlert', bit),
      col('content', nvarchar('max')),
      ...(withRtf ? [nullableCol('rtf', varchar('max'))] : []),
    ],
    primaryKey: ['channelId', 'chatId'],
    primaryKeyAsIndex: true,
  };
}

export const lastChatIdTable: TableDef = {
  name: 'tblLastChatId',
  columns: [col('nodeID', int), col('lastChatID', bigint)],
  primaryKey: ['nodeID'],
  foreignKeys: [{ columns: ['nodeID'], table: 'tblNode', references: ['nodeID'] }],
};

export const principalInvitesTable: TableDef = {
  name: 'tblPrincipalInvites',
  columns: [col('prinID', int), col('invID', int), col('nodeID', int), col('createdOn', datetime)],
  primaryKey: ['prinID', 'nodeID'],
  foreignKeys: [
    { columns: ['prinID'], table: 'tblPrincipal', references: ['prinID'] },
    { columns: ['nodeID'], table: 'tblNode', references: ['nodeID'] },
  ],
};

export const lastInviteIdTable: TableDef = {
  name: 'tblLastInviteId',
  columns: [col('prinID', int), col('lastInviteID', int)],
  primaryKey: ['prinID'],
  foreignKeys: [{ columns: ['prinID'], table: 'tblPrincipal', references: ['prinID'] }],
};

export const preferenceTable: TableDef = {
  name: 'tblPreference',
  columns: [col('prefLabel', nvarchar(255)), col('prefSeqID', int), nullableCol('prefContent', nvarchar('max')), col('lastModifiedBy', int)],
  primaryKey: ['prefLabel', 'prefSeqID'],
};

export const fileTokenTable: TableDef = {
  name: 'tblFileToken',
  columns: [
    col('fileToken', nvarchar(50)),
    col('fileTokenUserID', int),
    col('fileTokenChannelID', guid),
    col('fileTokenExpireDate', datetime),
    nullableCol('fileTokenComplianceFileUrl', nvarchar(256)),
    nullableCol('fileTokenComplianceThumbnailUrl', nvarchar(256)),
    nullableCol('fileTokenComplianceTime', datetime2),
    nullableCol('fileTokenComplianceIsUpload', bit),
    col('fileTokenCompliancePinned', bit),
  ],
  primaryKey: ['fileToken'],
  foreignKeys: [{ columns: ['fileTokenChannelID'], table: 'tblNode', references: ['nodeGuid'] }],
};

export const serverIdentityTable: TableDef = {
  name: 'tblServerIdentity',
  columns: [col('serverID', int), col('serverAddress', nvarchar(256)), nullableCol('serverLastPingTime', datetime)],
  primaryKey: ['serverID'],
};

export const adminLockTable: TableDef = {
  name: 'tblAdminLock',
  columns: [col('lockExpiresTime', datetime), col('lockServerID', int), col('lockActorID', int)],
};

export const systemRevisionTable: TableDef = {
  name: 'tblSystemRevision',
  columns: [col('sysRevision', bigint)],
  seed: { columns: ['sysRevision'], rows: [[0]] },
};

export const activePeersTable: TableDef = {
  name: 'tblActivePeers',
  columns: [col('aplServerID', int), col('aplPeerID', int)],
  primaryKey: ['aplServerID', 'aplPeerID'],
  foreignKeys: [
    { columns: ['aplServerID'], table: 'tblServerIdentity', references: ['serverID'] },
    { columns: ['aplPeerID'], table: 'tblServerIdentity', references: ['serverID'] },
  ],
};

export const configTable: TableDef = {
  name: 'tblConfig',
  columns: [col('configLabel', nvarchar(255)), nullableCol('configContent', nvarchar('max')), col('configPoolID', guid)],
  primaryKey: ['configLabel'],
};

export const adSyncTables: readonly TableDef[] = [
  {
    name: 'tblADCookie',
    columns: [
      col('prinGuid', guid),
      nullableCol('prinDCHost', nvarchar(255)),
      nullableCol('adcContent', image),
      nullableCol('lastUpdated', datetime),
      nullableCol('lockedUntil', datetime),
    ],
    primaryKey: ['prinGuid'],
    foreignKeys: [{ columns: ['prinGuid'], table: 'tblPrincipal', references: ['prinGuid'] }],
  },
  {
    name: 'tblPrincipalMemberDifference',
    columns: [col('prinGuid', guid), col('memberADPath', nvarchar(256)), col('memberRemoved', bit)],
    primaryKey: ['prinGuid', 'memberADPath'],
  },
  {
    name: 'tblADUpdates',
    columns: [
      col('prinGuid', guid),
      col('prinADPath', nvarchar(384)),
      col('prinAttributesChanged', bit),
      col('prinMembersChanged', bit),
      col('prinAffiliationsChanged', bit),
      col('prinDeleted', bit),
      col('lastUpdated', datetime),
    ],
  },
  {
    name: 'tblPrincipalMembers',
    columns: [col('prinID', int), col('memberADPath', nvarchar(384))],
    primaryKey: ['prinID', 'memberADPath'],
    foreignKeys: [{ columns: ['prinID'], table: 'tblPrincipal', references: ['prinID'] }],
  },
  {
    name: 'tblPrincipalMeta',
    columns: [
      col('prinID', int),
      col('prinAffiliationsDirty', bit),
      col('prinAttributesDirty', bit),
      col('prinDeleted', bit),
      nullableCol('tryCount', int),
      nullableCol('lastTry', datetime),
      nullableCol('nextTry', datetime),
    ],
    primaryKey: ['prinID'],
    foreignKeys: [{ columns: ['prinID'], table: 'tblPrincipal', references: ['prinID'] }],
  },
  {
    name: 'tblSkippedAffiliations',
    columns: [col('prinID', int), col('affDescription', nvarchar(256)), col('updatedBy', int)],
    primaryKey: ['prinID', 'affDescription'],
    foreignKeys: [{ columns: ['prinID'], table: 'tblPrincipal', references: ['prinID'] }],
  },
];

/** The Persistent Chat content database (mgc), in dependency order. */
export const PERSISTENT_CHAT_TABLES: readonly TableDef[] = [
  enumAttributeTable,
  enumValueTable,
  principalTypeTable(PRINCIPAL_TYPES),
  principalTable(true),
  principalAffiliationsTable,
  roleTypeTable(false),
  siopWhiteListTable,
  persistentChatNodeTable,
  scopePrincipalTable(true),
  principalRoleTable,
  principalInvitesTable,
  lastInviteIdTable,
  chatTable(true),
  lastChatIdTable,
  preferenceTable,
  fileTokenTable,
  serverIdentityTable,
  adminLockTable,
  systemRevisionTable,
  activePeersTable,
  configTable,
  ...adSyncTables,
];
