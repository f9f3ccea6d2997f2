import { describe } from 'vitest';
import { describeRepositoryContract } from '../../test-support/repository-contract.js';
import { sqliteFactory } from '../../test-support/pool-factories.js';

describe('repositories on embedded SQLite', () => {
  describeRepositoryContract(sqliteFactory);
});
