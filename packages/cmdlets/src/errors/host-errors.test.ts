import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PcmigError, isPcmigError, registeredErrors } from '@pcmig/core';
import { hostErrors } from '../index.js';
import { HOST_ERROR_DEFINITIONS } from './host-error-definitions.js';
import { HostError } from './host-error.js';
import { toErrorRecord } from './to-error-record.js';

const doc = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/errors/host.md'), 'utf8');

describe('the HOST error catalog', () => {
  it('is registered with the product-wide catalog registry when the package loads', () => {
    expect(hostErrors.area).toBe('HOST');
    for (const id of Object.keys(HOST_ERROR_DEFINITIONS)) expect(registeredErrors().get(id), id).toBe(HOST_ERROR_DEFINITIONS[id as keyof typeof HOST_ERROR_DEFINITIONS]);
    expect(isPcmigError(hostErrors.create('PCMIG-HOST-013', { message: 'x' }))).toBe(true);
  });

  it('is documented in docs/errors/host.md, row by row, and nothing else is', () => {
    const escape = (text: string) => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const [id, definition] of Object.entries(HOST_ERROR_DEFINITIONS)) {
      expect(doc, id).toContain(`| ${id} | ${definition.category} | ${escape(definition.title)} | ${escape(definition.hint)} |`);
    }
    const documented = [...doc.matchAll(/^\| (PCMIG-[A-Z]+-\d{3}) \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(Object.keys(HOST_ERROR_DEFINITIONS));
  });

  it('makes HostError a PcmigError of the HOST catalog (same fields, same message layout)', () => {
    const cause = Object.assign(new Error('no such file'), { code: 'ENOENT' });
    const error = new HostError('PCMIG-HOST-018', { message: 'cannot read', target: 'ByteInput', cause, reason: { parameter: 'ByteInput' } });
    expect(error).toBeInstanceOf(PcmigError);
    const twin = hostErrors.create('PCMIG-HOST-018', { message: 'cannot read', target: 'ByteInput', cause, reason: { parameter: 'ByteInput' } });
    expect(error.toRecord()).toEqual(twin.toRecord());
    expect(error.message).toBe(twin.message);
    expect(toErrorRecord(twin)).toEqual(twin.toRecord());
  });

  it('turns anything else thrown into PCMIG-HOST-013 (a defect) or PCMIG-HOST-015 (a missing module)', () => {
    expect(toErrorRecord(new RangeError('boom'))).toMatchObject({ id: 'PCMIG-HOST-013', cause: 'boom' });
    expect(toErrorRecord(Object.assign(new Error("Cannot find package '@pcmig/core'"), { code: 'ERR_MODULE_NOT_FOUND' }))).toMatchObject({ id: 'PCMIG-HOST-015', category: 'NotInstalled' });
  });
});
