import sql from 'mssql';
import type { SqlValue } from '../connection.js';
import type { ColumnType } from '../schema/table.js';

/** The mssql parameter type for a JavaScript value (values are always bound, never spliced). */
export function parameterFor(value: SqlValue | undefined): { type: sql.ISqlType | (() => sql.ISqlType); value: unknown } {
  if (value === undefined || value === null) return { type: sql.NVarChar(sql.MAX), value: null };
  if (typeof value === 'boolean') return { type: sql.Bit, value };
  if (typeof value === 'bigint') return { type: sql.BigInt, value: value.toString() };
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return { type: value >= -2147483648 && value <= 2147483647 ? sql.Int : sql.BigInt, value };
    return { type: sql.Float, value };
  }
  if (typeof value === 'string') return { type: sql.NVarChar(sql.MAX), value };
  if (value instanceof Date) return { type: sql.DateTime2(7), value };
  return { type: sql.VarBinary(sql.MAX), value };
}

/** The mssql column type for a declared column (bulk loads need exact types). */
export function bulkColumnType(type: ColumnType): sql.ISqlType | (() => sql.ISqlType) {
  switch (type.kind) {
    case 'int':
      return sql.Int;
    case 'smallint':
      return sql.SmallInt;
    case 'bigint':
      return sql.BigInt;
    case 'bit':
      return sql.Bit;
    case 'guid':
      return sql.UniqueIdentifier;
    case 'nvarchar':
      return sql.NVarChar(type.length === 'max' ? sql.MAX : type.length);
    case 'varchar':
      return sql.VarChar(type.length === 'max' ? sql.MAX : type.length);
    case 'datetime':
      return sql.DateTime;
    case 'datetime2':
      return sql.DateTime2(7);
    case 'smalldatetime':
      return sql.SmallDateTime;
    case 'image':
      return sql.Image;
  }
}

/** Bulk-load values: bigint as string (tedious), everything else as is. */
export function bulkValue(value: SqlValue | undefined): unknown {
  if (value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  return value;
}
