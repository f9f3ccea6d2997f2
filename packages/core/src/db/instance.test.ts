import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PcmigError } from '../errors/pcmig-error.js';
import { describeLocation, parseDbInstance } from './instance.js';

describe('parseDbInstance', () => {
  it('reads Microsoft forms as SQL Server', () => {
    expect(parseDbInstance('atl-sql-001.litwareinc.com\\rtc')).toEqual({
      engine: 'mssql',
      server: 'atl-sql-001.litwareinc.com',
      instanceName: 'rtc',
      database: 'mgc',
    });
    expect(parseDbInstance('sql01,1433', 'GroupChat')).toEqual({ engine: 'mssql', server: 'sql01', port: 1433, database: 'GroupChat' });
    expect(parseDbInstance('sql01.contoso.com')).toMatchObject({ engine: 'mssql', server: 'sql01.contoso.com', database: 'mgc' });
    expect(parseDbInstance('10.0.0.5\\SQLEXPRESS')).toMatchObject({ server: '10.0.0.5', instanceName: 'SQLEXPRESS' });
  });

  it('reads file paths as the embedded engine', () => {
    expect(parseDbInstance('pools/legacy.db')).toEqual({ engine: 'sqlite', path: path.resolve('pools/legacy.db') });
    expect(parseDbInstance('sqlite:/tmp/x')).toEqual({ engine: 'sqlite', path: '/tmp/x' });
    expect(parseDbInstance('/var/pcmig/target.SQLITE')).toMatchObject({ engine: 'sqlite' });
  });

  it.each([
    ['', 'empty'],
    ['host\\instance,1433', 'both'],
    ['host,99999', 'port'],
    ['host,', 'port'],
    ['host\\', 'instance name'],
    ['-bad-host-', 'host name'],
    ['300.1.1.1', 'IPv4'],
    ['/tmp/pool.txt', 'must end with'],
    ['sqlite:', 'file path'],
  ])('rejects %j with PCMIG-DB-001 (%s)', (value, why) => {
    let error: unknown;
    try {
      parseDbInstance(value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PcmigError);
    expect((error as PcmigError).id).toBe('PCMIG-DB-001');
    expect((error as PcmigError).category).toBe('InvalidArgument');
    expect((error as PcmigError).message).toContain(why);
    expect((error as PcmigError).hint).toMatch(/host\\instance/);
  });

  it('rejects a database name SQL Server cannot hold', () => {
    expect(() => parseDbInstance('sql01', 'a]b')).toThrow(/PCMIG-DB-001/);
  });

  it('describes a location without credentials', () => {
    expect(describeLocation(parseDbInstance('sql01\\rtc', 'mgc'))).toBe('mssql:sql01\\rtc/mgc');
    expect(describeLocation(parseDbInstance('sql01,1433'))).toBe('mssql:sql01,1433/mgc');
  });
});
