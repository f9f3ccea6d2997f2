import type { MigrationPlan } from '../plan-types.js';

/** The plan as JSON (what -WhatIf emits for scripts; the cmdlet host turns it into objects). */
export function planToJson(plan: MigrationPlan, space = 2): string {
  return JSON.stringify(plan, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value instanceof Map ? Object.fromEntries(value) : value), space);
}
