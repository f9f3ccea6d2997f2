import type { z } from 'zod';
import { pkgErrors } from '../errors.js';
import { DATE_ISSUE } from './field-schemas.js';

/**
 * Checks one record against its schema. A failure names the entry, the record and the field,
 * with the id that says what kind of problem it is: too large (PCMIG-PKG-011), an invalid date
 * (PCMIG-PKG-012), anything else (PCMIG-PKG-010).
 */
export function parseRecord<S extends z.ZodType>(schema: S, value: unknown, entry: string, record: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const issue = issues.find((i) => i.code === 'too_big') ?? issues.find(isDateIssue) ?? issues[0];
  const field = issue?.path.join('.') || '(record)';
  const reason = { entry, record, field, problem: issue?.message ?? 'invalid' };
  const message = `${entry}: ${record}, field ${field}: ${issue?.message ?? 'invalid'}.`;
  if (issue?.code === 'too_big') return fail('PCMIG-PKG-011');
  if (issue && isDateIssue(issue)) return fail('PCMIG-PKG-012');
  return fail('PCMIG-PKG-010');

  function fail(id: 'PCMIG-PKG-010' | 'PCMIG-PKG-011' | 'PCMIG-PKG-012'): never {
    throw pkgErrors.create(id, { message, target: entry, reason });
  }
}

function isDateIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && (issue.params as Record<string, unknown> | undefined)?.pcmig === DATE_ISSUE.pcmig;
}
