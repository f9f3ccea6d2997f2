import { defineErrorCatalog } from '../errors/define-error-catalog.js';

/** Errors of Import-CsPersistentChatData (planner options included). Documented in docs/errors/import.md. */
export const importErrors = defineErrorCatalog('IMP', {
  'PCMIG-IMP-001': {
    category: 'InvalidArgument',
    title: 'Give exactly one source: -FileName, -ByteInput or a source object.',
    hint: 'Pass the .zip written by Export-CsPersistentChatData with -FileName, or its bytes with -ByteInput.',
  },
  'PCMIG-IMP-002': {
    category: 'InvalidOperation',
    title: 'The plan has errors; nothing was imported.',
    hint: 'Run Import-CsPersistentChatData -WhatIf (with -Report for the full list), fix every error in the legacy system or the options, and export again.',
  },
  'PCMIG-IMP-003': {
    category: 'ResourceExists',
    title: 'The backup destination already exists; pcmig never overwrites a backup.',
    hint: 'Give another -BackupPath, or move the existing file away.',
  },
  'PCMIG-IMP-004': {
    category: 'WriteError',
    title: 'The target could not be backed up; nothing was imported.',
    hint: 'Check that the backup folder exists and is writable (for SQL Server: by the SQL Server service account, on the server), or pass -NoBackup after backing up yourself.',
  },
  'PCMIG-IMP-005': {
    category: 'InvalidArgument',
    title: 'An import option has a value pcmig cannot use.',
    hint: 'The message names the option and what it accepts.',
  },
  'PCMIG-IMP-006': {
    category: 'WriteError',
    title: 'The -Report file cannot be written.',
    hint: 'Check that the folder exists and is writable. Nothing else was affected by this error.',
  },
  'PCMIG-IMP-007': {
    category: 'OperationStopped',
    title: 'The import stopped part-way; what was committed is recorded in the import ledger.',
    hint: 'Fix the cause, then run the same import again: it resumes where it stopped and writes nothing twice.',
  },
  'PCMIG-IMP-008': {
    category: 'InvalidData',
    title: 'The source changed between planning and applying.',
    hint: 'Do not change the package or the legacy database during an import. Run the same import again; it resumes.',
  },
});
