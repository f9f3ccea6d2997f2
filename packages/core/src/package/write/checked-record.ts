import type { z } from 'zod';
import { pkgErrors } from '../errors.js';

/**
 * What the package reader would refuse is never written: each record of the source is checked
 * against the model's schema first (PCMIG-PKG-019 names the record and the field).
 */
export function checkedRecord<S extends z.ZodType>(schema: S, value: z.input<S>, record: string): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || '(record)';
  throw pkgErrors.create('PCMIG-PKG-019', {
    message: `${record}, field ${field}: ${issue?.message ?? 'invalid'}.`,
    reason: { record, field, problem: issue?.message ?? 'invalid' },
  });
}
