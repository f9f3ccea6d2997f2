/**
 * The directory attributes pcmig reads and writes, by their Active Directory names (the Lync
 * Server schema extension). docs/directory.md explains each one.
 */
export const LyncAttribute = {
  objectClass: 'objectClass',
  cn: 'cn',
  displayName: 'displayName',
  /** The SIP URI of a user or contact. */
  sipAddress: 'msRTCSIP-PrimaryUserAddress',
  /** DN of the pool the object is homed on. */
  homeServer: 'msRTCSIP-PrimaryHomeServer',
  /** TRUE when enabled for SIP. */
  userEnabled: 'msRTCSIP-UserEnabled',
  /** What owns an application contact. */
  ownerUrn: 'msRTCSIP-OwnerUrn',
  optionFlags: 'msRTCSIP-OptionFlags',
  /** Back link to the groups an entry belongs to (written through the groups' member attribute). */
  memberOf: 'memberOf',
  member: 'member',
} as const;

/**
 * The owner URN pcmig writes on the Persistent Chat endpoints it creates, and by which it
 * recognises them (inferred: Microsoft does not document the attributes of OCSPersistentChatContact).
 */
export const PERSISTENT_CHAT_OWNER_URN = 'urn:application:persistentchat';

/** Where Lync keeps application contacts, below the forest root (cmdlets.md §3). */
export const APPLICATION_CONTACTS_RDNS = ['CN=Application Contacts', 'CN=RTC Service', 'CN=Services', 'CN=Configuration'] as const;

export function applicationContactsDn(forestDn: string): string {
  return [...APPLICATION_CONTACTS_RDNS, forestDn].join(',');
}

/**
 * The default msRTCSIP-PrimaryHomeServer of a pool when deployment.json gives none: the shape
 * of Lync's "Lc Services" object with the pool FQDN in place of its numeric site:pool id.
 * A real deployment sets homeServerDn to the value its own accounts carry.
 */
export function defaultHomeServerDn(poolFqdn: string, forestDn: string): string {
  return `CN=Lc Services,CN=Microsoft,CN=${poolFqdn},CN=Pools,CN=RTC Service,CN=Services,CN=Configuration,${forestDn}`;
}

/**
 * Attributes the directory maintains itself: never written back when an entry is restored
 * (AD system-only and OpenLDAP operational attributes; identity is carried separately).
 */
export const SERVER_ASSIGNED_ATTRIBUTES: ReadonlySet<string> = new Set(
  [
    'objectGUID',
    'objectSid',
    'entryUUID',
    'entryDN',
    'entryCSN',
    'distinguishedName',
    'name',
    'instanceType',
    'objectCategory',
    'whenCreated',
    'whenChanged',
    'uSNCreated',
    'uSNChanged',
    'sAMAccountType',
    'dSCorePropagationData',
    'createTimestamp',
    'modifyTimestamp',
    'creatorsName',
    'modifiersName',
    'structuralObjectClass',
    'subschemaSubentry',
    'hasSubordinates',
    'isDeleted',
    'lastKnownParent',
    'lastLogon',
    'lastLogonTimestamp',
    'lastLogoff',
    'logonCount',
    'badPwdCount',
    'badPasswordTime',
    'pwdLastSet',
    'primaryGroupID',
    'nTSecurityDescriptor',
    'isCriticalSystemObject',
    'msDS-ReplAttributeMetaData',
  ].map((name) => name.toLowerCase()),
);

/** AD attributes whose values are binary; read as bytes and carried as base64. */
export const BINARY_ATTRIBUTES = [
  'objectGUID',
  'objectSid',
  'sIDHistory',
  'thumbnailPhoto',
  'jpegPhoto',
  'userCertificate',
  'userSMIMECertificate',
  'mS-DS-ConsistencyGuid',
  'msExchMailboxGuid',
  'msExchArchiveGUID',
  'msExchMailboxSecurityDescriptor',
  'msRTCSIP-OriginatorSid',
  'logonHours',
  'userParameters',
] as const;
