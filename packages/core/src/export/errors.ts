import { defineErrorCatalog } from '../errors/define-error-catalog.js';

/** Errors of Export-CsPersistentChatData. Documented in docs/errors/export.md. */
export const expErrors = defineErrorCatalog('EXP', {
  'PCMIG-EXP-001': {
    category: 'InvalidArgument',
    title: 'The -Level value is not an export level.',
    hint: 'Use All, User, Category, RoomDirectory or Content (docs/package-format.md, "Levels").',
  },
  'PCMIG-EXP-002': {
    category: 'InvalidArgument',
    title: 'The -StartDate value is not a valid date.',
    hint: 'Give a date between 0001-01-01 and today, e.g. -StartDate "2010-01-01".',
  },
  'PCMIG-EXP-003': {
    category: 'InvalidArgument',
    title: 'The -StartDate value is in the future.',
    hint: 'Messages older than -StartDate are left out; a date in the future would leave out everything. Give a past date.',
  },
  'PCMIG-EXP-004': {
    category: 'InvalidArgument',
    title: 'The -StartDate parameter applies only to levels that export messages.',
    hint: 'Use -Level All or -Level Content with -StartDate, or leave -StartDate out.',
  },
  'PCMIG-EXP-005': {
    category: 'ObjectNotFound',
    title: 'A -Scope category does not exist in the source.',
    hint: 'Give category names as the Group Chat Admin Tool shows them (case does not matter), or a path Parent\\Child. The reason lists the names that exist.',
  },
  'PCMIG-EXP-006': {
    category: 'InvalidArgument',
    title: 'The -Scope list is empty or holds a blank name.',
    hint: 'Give one or more category names, or leave -Scope out to export every category.',
  },
  'PCMIG-EXP-007': {
    category: 'InvalidArgument',
    title: 'Give either -FileName or -AsBytes.',
    hint: 'Use -FileName <path.zip> to write a file, or -AsBytes to receive the package as a byte array (not both).',
  },
  'PCMIG-EXP-008': {
    category: 'ResourceExists',
    title: 'The -FileName file already exists.',
    hint: 'Choose another file name, or add -Force to replace the file once the new package is complete.',
  },
  'PCMIG-EXP-009': {
    category: 'WriteError',
    title: 'The -FileName file cannot be written.',
    hint: 'Check that the folder exists, that the path is not a folder, and that the account running pcmig may create files there.',
  },
  'PCMIG-EXP-010': {
    category: 'WriteError',
    title: 'The -Report file cannot be written.',
    hint: 'Check that the folder exists, that the path is not a folder and not the package itself, and that the account may write there.',
  },
  'PCMIG-EXP-011': {
    category: 'InvalidResult',
    title: 'The written package failed its verification; nothing was disabled.',
    hint: 'The cause names the check that failed. The package was removed; check the disk and export again.',
  },
  'PCMIG-EXP-012': {
    category: 'WriteError',
    title: 'Disabling the exported categories and rooms in the source failed; the source is unchanged.',
    hint: 'The package is complete and kept. Check that the account may update the database (and that no service holds it), then disable the nodes with the Group Chat Admin Tool or export again with -DisableExportedNodes.',
  },
  'PCMIG-EXP-013': {
    category: 'InvalidArgument',
    title: 'The -Scope parameter does not apply to -Level User.',
    hint: '-Level User exports every principal of the pool; -Scope selects categories and rooms. Leave -Scope out, or use -Level RoomDirectory or All.',
  },
});

export type ExpErrorId = keyof typeof expErrors.definitions;
