import crypto from 'node:crypto';
import { openPool } from '@pcmig/core';

/**
 * A digest of a pool database's content: every table, every row, in a fixed order. Two files
 * with the same content (an online backup and its original) have the same digest even when their
 * pages differ.
 */
export async function databaseDigest(dbInstance: string): Promise<string> {
  const pool = await openPool({ dbInstance, access: 'read' });
  try {
    const hash = crypto.createHash('sha256');
    for (const table of (await pool.connection.tableNames()).sort()) {
      const columns = await pool.connection.columnNames(table);
      const order = columns.map((c) => pool.connection.dialect.quote(c)).join(', ');
      hash.update(`\u0000${table}\u0000`);
      for await (const rows of pool.connection.stream<Record<string, unknown>>(`SELECT * FROM ${pool.connection.dialect.quote(table)} ORDER BY ${order}`)) {
        for (const row of rows) hash.update(JSON.stringify(columns.map((c) => (typeof row[c] === 'bigint' ? String(row[c]) : row[c]))));
      }
    }
    return hash.digest('hex');
  } finally {
    await pool.close();
  }
}
