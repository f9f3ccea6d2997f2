import { defineErrorCatalog } from '../errors/define-error-catalog.js';

/** Errors of Test-CsPersistentChatMigration. Documented in docs/errors/verify.md. */
export const verifyErrors = defineErrorCatalog('VER', {
  'PCMIG-VER-001': {
    category: 'InvalidArgument',
    title: 'Give exactly one source to compare with: -SourceDBInstance, -FileName, -ByteInput or a source object.',
    hint: 'Compare with the legacy database the package was exported from, or with the package itself.',
  },
  'PCMIG-VER-002': {
    category: 'WriteError',
    title: 'The -Report file cannot be written.',
    hint: 'Check that the folder exists and is writable. The verification result itself is complete.',
  },
});
