/**
 * Every enumeration and numeric code of the Persistent Chat schema (and of the legacy Group
 * Chat schema where it differs), named once. Source: Microsoft's schema reference as restated
 * in docs/legacy-schema.md; values marked "decision" are ours where Microsoft is silent.
 */

/** tblNode.nodeID of the root category; the root is its own parent. */
export const ROOT_NODE_ID = 1;

/** tblNode.nodeType (bit). */
export const NodeType = { Category: 1, Room: 0 } as const;
export type NodeTypeCode = (typeof NodeType)[keyof typeof NodeType];

/** tblEnumAttribute.attributeID. */
export const EnumAttribute = { Visibility: 1, Behavior: 2 } as const;

/** tblEnumValue.valueID for the Visibility attribute (tblNode.visibility). */
export const Visibility = { Private: 2, Scope: 3, Open: 6 } as const;
export type VisibilityCode = (typeof Visibility)[keyof typeof Visibility];

/** tblEnumValue.valueID for the Behavior attribute (tblNode.behavior). */
export const Behavior = { Normal: 4, Auditorium: 5 } as const;
export type BehaviorCode = (typeof Behavior)[keyof typeof Behavior];

/** tblEnumValue rows: valueID → (attributeID, attributeValue). */
export const ENUM_VALUES = [
  { valueId: Visibility.Private, attributeId: EnumAttribute.Visibility, value: 'private' },
  { valueId: Visibility.Scope, attributeId: EnumAttribute.Visibility, value: 'scope' },
  { valueId: Behavior.Normal, attributeId: EnumAttribute.Behavior, value: 'normal' },
  { valueId: Behavior.Auditorium, attributeId: EnumAttribute.Behavior, value: 'auditorium' },
  { valueId: Visibility.Open, attributeId: EnumAttribute.Visibility, value: 'open' },
] as const;

/**
 * Decision: what tblNode stores in the NOT NULL behavior/visibility columns of a category
 * (undocumented; they are "rooms only"). We write Normal/Scope, and never read them back.
 */
export const CATEGORY_PLACEHOLDER_BEHAVIOR = Behavior.Normal;
export const CATEGORY_PLACEHOLDER_VISIBILITY = Visibility.Scope;

/** tblPrincipalType.ptypeID. */
export const PrincipalTypeId = {
  Any: 1,
  AnyUser: 2,
  AnyGroup: 3,
  SystemUser: 4,
  User: 5,
  /** Decision (legacy only): the gap at 6 holds federated users in Group Chat databases. */
  FederatedUser: 6,
  DC: 8,
  Group: 9,
  Folder: 10,
} as const;
export type PrincipalTypeIdCode = (typeof PrincipalTypeId)[keyof typeof PrincipalTypeId];

/** tblPrincipalType rows (description, isSystemUser, isUser). */
export const PRINCIPAL_TYPES = [
  { id: PrincipalTypeId.Any, description: 'Any', isSystemUser: false, isUser: false },
  { id: PrincipalTypeId.AnyUser, description: 'AnyUser', isSystemUser: false, isUser: true },
  { id: PrincipalTypeId.AnyGroup, description: 'AnyGroup', isSystemUser: false, isUser: false },
  { id: PrincipalTypeId.SystemUser, description: 'SystemUser', isSystemUser: true, isUser: false },
  { id: PrincipalTypeId.User, description: 'User', isSystemUser: false, isUser: true },
  { id: PrincipalTypeId.DC, description: 'DC', isSystemUser: false, isUser: false },
  { id: PrincipalTypeId.Group, description: 'Group', isSystemUser: false, isUser: false },
  { id: PrincipalTypeId.Folder, description: 'Folder', isSystemUser: false, isUser: false },
] as const;
/** The legacy-only federated-user type row (decision). */
export const LEGACY_FEDERATED_PRINCIPAL_TYPE = {
  id: PrincipalTypeId.FederatedUser,
  description: 'FederatedUser',
  isSystemUser: false,
  isUser: true,
} as const;

/** prinID of the system user that performs AD sync. */
export const SYSTEM_PRINCIPAL_ID = 1;

/** tblPrincipal.prinDisabled. */
export const PrincipalDisabled = { Active: 0, SipDisabled: 1, Deleted: 2 } as const;
export type PrincipalDisabledCode = (typeof PrincipalDisabled)[keyof typeof PrincipalDisabled];

/** tblPrincipalAffiliations.index of the self-affiliation. */
export const SELF_AFFILIATION_INDEX = -1;

/** tblRoleType.rtypeDesc. The numeric rtypeID is undocumented: always look it up by name. */
export const RoleName = { Member: 'Member', Manager: 'Manager', Voiced: 'Voiced', Creator: 'Creator' } as const;
export type RoleNameValue = (typeof RoleName)[keyof typeof RoleName];
export const ROLE_NAMES = [RoleName.Member, RoleName.Manager, RoleName.Voiced, RoleName.Creator] as const;
/** Group Chat (2007 R2 / 2010) has no Creator role. */
export const LEGACY_ROLE_NAMES = [RoleName.Member, RoleName.Manager, RoleName.Voiced] as const;

