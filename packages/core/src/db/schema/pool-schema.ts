import { LEGACY_FLAVOURS, type LegacyFlavour, type SourceFlavour } from '../../model/constants.js';
import type { SqlConnection } from '../connection.js';
import { dbErrors } from '../errors.js';
import { describeLocation } from '../instance.js';
import { LEGACY_SCHEMA_VERSIONS, VERSION_COMPONENT, legacyTables } from './legacy-tables.js';
import { PERSISTENT_CHAT_TABLES } from './persistent-chat-tables.js';
import type { TableDef } from './table.js';

export function tablesFor(flavour: SourceFlavour): readonly TableDef[] {
  return flavour === 'pc2013' ? PERSISTENT_CHAT_TABLES : legacyTables(flavour);
}

export function isLegacyFlavour(flavour: SourceFlavour): flavour is LegacyFlavour {
  return (LEGACY_FLAVOURS as readonly string[]).includes(flavour);
}

/** Every statement that creates a pool schema on an empty database, in order. */
export function schemaStatements(connection: Pick<SqlConnection, 'dialect'>, flavour: SourceFlavour): string[] {
  const tables = tablesFor(flavour);
  return [
    ...tables.flatMap((table) => connection.dialect.createTable(table)),
    ...tables.flatMap((table) => connection.dialect.createDeferredConstraints(table)),
  ];
}

/** Creates the tables (and their fixed rows) of a pool database. The database must be empty. */
export async function createPoolSchema(connection: SqlConnection, flavour: SourceFlavour): Promise<void> {
  const existing = await connection.tableNames();
  if (existing.length > 0) {
    throw dbErrors.create('PCMIG-DB-010', {
      message: `${describeLocation(connection.location)} already has ${existing.length} table(s).`,
      reason: { tables: existing.slice(0, 20) },
    });
  }
  await connection.transaction(async () => {
    await connection.executeScript(schemaStatements(connection, flavour));
    for (const table of tablesFor(flavour)) {
      if (table.seed) await connection.insertMany(table, table.seed.columns, table.seed.rows);
    }
  });
}

export interface DetectedSchema {
  readonly flavour: SourceFlavour;
  /** tblVersion's number for Group Chat databases; null for Persistent Chat (it has no tblVersion). */
  readonly version: string | null;
}

/**
 * Tells a Group Chat database from a Persistent Chat one and checks that every table and column
 * pcmig reads is there. Extra tables and columns are fine (Microsoft says column lists may grow).
 */
export async function detectPoolSchema(connection: SqlConnection): Promise<DetectedSchema> {
  const where = describeLocation(connection.location);
  const tables = new Map((await connection.tableNames()).map((name) => [name.toLowerCase(), name]));
  let detected: DetectedSchema;
  const versionTable = tables.get('tblversion');
  if (versionTable) {
    const rows = await connection.query<{ versionNumber: string }>(
      'SELECT versionNumber FROM tblVersion WHERE versionComponent = @component',
      { component: VERSION_COMPONENT },
    );
    const version = rows[0]?.versionNumber;
    const major = version === undefined ? Number.NaN : Number(version.split('.')[0]);
    const flavour = (Object.entries(LEGACY_SCHEMA_VERSIONS) as [LegacyFlavour, string][]).find(
      ([, known]) => Number(known.split('.')[0]) === major,
    )?.[0];
    if (!flavour) {
      const newest = Math.max(...Object.values(LEGACY_SCHEMA_VERSIONS).map((v) => Number(v.split('.')[0])));
      if (major > newest) {
        throw dbErrors.create('PCMIG-DB-005', {
          message: `${where} has Group Chat schema version ${version}; pcmig reads versions 3.x (OCS 2007 R2) and 4.x (Lync Server 2010).`,
          reason: { version },
        });
      }
      throw dbErrors.create('PCMIG-DB-004', {
        message: `${where} has a tblVersion without a recognised ${VERSION_COMPONENT} row (found ${version ?? 'none'}).`,
        reason: { version: version ?? null },
      });
    }
    detected = { flavour, version: version ?? null };
  } else if (tables.has('tblnode')) {
    detected = { flavour: 'pc2013', version: null };
  } else {
    throw dbErrors.create('PCMIG-DB-004', {
      message: `${where} has no tblNode: it is not a Group Chat or Persistent Chat database.`,
      reason: { tables: [...tables.values()].slice(0, 20) },
    });
  }

  const missingTables: string[] = [];
  const missingColumns: string[] = [];
  for (const table of tablesFor(detected.flavour)) {
    const actual = tables.get(table.name.toLowerCase());
    if (!actual) {
      missingTables.push(table.name);
      continue;
    }
    const columns = new Set((await connection.columnNames(actual)).map((c) => c.toLowerCase()));
    for (const column of table.columns) {
      if (!columns.has(column.name.toLowerCase())) missingColumns.push(`${table.name}.${column.name}`);
    }
  }
  if (missingTables.length > 0 || missingColumns.length > 0) {
    throw dbErrors.create('PCMIG-DB-004', {
      message: `${where} looks like a ${detected.flavour} database but lacks ${[...missingTables, ...missingColumns].slice(0, 8).join(', ')}${missingTables.length + missingColumns.length > 8 ? ', …' : ''}.`,
      reason: { flavour: detected.flavour, missingTables, missingColumns },
    });
  }
  return detected;
}
