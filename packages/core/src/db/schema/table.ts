/**
 * Engine-neutral table definitions. Each engine's dialect renders them as DDL; the same
 * definitions drive schema detection (introspection) and typed bulk inserts, so a column is
 * declared once for SQLite and SQL Server alike.
 */

export type ColumnType =
  | { readonly kind: 'int' }
  | { readonly kind: 'smallint' }
  | { readonly kind: 'bigint' }
  | { readonly kind: 'bit' }
  | { readonly kind: 'guid' }
  | { readonly kind: 'nvarchar'; readonly length: number | 'max' }
  | { readonly kind: 'varchar'; readonly length: number | 'max' }
  | { readonly kind: 'datetime' }
  | { readonly kind: 'datetime2' }
  | { readonly kind: 'smalldatetime' }
  | { readonly kind: 'image' };

export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
}

export interface ForeignKeyDef {
  readonly columns: readonly string[];
  readonly table: string;
  readonly references: readonly string[];
}

export interface IndexDef {
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique: boolean;
}

export interface TableDef {
  readonly name: string;
  readonly columns: readonly ColumnDef[];
  readonly primaryKey?: readonly string[];
  /**
   * Render the primary key as a separate unique index on SQLite, so that a bulk load can drop it
   * and rebuild it afterwards (tblChat). SQL Server keeps a real PRIMARY KEY constraint.
   */
  readonly primaryKeyAsIndex?: boolean;
  readonly foreignKeys?: readonly ForeignKeyDef[];
  readonly indexes?: readonly IndexDef[];
  readonly seed?: { readonly columns: readonly string[]; readonly rows: readonly (readonly SeedValue[])[] };
}

export type SeedValue = string | number | bigint | boolean | null;

// Small constructors keep the table lists readable.
export const int = { kind: 'int' } as const;
export const smallint = { kind: 'smallint' } as const;
export const bigint = { kind: 'bigint' } as const;
export const bit = { kind: 'bit' } as const;
export const guid = { kind: 'guid' } as const;
export const datetime = { kind: 'datetime' } as const;
export const datetime2 = { kind: 'datetime2' } as const;
export const smalldatetime = { kind: 'smalldatetime' } as const;
export const image = { kind: 'image' } as const;
export const nvarchar = (length: number | 'max') => ({ kind: 'nvarchar', length }) as const;
export const varchar = (length: number | 'max') => ({ kind: 'varchar', length }) as const;

export const col = (name: string, type: ColumnType, nullable = false): ColumnDef => ({ name, type, nullable });
export const nullableCol = (name: string, type: ColumnType): ColumnDef => ({ name, type, nullable: true });

export function columnOf(table: TableDef, name: string): ColumnDef {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new Error(`${table.name} has no column ${name}`);
  return column;
}

/** The name of the index that carries a primary key rendered as an index (see primaryKeyAsIndex). */
export function primaryKeyIndexName(table: TableDef): string {
  return `PK_${table.name}`;
}