/** Bit positions used in tblRoleType.rtypeAllowedPermSet (value = 1 << position). */
export const PermissionBit = {
  ManageNodes: 2,
  CreateChildNodes: 4,
  /** Legacy only, obsolete. */
  ModifyRoles: 5,
  /** Legacy only, obsolete. */
  ModifySettings: 6,
  Join: 7,
  Chat: 8,
  /** Legacy only. */
  Leave: 9,
  ReadHistory: 10,
  See: 11,
  ChatInAuditorium: 12,
  BypassVisibility: 13,
} as const;

/** tblComplianceData.cmplType. */
export const ComplianceEventType = {
  Chat: 1,
  Backchat: 2,
  FileDownload: 3,
  FileUpload: 4,
  ProvisionalFileTransfer: 9,
  ChatDeletion: 10,
  ChatPurging: 11,
} as const;

/** tblComplianceState.activeServerID when no compliance server holds the lock. */
export const NO_ACTIVE_COMPLIANCE_SERVER = -1;

/** Column limits that are also migration rules (R2: 256 characters). */
export const Limits = {
  nodeName: 256,
  nodeDescription: 256,
  legacyTopic: 256,
  addinName: 50,
  addinUrl: 255,
  principalUri: 256,
  principalName: 256,
  principalAdPath: 384,
  fileToken: 50,
} as const;

/** Operational defaults of Persistent Chat (Set-CsPersistentChatConfiguration, tblFileToken). */
export const PersistentChatDefaults = {
  maxFileSizeKb: 20_000,
  defaultChatHistory: 30,
  participantUpdateLimit: 75,
  fileTokenLifetimeMinutes: 30,
} as const;

/** Cmdlet-level enumerations (Microsoft.Rtc.Management.Chat.Cmdlets.*). */
export const CHAT_ROOM_PRIVACY = ['Open', 'Closed', 'Secret'] as const;
export type ChatRoomPrivacy = (typeof CHAT_ROOM_PRIVACY)[number];
export const CHAT_ROOM_TYPE = ['Normal', 'Auditorium'] as const;
export type ChatRoomType = (typeof CHAT_ROOM_TYPE)[number];
export const CHAT_ROOM_INVITATIONS = ['Inherit', 'False'] as const;
export type ChatRoomInvitations = (typeof CHAT_ROOM_INVITATIONS)[number];
export const EXPORT_LEVELS = ['All', 'User', 'Category', 'RoomDirectory', 'Content'] as const;
export type ExportLevel = (typeof EXPORT_LEVELS)[number];

/** UCMA Persistent Chat SDK enumerations (not database values; kept for reference mappings). */
export const SdkChatRoomPrivacy = { Open: 0, Closed: 1, Secret: 2 } as const;
export const SdkChatRoomInvitationSetting = { False: 0, Inherit: 1 } as const;
export const SdkChatRoomBehavior = { Unset: 0, Normal: 1, Auditorium: 2 } as const;
export const SdkChatRoomRole = { Member: 0, Manager: 1, Presenter: 2, Creator: 3 } as const;
export const SdkPrincipalType = { LocalUser: 0, DirectoryGroup: 1, DirectoryFolder: 2, Domain: 3 } as const;

/** Privacy ↔ visibility (§4 conversion: private → Secret, scope → Closed, open → Open). */
export const PRIVACY_BY_VISIBILITY: Readonly<Record<VisibilityCode, ChatRoomPrivacy>> = {
  [Visibility.Private]: 'Secret',
  [Visibility.Scope]: 'Closed',
  [Visibility.Open]: 'Open',
};
export const VISIBILITY_BY_PRIVACY: Readonly<Record<ChatRoomPrivacy, VisibilityCode>> = {
  Secret: Visibility.Private,
  Closed: Visibility.Scope,
  Open: Visibility.Open,
};
export const TYPE_BY_BEHAVIOR: Readonly<Record<BehaviorCode, ChatRoomType>> = {
  [Behavior.Normal]: 'Normal',
  [Behavior.Auditorium]: 'Auditorium',
};
export const BEHAVIOR_BY_TYPE: Readonly<Record<ChatRoomType, BehaviorCode>> = {
  Normal: Behavior.Normal,
  Auditorium: Behavior.Auditorium,
};

/** Source products a pool database can come from. */
export const SOURCE_FLAVOURS = ['ocs2007r2', 'lync2010', 'pc2013'] as const;
export type SourceFlavour = (typeof SOURCE_FLAVOURS)[number];
export const LEGACY_FLAVOURS = ['ocs2007r2', 'lync2010'] as const;
export type LegacyFlavour = (typeof LEGACY_FLAVOURS)[number];
export const PRODUCT_NAMES: Readonly<Record<SourceFlavour, string>> = {
  ocs2007r2: 'Office Communications Server 2007 R2 Group Chat',
  lync2010: 'Lync Server 2010 Group Chat',
  pc2013: 'Lync Server 2013 Persistent Chat',
};
