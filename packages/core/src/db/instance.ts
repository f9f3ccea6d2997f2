import path from 'node:path';
import { dbErrors } from './errors.js';

/** Where a pool database lives, parsed from a -DBInstance (+ -DBName) value. */
export type DbLocation =
  | { readonly engine: 'sqlite'; readonly path: string }
  | {
      readonly engine: 'mssql';
      readonly server: string;
      readonly instanceName?: string;
      readonly port?: number;
      readonly database: string;
    };

/** The Persistent Chat content database name; the only one Microsoft documents. */
export const DEFAULT_DB_NAME = 'mgc';

const SQLITE_EXTENSIONS = ['.db', '.sqlite', '.sqlite3'];
const HOST_PATTERN = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV4_PATTERN = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const INSTANCE_PATTERN = /^[A-Za-z_][A-Za-z0-9_$#]{0,15}$/;
const DB_NAME_PATTERN = /^[^\0\][;]{1,128}$/;

/**
 * Parses -DBInstance the way Microsoft's cmdlets take it (`host\instance`, `host,port`, `host`)
 * and pcmig's embedded form (a path ending .db/.sqlite, or `sqlite:<path>`).
 */
export function parseDbInstance(dbInstance: string, dbName?: string): DbLocation {
  const text = dbInstance.trim();
  const fail = (why: string) =>
    dbErrors.create('PCMIG-DB-001', { message: `-DBInstance '${dbInstance}' cannot be parsed: ${why}.`, target: dbInstance });

  if (text === '') throw fail('it is empty');

  if (/^sqlite:/i.test(text)) {
    const file = text.slice('sqlite:'.length);
    if (file === '') throw fail('sqlite: needs a file path');
    return { engine: 'sqlite', path: path.resolve(file) };
  }
  if (SQLITE_EXTENSIONS.some((ext) => text.toLowerCase().endsWith(ext)) || text.includes('/')) {
    if (!SQLITE_EXTENSIONS.some((ext) => text.toLowerCase().endsWith(ext))) {
      throw fail('a file path must end with .db, .sqlite or .sqlite3 (or use sqlite:<path>)');
    }
    return { engine: 'sqlite', path: path.resolve(text) };
  }

  const database = dbName?.trim() || DEFAULT_DB_NAME;
  if (!DB_NAME_PATTERN.test(database)) throw fail(`-DBName '${dbName}' is not a valid database name`);

  const comma = text.indexOf(',');
  const backslash = text.indexOf('\\');
  if (comma >= 0 && backslash >= 0) throw fail('give either host\\instance or host,port, not both');

  if (comma >= 0) {
    const host = text.slice(0, comma).trim();
    const portText = text.slice(comma + 1).trim();
    assertHost(host, fail);
    if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
      throw fail(`'${portText}' is not a TCP port`);
    }
    return { engine: 'mssql', server: host, port: Number(portText), database };
  }
  if (backslash >= 0) {
    const host = text.slice(0, backslash).trim();
    const instanceName = text.slice(backslash + 1).trim();
    assertHost(host, fail);
    if (!INSTANCE_PATTERN.test(instanceName)) throw fail(`'${instanceName}' is not a SQL Server instance name`);
    return { engine: 'mssql', server: host, instanceName, database };
  }
  assertHost(text, fail);
  return { engine: 'mssql', server: text, database };
}

function assertHost(host: string, fail: (why: string) => Error): void {
  if (host === '.' || host.toLowerCase() === '(local)') return;
  if (IPV4_PATTERN.test(host)) {
    if (host.split('.').every((octet) => Number(octet) <= 255)) return;
    throw fail(`'${host}' is not an IPv4 address`);
  }
  if (!HOST_PATTERN.test(host)) throw fail(`'${host}' is not a host name`);
}

/** A description of the location that is safe for logs and reports (never holds credentials). */
export function describeLocation(location: DbLocation): string {
  if (location.engine === 'sqlite') return `sqlite:${location.path}`;
  const server =
    location.instanceName !== undefined
      ? `${location.server}\\${location.instanceName}`
      : location.port !== undefined
        ? `${location.server},${location.port}`
        : location.server;
  return `mssql:${server}/${location.database}`;
}
