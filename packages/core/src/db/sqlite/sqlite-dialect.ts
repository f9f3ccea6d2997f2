import type { SqlDialect } from '../connection.js';
import { primaryKeyIndexName, type ColumnDef, type TableDef } from '../schema/table.js';
import { UNIX_EPOCH_TICKS, TICKS_PER_SECOND } from '../../model/ticks.js';

function quote(identifier: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(identifier)) throw new Error(`Unsafe identifier ${identifier}`);
  return `"${identifier}"`;
}

/** SQLite STRICT storage class, with CHECKs that hold SQLite to SQL Server's limits. */
function columnSql(column: ColumnDef): string {
  const name = quote(column.name);
  const checks: string[] = [];
  let storage: string;
  switch (column.type.kind) {
    case 'int':
      storage = 'INTEGER';
      checks.push(`${name} BETWEEN -2147483648 AND 2147483647`);
      break;
    case 'smallint':
      storage = 'INTEGER';
      checks.push(`${name} BETWEEN -32768 AND 32767`);
      break;
    case 'bigint':
      storage = 'INTEGER';
      break;
    case 'bit':
      storage = 'INTEGER';
      checks.push(`${name} IN (0, 1)`);
      break;
    case 'guid':
      storage = 'TEXT';
      checks.push(`length(${name}) = 36`);
      break;
    case 'nvarchar':
    case 'varchar':
      storage = 'TEXT';
      if (column.type.length !== 'max') checks.push(`length(${name}) <= ${column.type.length}`);
      break;
    case 'datetime':
    case 'datetime2':
    case 'smalldatetime':
      storage = 'TEXT';
      break;
    case 'image':
      storage = 'BLOB';
      break;
  }
  return [name, storage, column.nullable ? '' : 'NOT NULL', ...checks.map((c) => `CHECK (${c})`)].filter(Boolean).join(' ');
}

export const sqliteDialect: SqlDialect = {
  engine: 'sqlite',
  quote,
  createTable(table: TableDef): string[] {
    const parts = table.columns.map(columnSql);
    if (table.primaryKey && !table.primaryKeyAsIndex) parts.push(`PRIMARY KEY (${table.primaryKey.map(quote).join(', ')})`);
    for (const fk of table.foreignKeys ?? []) {
      parts.push(`FOREIGN KEY (${fk.columns.map(quote).join(', ')}) REFERENCES ${quote(fk.table)} (${fk.references.map(quote).join(', ')})`);
    }
    const statements = [`CREATE TABLE ${quote(table.name)} (\n  ${parts.join(',\n  ')}\n) STRICT`];
    if (table.primaryKey && table.primaryKeyAsIndex) {
      statements.push(this.createIndex(table, { name: primaryKeyIndexName(table), columns: table.primaryKey, unique: true }));
    }
    for (const index of table.indexes ?? []) statements.push(this.createIndex(table, index));
    return statements;
  },
  createDeferredConstraints(): string[] {
    return []; // SQLite declares foreign keys inline and checks them at write time.
  },
  createIndex(table, index) {
    return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quote(index.name)} ON ${quote(table.name)} (${index.columns.map(quote).join(', ')})`;
  },
  dropIndex(_table, indexName) {
    return `DROP INDEX IF EXISTS ${quote(indexName)}`;
  },
  insert(table, columns) {
    return `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
  },
  upsert(table, keyColumns, columns) {
    const updates = columns.filter((c) => !keyColumns.includes(c));
    const action = updates.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${updates.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}`;
    return `${this.insert(table, columns)} ON CONFLICT (${keyColumns.map(quote).join(', ')}) ${action}`;
  },
  bigintAsText(expression) {
    return `CAST(${expression} AS TEXT)`;
  },
  ticksToMonth(expression) {
    // Floor division so that instants before 1970 fall into the right second.
    const offset = `(${expression} - ${UNIX_EPOCH_TICKS})`;
    const seconds = `(${offset} / ${TICKS_PER_SECOND} - (${offset} % ${TICKS_PER_SECOND} < 0))`;
    return `strftime('%Y-%m', ${seconds}, 'unixepoch')`;
  },
  selectTop(count, rest) {
    if (!Number.isSafeInteger(count) || count < 0) throw new Error(`Bad row count ${count}`);
    return `SELECT ${rest} LIMIT ${count}`;
  },
};
