import type { ParameterSpec } from '../definition/parameter-spec.js';

/**
 * Parameters shared by the cmdlets that read a Persistent Chat database. pcmig does not run on a
 * Lync server, so where Microsoft's cmdlet finds the pool's database from the topology, pcmig is
 * told with -DBInstance (+ -DBName), the way Export/Import-CsPersistentChatData are.
 */

/** What -DBInstance takes, in the words of every cmdlet that has one. */
const DATABASE_FORMS =
  'a SQL Server instance (host\\instance, host,port or host; credentials from PCMIG_SQL_USER / PCMIG_SQL_PASSWORD, or integrated) or an embedded database file (a path ending .db/.sqlite, or sqlite:<path>)';

/** -DBInstance, required, for `which` database (e.g. "The source database"), and what else its help says. */
export function databaseInstance(which: string, more = '') {
  return { type: 'String', mandatory: true, notNullOrEmpty: true, description: `${which}: ${DATABASE_FORMS}.${more}` } as const satisfies ParameterSpec;
}

/** -DBInstance of the cmdlets whose Microsoft counterparts take none (a pcmig extension): the Persistent Chat database they read. */
export const DB_INSTANCE = {
  ...databaseInstance('The Persistent Chat database to read', ' A relative path is taken from the current location.'),
  extension: true,
} as const satisfies ParameterSpec;

export const DB_NAME = {
  type: 'String',
  notNullOrEmpty: true,
  extension: true,
  description: 'The database on the SQL Server instance (default: mgc, the Persistent Chat content database). Ignored for an embedded database file.',
} as const satisfies ParameterSpec;

export const POOL_FQDN = {
  type: 'String',
  notNullOrEmpty: true,
  description:
    'The FQDN of the Persistent Chat pool the database belongs to. The database does not record it, so pcmig uses it to build identities (<PersistentChatPoolFqdn>\\<Name>) and to check the pool part of -Identity; without it, identities are bare names.',
} as const satisfies ParameterSpec;

export const AS_OBJECT = {
  type: 'SwitchParameter',
  description: 'Shows principals by their Active Directory display names instead of their SIP addresses (or distinguished names, for groups and organizational units).',
} as const satisfies ParameterSpec;
