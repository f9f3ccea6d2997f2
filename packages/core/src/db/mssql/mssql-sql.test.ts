import sql from 'mssql';
import { describe, expect, it } from 'vitest';
import { schemaStatements } from '../schema/pool-schema.js';
import { PERSISTENT_CHAT_TABLES, chatTable } from '../schema/persistent-chat-tables.js';
import { legacyNodeTable } from '../schema/persistent-chat-tables.js';
import { mssqlDialect } from './mssql-dialect.js';
import { BACKUP_STATEMENT, mssqlConfig, translateMssqlError, withDatabase } from './mssql-connection.js';
import { parameterFor } from './mssql-types.js';

describe('SQL Server DDL', () => {
  it('renders tables with SQL Server types, nullability and a clustered key', () => {
    const [create] = mssqlDialect.createTable(legacyNodeTable);
    expect(create).toContain('CREATE TABLE [dbo].[tblNode]');
    expect(create).toContain('[nodeGuid] uniqueidentifier NOT NULL');
    expect(create).toContain('[topic] nvarchar(256) NOT NULL');
    expect(create).toContain('[visibility] smallint NULL');
    expect(create).toContain('[nodeAddedOn] bigint NOT NULL');
    expect(create).toContain('CONSTRAINT [PK_tblNode] PRIMARY KEY CLUSTERED ([nodeID])');
    const chat = mssqlDialect.createTable(chatTable(true))[0]!;
    expect(chat).toContain('[content] nvarchar(max) NOT NULL');
    expect(chat).toContain('[rtf] varchar(max) NULL');
    expect(chat).toContain('PRIMARY KEY CLUSTERED ([channelId], [chatId])');
  });

  it('adds foreign keys after every table and alternate key exists', () => {
    const statements = schemaStatements({ dialect: mssqlDialect }, 'pc2013');
    const firstAlter = statements.findIndex((s) => s.startsWith('ALTER TABLE'));
    const lastCreate = statements.map((s) => s.startsWith('CREATE')).lastIndexOf(true);
    expect(firstAlter).toBeGreaterThan(lastCreate);
    expect(statements).toContain(
      'ALTER TABLE [dbo].[tblFileToken] ADD CONSTRAINT [FK_tblFileToken_fileTokenChannelID] FOREIGN KEY ([fileTokenChannelID]) REFERENCES [dbo].[tblNode] ([nodeGuid])',
    );
    expect(statements).toContain('CREATE UNIQUE NONCLUSTERED INDEX [UX_tblNode_nodeGuid] ON [dbo].[tblNode] ([nodeGuid])');
    expect(statements.filter((s) => s.startsWith('CREATE TABLE'))).toHaveLength(PERSISTENT_CHAT_TABLES.length);
  });

  it('refuses identifiers that could inject SQL', () => {
    expect(() => mssqlDialect.quote('tbl]; DROP TABLE x;--')).toThrow(/Unsafe identifier/);
  });
});

describe('SQL Server statements', () => {
  it('upserts with MERGE over bound parameters only', () => {
    const text = mssqlDialect.upsert('tblLastChatId', ['nodeID'], ['nodeID', 'lastChatID']);
    expect(text).toBe(
      'MERGE [dbo].[tblLastChatId] WITH (HOLDLOCK) AS t USING (SELECT @nodeID AS [nodeID], @lastChatID AS [lastChatID]) AS s ON t.[nodeID] = s.[nodeID] ' +
        'WHEN MATCHED THEN UPDATE SET t.[lastChatID] = s.[lastChatID] WHEN NOT MATCHED THEN INSERT ([nodeID], [lastChatID]) VALUES (s.[nodeID], s.[lastChatID]);',
    );
  });

  it('converts ticks to a UTC month with whole days (no overflow of DATEADD)', () => {
    expect(mssqlDialect.ticksToMonth('c.chatDate')).toBe(
      "CONVERT(char(7), DATEADD(day, CAST(c.chatDate / 864000000000 AS int), CAST('0001-01-01' AS datetime2)), 126)",
    );
    expect(mssqlDialect.bigintAsText('x')).toBe('CAST(x AS varchar(20))');
    expect(mssqlDialect.selectTop(5, 'a FROM b')).toBe('SELECT TOP (5) a FROM b');
  });

  it('backs up COPY_ONLY with the database and path as parameters', () => {
    expect(BACKUP_STATEMENT).toBe('BACKUP DATABASE @database TO DISK = @path WITH COPY_ONLY, INIT, CHECKSUM');
  });

  it('binds every JavaScript value with a matching SQL type', () => {
    expect(parameterFor(5).type).toBe(sql.Int);
    expect(parameterFor(2 ** 40).type).toBe(sql.BigInt);
    expect(parameterFor(633979008000000000n)).toEqual({ type: sql.BigInt, value: '633979008000000000' });
    expect(parameterFor(true).type).toBe(sql.Bit);
    expect(parameterFor(null).value).toBeNull();
  });
});

describe('SQL Server connection settings', () => {
  it('uses the instance name or the port, TLS on by default', () => {
    const named = mssqlConfig({ engine: 'mssql', server: 'sql01', instanceName: 'rtc', database: 'mgc' }, { user: 'u', password: 'p' });
    expect(named.options).toMatchObject({ instanceName: 'rtc', encrypt: true, trustServerCertificate: false });
    expect(named.database).toBe('mgc');
    const port = mssqlConfig({ engine: 'mssql', server: '.', port: 14330, database: 'GroupChat' }, { domain: 'CONTOSO', user: 'u', password: 'p' });
    expect(port).toMatchObject({ server: 'localhost', port: 14330 });
    expect(port.authentication).toMatchObject({ type: 'ntlm' });
  });

  it('maps driver failures to stable ids without the password', () => {
    const where = { engine: 'mssql', server: 'sql01', database: 'mgc' } as const;
    const login = translateMssqlError(Object.assign(new Error("Login failed for user 'sa'."), { code: 'ELOGIN' }), where);
    expect(login.message).toMatch(/^PCMIG-DB-007/);
    expect(translateMssqlError(Object.assign(new Error('x'), { code: 'ESOCKET' }), where).message).toMatch(/^PCMIG-DB-003/);
    expect(translateMssqlError(Object.assign(new Error('x'), { code: 'ELOGIN', number: 4060 }), where).message).toMatch(/^PCMIG-DB-012/);
    expect(translateMssqlError(Object.assign(new Error('x'), { number: 1222 }), where).message).toMatch(/^PCMIG-DB-006/);
    expect(translateMssqlError(new Error('x'), where, 'SELECT 1').message).toMatch(/^PCMIG-DB-011/);
  });

  it('sets the database of a test connection string', () => {
    expect(withDatabase('Server=localhost,1433;Database=master;User Id=sa', 'pcmig')).toBe('Server=localhost,1433;User Id=sa;Database=pcmig');
  });
});
