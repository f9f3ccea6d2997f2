import { z } from 'zod';
import { isValidTicks } from './ticks.js';

/** A GUID in canonical lower-case 8-4-4-4-12 form (SQL Server returns upper case: normalise). */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const guidSchema = z.string().regex(GUID_PATTERN, 'Expected a lower-case GUID');
export type Guid = z.infer<typeof guidSchema>;

export function normalizeGuid(value: string): Guid {
  const text = value.trim().replace(/^\{|\}$/g, '').toLowerCase();
  if (!GUID_PATTERN.test(text)) throw new RangeError(`Not a GUID: ${value}`);
  return text;
}

/** Database integer ids (nodeID, prinID). */
export const idSchema = z.number().int().positive().max(2_147_483_647);

/** .NET ticks as bigint. */
export const ticksSchema = z.bigint().refine(isValidTicks, 'Ticks outside 0001-01-01..9999-12-31');

/** true / false / null = inherit from the parent (legacy tri-state settings). */
export const triStateSchema = z.boolean().nullable();
export type TriState = z.infer<typeof triStateSchema>;

/** Who changed a row and when (tblNode.nodeAddedBy/On, nodeUpdatedBy/On). */
export const auditSchema = z.object({
  addedBy: z.number().int(),
  addedOn: ticksSchema,
  updatedBy: z.number().int(),
  updatedOn: ticksSchema,
});
export type Audit = z.infer<typeof auditSchema>;
