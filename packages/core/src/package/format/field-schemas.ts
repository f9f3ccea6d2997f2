import { z } from 'zod';
import { isValidTicks, MAX_TICKS } from '../../model/ticks.js';

/** Issue parameters that make a failed check a date error (PCMIG-PKG-012) rather than a schema error. */
export const DATE_ISSUE = { pcmig: 'date' } as const;

const TICKS_TEXT = /^\d{1,19}$/;

/**
 * .NET ticks written as decimal text: exact (ticks exceed 2^53, JSON numbers would round them)
 * and what the databases store.
 */
export const ticksTextSchema = z
  .string()
  .check((ctx) => {
    if (!TICKS_TEXT.test(ctx.value) || !isValidTicks(BigInt(ctx.value))) {
      ctx.issues.push({ code: 'custom', message: `Not a tick count between 0 and ${MAX_TICKS}`, input: ctx.value, params: DATE_ISSUE });
    }
  })
  .meta({
    pattern: '^[0-9]{1,19}$',
    description: '.NET ticks (100 ns units since 0001-01-01T00:00:00Z, UTC) as decimal text, 0 to 3155378975999999999.',
  });

/** Ticks text, read as bigint. */
export const ticksField = ticksTextSchema.transform((text) => BigInt(text));

const MONTH_TEXT = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthSchema = z
  .string()
  .check((ctx) => {
    if (!MONTH_TEXT.test(ctx.value)) ctx.issues.push({ code: 'custom', message: 'Not a month YYYY-MM', input: ctx.value, params: DATE_ISSUE });
  })
  .meta({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'A UTC calendar month, YYYY-MM.' });

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'Expected 64 lower-case hex digits').meta({ description: 'SHA-256, lower-case hex.' });

export const countSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

// XML attribute values are text; these read them with the same limits as the model.

/** A database id (nodeID, prinID) in an attribute. */
export const idText = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, 'Expected a positive integer')
  .transform(Number)
  .pipe(z.number().int().positive().max(2_147_483_647));

/** Any 32-bit integer in an attribute (audit principal ids, home pool ids, indexes). */
export const intText = z
  .string()
  .regex(/^-?(0|[1-9][0-9]{0,9})$/, 'Expected an integer')
  .transform(Number)
  .pipe(z.number().int().min(-2_147_483_648).max(2_147_483_647));

/** A flag in an attribute: "1" true, "0" false (Microsoft's convention in ChatRooms.xml). */
export const flagText = z.enum(['0', '1']).transform((value) => value === '1');
