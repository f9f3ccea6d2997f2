import type { SqlDialect } from '../connection.js';
import type { TableDef } from '../schema/table.js';

/**
 * The SELECT list of a table, from its definition (no second copy of column lists). bigint
 * columns come back as decimal text on both engines, so ticks stay exact.
 */
export function selectList(dialect: SqlDialect, table: TableDef, alias?: string): string {
  const prefix = alias ? `${alias}.` : '';
  return table.columns
    .map((column) => {
      const name = `${prefix}${dialect.quote(column.name)}`;
      return column.type.kind === 'bigint' ? `${dialect.bigintAsText(name)} AS ${dialect.quote(column.name)}` : name;
    })
    .join(', ');
}

export function columnNames(table: TableDef): string[] {
  return table.columns.map((column) => column.name);
}
