import { defineErrorCatalog } from '../errors/define-error-catalog.js';

/** Errors about opening and using a pool's database. Documented in docs/errors.md. */
export const dbErrors = defineErrorCatalog('DB', {
  'PCMIG-DB-001': {
    category: 'InvalidArgument',
    title: 'The -DBInstance value cannot be parsed.',
    hint: 'Use host\\instance, host,port or host for SQL Server (with -DBName), or a path ending .db/.sqlite (or sqlite:<path>) for the embedded database.',
  },
  'PCMIG-DB-002': {
    category: 'ObjectNotFound',
    title: 'The embedded database file does not exist.',
    hint: 'Check the path given to -DBInstance. pcmig never creates a source or target database implicitly.',
  },
  'PCMIG-DB-003': {
    category: 'ConnectionError',
    title: 'The SQL Server instance cannot be reached.',
    hint: 'Check the host, instance name or port, that SQL Server Browser runs for named instances, and the firewall.',
  },
  'PCMIG-DB-004': {
    category: 'InvalidData',
    title: 'The database does not have the schema of a Group Chat or Persistent Chat pool.',
    hint: 'Point -DBInstance/-DBName at the pool database itself (Persistent Chat: mgc). The reason lists what is missing.',
  },
  'PCMIG-DB-005': {
    category: 'NotImplemented',
    title: 'The database has a schema version newer than this pcmig supports.',
    hint: 'Use a pcmig release that supports this version, or export from the original product.',
  },
  'PCMIG-DB-006': {
    category: 'ResourceBusy',
    title: 'The database is locked by another process.',
    hint: 'Stop the Group Chat / Persistent Chat services and any other tool using the database, then retry.',
  },
  'PCMIG-DB-007': {
    category: 'AuthenticationError',
    title: 'SQL Server refused the credentials.',
    hint: 'Check PCMIG_SQL_USER / PCMIG_SQL_PASSWORD (or PCMIG_SQL_DOMAIN for NTLM). Passwords are never logged.',
  },
  'PCMIG-DB-008': {
    category: 'InvalidArgument',
    title: 'The database is of the wrong kind for this operation.',
    hint: 'Export reads a Group Chat or Persistent Chat database; Import writes only into a Persistent Chat database.',
  },
  'PCMIG-DB-009': {
    category: 'InvalidData',
    title: 'The file is not a readable database.',
    hint: 'The file is damaged or is not an SQLite database. Restore it from the backup taken before the migration.',
  },
  'PCMIG-DB-010': {
    category: 'ResourceExists',
    title: 'The database already holds tables; the schema is only created on an empty database.',
    hint: 'Use an empty database (or a new file) when creating a pool schema.',
  },
  'PCMIG-DB-011': {
    category: 'InvalidOperation',
    title: 'A database statement failed.',
    hint: 'The cause names the failing statement. Nothing was committed by the failed transaction.',
  },
  'PCMIG-DB-012': {
    category: 'ObjectNotFound',
    title: 'The database does not exist on the SQL Server instance.',
    hint: 'Check -DBName (the Persistent Chat content database is mgc).',
  },
  'PCMIG-DB-013': {
    category: 'InvalidData',
    title: 'A value in the database is outside the range pcmig can carry.',
    hint: 'The reason names the table, column and value. Correct the row in the source, from a backup copy.',
  },
  'PCMIG-DB-014': {
    category: 'PermissionDenied',
    title: 'The database cannot be written.',
    hint: 'Check file permissions (embedded) or the login\'s rights (SQL Server).',
  },
});
