import { describe, it } from 'vitest';
import { describeRepositoryContract } from '../../test-support/repository-contract.js';
import { mssqlFactory } from '../../test-support/pool-factories.js';

const connectionString = process.env.PCMIG_TEST_MSSQL;

if (connectionString) {
  describe('repositories on live SQL Server (PCMIG_TEST_MSSQL)', () => {
    describeRepositoryContract(() => mssqlFactory(connectionString));
  });
} else {
  describe('repositories on live SQL Server', () => {
    it.skip('skipped: set PCMIG_TEST_MSSQL to a SQL Server connection string (with CREATE DATABASE rights) to run the contract suite against SQL Server', () => undefined);
  });
}
