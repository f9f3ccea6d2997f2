import { describe, expect, it } from 'vitest';
import { PcmigError } from '../errors/index.js';
import { pkgErrors } from '../package/errors.js';
import { errorFromWire, errorToWire } from './thread-errors.js';

describe('errors across threads', () => {
  it('re-creates a PcmigError with its id, message, target, reason, hint and cause', () => {
    const cause = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    const original = pkgErrors.create('PCMIG-PKG-016', { message: 'Message (1, 2) takes 40 bytes.', target: 'room 1', reason: { roomId: 1, bytes: 40 }, cause });
    // What crosses is plain data: structured cloning keeps it whole.
    const copy = errorFromWire(structuredClone(errorToWire(original)));
    expect(copy).toBeInstanceOf(PcmigError);
    expect(copy).toMatchObject({ id: original.id, category: original.category, shortMessage: original.shortMessage, hint: original.hint, target: 'room 1', reason: { roomId: 1, bytes: 40 } });
    expect(copy.message).toBe(original.message);
    expect((copy.cause as { code?: string }).code).toBe('SQLITE_IOERR');
  });

  it('keeps the name and message of any other error', () => {
    const copy = errorFromWire(structuredClone(errorToWire(new RangeError('out of range'))));
    expect(copy).not.toBeInstanceOf(PcmigError);
    expect([copy.name, copy.message]).toEqual(['RangeError', 'out of range']);
    expect(errorFromWire(errorToWire('a string')).message).toBe('a string');
  });
});
