/**
 * Every finding the planner can report, with its stable code, default severity, the migration
 * rule it belongs to (migration-rules.md numbering; "input" and "resume" are pcmig's own), a
 * one-line title and a hint. docs/findings.md lists exactly these (a test keeps them in step).
 */

export const FINDING_SEVERITIES = ['error', 'warning', 'info'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const FINDING_RULES = ['P3', 'P4', 'R1', 'R2', 'R3', 'R4', 'R6', 'R7', 'R8', 'R9', 'R13', '§4', 'level', 'input', 'resume'] as const;
export type FindingRule = (typeof FINDING_RULES)[number];

export interface FindingDefinition {
  readonly severity: FindingSeverity;
  readonly rule: FindingRule;
  readonly title: string;
  readonly hint: string;
}

const define = <T extends Record<string, FindingDefinition>>(codes: T) => codes;

export const FINDING_CODES = define({
  // ----- preconditions: services, forest, principals ------------------------------------------
  'services-running': {
    severity: 'error',
    rule: 'R13',
    title: 'Persistent Chat services appear to be running on the target.',
    hint: 'Stop every Persistent Chat server of the pool and wait until no admin lock is held, then run again. -Force imports anyway when the evidence is known to be stale.',
  },
  'foreign-forest-principal': {
    severity: 'error',
    rule: 'P3',
    title: 'A principal belongs to a domain outside the target Active Directory forest.',
    hint: 'Microsoft supports migration only within one forest. Import into a pool of the same forest, or remove the principal from the legacy roles and scopes.',
  },
  'forest-unverifiable': {
    severity: 'warning',
    rule: 'P3',
    title: 'The target caches no domain principal, so the forest cannot be checked.',
    hint: 'Start the Persistent Chat services once so that AD sync caches the domains, or make sure yourself that source and target share the forest.',
  },
  'unresolvable-principal': {
    severity: 'error',
    rule: 'P3',
    title: 'A principal is not cached by the target and has no domain to place it in.',
    hint: 'The principal has no distinguished name, UPN or SIP domain. Remove it from the legacy roles, or let AD sync cache it in the target first.',
  },
  'principals-created': {
    severity: 'info',
    rule: 'P3',
    title: 'Principals the target does not cache yet are added to tblPrincipal, as AD sync would.',
    hint: 'Nothing to do: the Persistent Chat service refreshes them from Active Directory on its next start. The plan’s principals (action create) list each one.',
  },
  'principal-matched-by-name': {
    severity: 'info',
    rule: 'P3',
    title: 'A principal was matched by UPN or SIP URI rather than by objectGUID.',
    hint: 'The AD object was probably re-created. Check that the matched account is the same person or group.',
  },
  // ----- references inside the source --------------------------------------------------------
  'dangling-principal-reference': {
    severity: 'error',
    rule: 'input',
    title: 'A role or scope refers to a principal that the source does not contain.',
    hint: 'The export is incomplete or damaged. Export again (-Level All) and import the new package.',
  },
  'dangling-node-reference': {
    severity: 'warning',
    rule: 'input',
    title: 'A role or scope refers to a category or room that the source does not contain; it is ignored.',
    hint: 'Nothing is lost that could be placed; export again if you expected that node.',
  },
  'dangling-parent': {
    severity: 'error',
    rule: 'input',
    title: 'A category or room refers to a parent category that the source does not contain.',
    hint: 'The export is incomplete or damaged. Export again and import the new package.',
  },
  'dangling-addin-reference': {
    severity: 'warning',
    rule: 'input',
    title: 'A room uses an add-in that the source does not contain; the room migrates without it.',
    hint: 'Register the add-in in the target (New-CsPersistentChatAddin) and attach it to the room afterwards.',
  },
  'message-unknown-room': {
    severity: 'error',
    rule: 'input',
    title: 'Messages belong to a room that the source does not contain.',
    hint: 'The export is incomplete or damaged. Export again and import the new package.',
  },
  'message-unknown-author': {
    severity: 'error',
    rule: 'input',
    title: 'Messages were posted by a principal that the source does not contain.',
    hint: 'The export is incomplete or damaged. Export again (-Level All) and import the new package.',
  },
  'message-out-of-order': {
    severity: 'error',
    rule: 'input',
    title: 'Messages are not in (room, chatId) order or repeat a chatId.',
    hint: 'The export is damaged. Export again and import the new package.',
  },
  'message-impossible-timestamp': {
    severity: 'warning',
    rule: 'input',
    title: 'Messages carry a time stamp before 2000 or in the future; they are imported unchanged.',
    hint: 'Clients sort such messages oddly. Remove them afterwards with Remove-CsPersistentChatMessage if they are junk.',
  },
  // ----- ledger: resume, idempotency, one pool -------------------------------------------------
  'import-pending': {
    severity: 'error',
    rule: 'resume',
    title: 'An interrupted import of another package or with other options has not finished.',
    hint: 'Run that import again until it completes, or restore the backup taken before it, then import this package.',
  },
  'source-already-imported': {
    severity: 'error',
    rule: 'P4',
    title: 'This source was already imported into this pool with other options.',
    hint: 'Importing it again would duplicate its rooms and messages. Restore the backup taken before that import, or repeat it with the same options.',
  },
  'already-imported': {
    severity: 'info',
    rule: 'resume',
    title: 'This package was already imported into this pool with the same options; nothing is left to do.',
    hint: 'Run Test-CsPersistentChatMigration to verify the result.',
  },
  'resuming-import': {
    severity: 'info',
    rule: 'resume',
    title: 'An interrupted import of this package is resumed where it stopped.',
    hint: 'Nothing to do: what was committed is kept, nothing is written twice.',
  },
  // ----- export level ------------------------------------------------------------------------
  'level-partial': {
    severity: 'info',
    rule: 'level',
    title: 'The package was exported with a -Level that carries only part of the data.',
    hint: 'Only what the level carries is imported; everything else in the target is left as it is.',
  },
  'content-target-missing': {
    severity: 'error',
    rule: 'level',
    title: 'A content-only package refers to a category or room that the target does not have.',
    hint: 'Import a package of level All or RoomDirectory first, then this one.',
  },
  // ----- R1 flattening ------------------------------------------------------------------------
  'category-flattened': {
    severity: 'info',
    rule: 'R1',
    title: 'A sub-category becomes a top-level category named with its parents\u2019 names as prefix.',
    hint: 'Rename or flatten the category in the Group Chat Admin Tool if you prefer another name, or choose another -CategorySeparator.',
  },
  'room-prefixed': {
    severity: 'info',
    rule: 'R1',
    title: 'A room under a sub-category is named with its parent categories\u2019 names as prefix.',
    hint: 'Move the room to a top-level category in the Group Chat Admin Tool before exporting if you want its name unchanged.',
  },
  'root-rooms-category': {
    severity: 'info',
    rule: 'R1',
    title: 'Rooms placed directly under the root category go into a category of their own.',
    hint: 'Choose its name with -RootRoomsCategory.',
  },
  'name-collision': {
    severity: 'error',
    rule: 'R1',
    title: 'Two migrated categories or rooms end up with the same name.',
    hint: 'Rename one of them in the Group Chat Admin Tool, or choose another -CategorySeparator / -RootRoomsCategory.',
  },
  'category-disabled-in-source': {
    severity: 'info',
    rule: 'R7',
    title: 'A disabled category is migrated: Persistent Chat categories cannot be disabled.',
    hint: 'Its rooms follow their own disabled flag. Remove the category afterwards if it is not wanted.',
  },
  // ----- R2 name length ----------------------------------------------------------------------
  'name-too-long': {
    severity: 'error',
    rule: 'R2',
    title: 'A name exceeds 256 characters once prefixed with its parent categories.',
    hint: 'Shorten the name (or its parent categories\u2019 names) in the Group Chat Admin Tool, or pass -ShortenLongNames.',
  },
  'name-shortened': {
    severity: 'warning',
    rule: 'R2',
    title: 'A name over 256 characters is shortened (-ShortenLongNames).',
    hint: 'The short name keeps the start of the long one and ends with ~ and 7 characters of its hash, so it is unique and stable.',
  },
  'name-empty': {
    severity: 'error',
    rule: 'R2',
    title: 'A category or room has an empty name.',
    hint: 'Give it a name in the Group Chat Admin Tool and export again.',
  },
  // ----- R3 managers --------------------------------------------------------------------------
  'root-manager': {
    severity: 'info',
    rule: 'R3',
    title: 'A manager of the root category becomes a manager of every migrated room.',
    hint: 'Remove the principal from the root category\u2019s managers before exporting if this is not wanted.',
  },
  'category-manager': {
    severity: 'info',
    rule: '§4',
    title: 'A manager of a category becomes a creator of it and a manager of every migrated room below it.',
    hint: 'Persistent Chat has no category managers; this keeps what the principal could do.',
  },
  // ----- R4 invitations ----------------------------------------------------------------------
  'invitations-forced-off': {
    severity: 'warning',
    rule: 'R4',
    title: 'A room sends invitations while its category does not; the room is set to False.',
    hint: 'Turn invitations on for the category in the Group Chat Admin Tool before exporting if the room should keep them.',
  },
  'invitations-inherit': {
    severity: 'info',
    rule: 'R4',
    title: 'A room with invitations on, under a category with invitations on, is set to Inherit.',
    hint: 'Nothing to do: a Persistent Chat room can only inherit or turn invitations off.',
  },
  // ----- R6 federation -----------------------------------------------------------------------
  'federated-member': {
    severity: 'warning',
    rule: 'R6',
    title: 'A federated principal holds a role; the room migrates but the principal cannot reach it.',
    hint: 'Persistent Chat does not support federation. The principal is kept, SIP-disabled, so that history keeps its author.',
  },
  // ----- R7 disabled rooms ---------------------------------------------------------------------
  'room-disabled-not-migrated': {
    severity: 'info',
    rule: 'R7',
    title: 'A disabled room is not migrated, nor are its messages.',
    hint: 'Enable the room in the Group Chat Admin Tool and export again if it should migrate.',
  },
  'room-disabled-kept': {
    severity: 'info',
    rule: 'R7',
    title: 'A disabled room of a Persistent Chat source is imported disabled.',
    hint: 'Persistent Chat can hold disabled rooms, so a Persistent Chat export restores them as they were.',
  },
  // ----- R8 start date ------------------------------------------------------------------------
  'messages-before-start-date': {
    severity: 'info',
    rule: 'R8',
    title: 'Messages older than the export\u2019s -StartDate are not migrated.',
    hint: 'Export again with an earlier -StartDate if you need them.',
  },
  // ----- R9 conflicts --------------------------------------------------------------------------
  'category-overwritten': {
    severity: 'warning',
    rule: 'R9',
    title: 'A category of the same name exists in the target and is overwritten.',
    hint: 'Its settings, AllowedMembers, DeniedMembers and Creators are replaced; its rooms stay. Rename one of them first to keep both.',
  },
  'room-overwritten': {
    severity: 'warning',
    rule: 'R9',
    title: 'A room of the same name exists in the target and is overwritten.',
    hint: 'Its settings and role lists are replaced and it moves to the migrated category; its own messages are kept and the legacy history is appended after them. Rename one of them first to keep both.',
  },
  'addin-overwritten': {
    severity: 'warning',
    rule: 'R9',
    title: 'An add-in of the same name exists in the target; its URL is replaced.',
    hint: 'Rooms already using it keep it. Rename one of them first to keep both.',
  },
  'guid-taken': {
    severity: 'warning',
    rule: 'R9',
    title: 'The GUID of a legacy item is already used by another item of the target; a new GUID is derived.',
    hint: 'Nothing to do unless a tool of yours refers to the legacy GUID.',
  },
  // ----- §4 conversions ------------------------------------------------------------------------
  'allowed-members': {
    severity: 'info',
    rule: '§4',
    title: 'A category\u2019s effective legacy scope becomes its AllowedMembers.',
    hint: 'Check the list; DeniedMembers is new in Persistent Chat and starts empty for Group Chat data.',
  },
  'creators': {
    severity: 'info',
    rule: '§4',
    title: 'The legacy right to create rooms becomes the category\u2019s Creators.',
    hint: 'Creators are the category\u2019s managers, plus its members when members could create rooms in Group Chat.',
  },
  'inherited-members': {
    severity: 'info',
    rule: '§4',
    title: 'A room that inherited its member list gets the inherited members as explicit Members.',
    hint: 'Persistent Chat has no inherited member lists; later changes to the category do not reach the room.',
  },
  'stale-member-rows': {
    severity: 'info',
    rule: '§4',
    title: 'Member rows of a room that inherits its member list are ignored, as Group Chat ignored them.',
    hint: 'Nothing to do: these principals had no access through them.',
  },
  'presenters': {
    severity: 'info',
    rule: '§4',
    title: 'Voiced principals of an auditorium room become its Presenters.',
    hint: 'Nothing to do.',
  },
  'presenters-dropped': {
    severity: 'warning',
    rule: '§4',
    title: 'Voiced principals of a normal room are dropped: only auditorium rooms have presenters.',
    hint: 'Make the room an auditorium in the Group Chat Admin Tool before exporting if the presenters matter.',
  },
  'topic-merged': {
    severity: 'info',
    rule: '§4',
    title: 'A room\u2019s topic is carried in its description (Persistent Chat rooms have no topic).',
    hint: 'Edit the description afterwards with Set-CsPersistentChatRoom -Description if you prefer another text.',
  },
  'topic-dropped': {
    severity: 'warning',
    rule: '§4',
    title: 'A room\u2019s topic does not fit in its description (256 characters) and is dropped.',
    hint: 'Shorten the description or the topic in the Group Chat Admin Tool before exporting.',
  },
  'room-setting-override': {
    severity: 'warning',
    rule: '§4',
    title: 'A room overrides file upload or chat history; Persistent Chat has these per category only, so the room follows its category.',
    hint: 'Move the room to a category with the wanted setting, before exporting or afterwards.',
  },
  'visibility-defaulted': {
    severity: 'info',
    rule: '§4',
    title: 'A room without a visibility becomes Closed, Persistent Chat\u2019s default privacy.',
    hint: 'Set the privacy afterwards with Set-CsPersistentChatRoom -Privacy if needed.',
  },
  'room-scope-dropped': {
    severity: 'warning',
    rule: '§4',
    title: 'A room narrows the scope of its category; Persistent Chat has scopes per category only.',
    hint: 'The room\u2019s members still limit who can join it; move it to a category with the narrower scope if needed.',
  },
});

export type FindingCode = keyof typeof FINDING_CODES;
export const FINDING_CODE_LIST = Object.keys(FINDING_CODES) as FindingCode[];
