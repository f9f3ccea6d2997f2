import { describe, expect, it } from 'vitest';
import { sqliteDialect } from '../sqlite/sqlite-dialect.js';
import { chatTable, legacyNodeTable } from './persistent-chat-tables.js';

describe('SQLite DDL', () => {
  it('holds SQLite to SQL Server limits with STRICT tables and CHECKs', () => {
    const [create] = sqliteDialect.createTable(legacyNodeTable);
    expect(create).toMatch(/\) STRICT$/);
    expect(create).toContain('"nodeName" TEXT NOT NULL CHECK (length("nodeName") <= 256)');
    expect(create).toContain('"nodeType" INTEGER NOT NULL CHECK ("nodeType" IN (0, 1))');
    expect(create).toContain('"nodeGuid" TEXT NOT NULL CHECK (length("nodeGuid") = 36)');
    expect(create).toContain('FOREIGN KEY ("parentID") REFERENCES "tblNode" ("nodeID")');
  });

  it('keeps tblChat\'s key in a separate index, so bulk loads can rebuild it', () => {
    const statements = sqliteDialect.createTable(chatTable(true));
    expect(statements[0]).not.toContain('PRIMARY KEY');
    expect(statements[1]).toBe('CREATE UNIQUE INDEX "PK_tblChat" ON "tblChat" ("channelId", "chatId")');
  });

  it('computes UTC months with floor division', () => {
    expect(sqliteDialect.ticksToMonth('x')).toContain("strftime('%Y-%m'");
  });
});
