import { describe, expect, it } from 'vitest';
import { errno } from '../test-support/trees.js';
import { classifyFailure } from './retry-policy.js';

describe('classifyFailure', () => {
  it('stops the run on a full or read-only destination', () => {
    expect(classifyFailure(errno('ENOSPC'))).toBe('no-space');
    expect(classifyFailure(errno('EDQUOT'))).toBe('no-space');
    expect(classifyFailure(errno('EROFS'))).toBe('read-only');
  });

  it('retries transient errors and unknown ones, not those that cannot heal', () => {
    for (const code of ['EIO', 'EBUSY', 'ETIMEDOUT', 'ECONNRESET', 'ESTALE', 'EMFILE', 'EAGAIN']) expect(classifyFailure(errno(code)), code).toBe('retry');
    expect(classifyFailure(new Error('no code'))).toBe('retry');
    for (const code of ['ENAMETOOLONG', 'EINVAL', 'EISDIR', 'ENOTDIR', 'ENOENT']) expect(classifyFailure(errno(code)), code).toBe('permanent');
  });

  it('retries access denied only on Windows, where virus scanners lock new files briefly', () => {
    expect(classifyFailure(errno('EACCES'), 'linux')).toBe('permanent');
    expect(classifyFailure(errno('EPERM'), 'win32')).toBe('retry');
  });
});
