import type { SqlDialect } from '../connection.js';
import { TICKS_PER_DAY } from '../../model/ticks.js';
import type { ColumnDef, ColumnType, TableDef } from '../schema/table.js';

function quote(identifier: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(identifier)) throw new Error(`Unsafe identifier ${identifier}`);
  return `[${identifier}]`;
}

const qualified = (table: string) => `[dbo].${quote(table)}`;

export function mssqlType(type: ColumnType): string {
  switch (type.kind) {
    case 'guid':
      return 'uniqueidentifier';
    case 'nvarchar':
    case 'varchar':
      return `${type.kind}(${type.length})`;
    default:
      return type.kind;
  }
}

function columnSql(column: ColumnDef): string {
  return `${quote(column.name)} ${mssqlType(column.type)} ${column.nullable ? 'NULL' : 'NOT NULL'}`;
}

export const mssqlDialect: SqlDialect = {
  engine: 'mssql',
  quote,
  createTable(table: TableDef): string[] {
    const parts = table.columns.map(columnSql);
    if (table.primaryKey) {
      parts.push(`CONSTRAINT ${quote(`PK_${table.name}`)} PRIMARY KEY CLUSTERED (${table.primaryKey.map(quote).join(', ')})`);
    }
    const statements = [`CREATE TABLE ${qualified(table.name)} (\n  ${parts.join(',\n  ')}\n)`];
    for (const index of table.indexes ?? []) statements.push(this.createIndex(table, index));
    return statements;
  },
  createDeferredConstraints(table: TableDef): string[] {
    return (table.foreignKeys ?? []).map(
      (fk) =>
        `ALTER TABLE ${qualified(table.name)} ADD CONSTRAINT ${quote(`FK_${table.name}_${fk.columns.join('_')}`)} ` +
        `FOREIGN KEY (${fk.columns.map(quote).join(', ')}) REFERENCES ${qualified(fk.table)} (${fk.references.map(quote).join(', ')})`,
    );
  },
  createIndex(table, index) {
    return `CREATE ${index.unique ? 'UNIQUE ' : ''}NONCLUSTERED INDEX ${quote(index.name)} ON ${qualified(table.name)} (${index.columns.map(quote).join(', ')})`;
  },
  dropIndex(table, indexName) {
    return `DROP INDEX IF EXISTS ${quote(indexName)} ON ${qualified(table.name)}`;
  },
  insert(table, columns) {
    return `INSERT INTO ${qualified(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
  },
  upsert(table, keyColumns, columns) {
    const updates = columns.filter((c) => !keyColumns.includes(c));
    const source = columns.map((c) => `@${c} AS ${quote(c)}`).join(', ');
    const on = keyColumns.map((c) => `t.${quote(c)} = s.${quote(c)}`).join(' AND ');
    const matched = updates.length === 0 ? '' : ` WHEN MATCHED THEN UPDATE SET ${updates.map((c) => `t.${quote(c)} = s.${quote(c)}`).join(', ')}`;
    return (
      `MERGE ${qualified(table)} WITH (HOLDLOCK) AS t USING (SELECT ${source}) AS s ON ${on}${matched} ` +
      `WHEN NOT MATCHED THEN INSERT (${columns.map(quote).join(', ')}) VALUES (${columns.map((c) => `s.${quote(c)}`).join(', ')});`
    );
  },
  bigintAsText(expression) {
    return `CAST(${expression} AS varchar(20))`;
  },
  ticksToMonth(expression) {
    // Ticks are non-negative, so integer division floors; whole days fit in int (max 3,652,058).
    return `CONVERT(char(7), DATEADD(day, CAST(${expression} / ${TICKS_PER_DAY} AS int), CAST('0001-01-01' AS datetime2)), 126)`;
  },
  selectTop(count, rest) {
    if (!Number.isSafeInteger(count) || count < 0) throw new Error(`Bad row count ${count}`);
    return `SELECT TOP (${count}) ${rest}`;
  },
};
