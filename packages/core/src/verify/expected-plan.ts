import type { SourceData } from '../model/source-data.js';
import { planMigration } from '../plan/plan-migration.js';
import type { PlanOptions } from '../plan/plan-options.js';
import type { MigrationPlan } from '../plan/plan-types.js';
import type { TargetSnapshot } from '../plan/target-snapshot.js';

/**
 * What the target should hold: the plan of this source. When the target's ledger records an
 * import of this source (same content), its options and allocations are used, so the comparison
 * is exact (ids, chatId offsets). Otherwise items are matched by their converted names.
 */
export async function expectedPlan(source: SourceData, snapshot: TargetSnapshot, options: PlanOptions): Promise<{ plan: MigrationPlan; basis: 'ledger' | 'names' }> {
  options = { ...options, contentHash: true };
  let plan = await planMigration(source, snapshot, options);
  if (snapshot.ledger.runs.some((r) => r.runKey === plan.runKey)) return { plan, basis: 'ledger' };
  const run = [...snapshot.ledger.runs].reverse().find((r) => r.sourceKey === plan.sourceKey);
  if (run) {
    const recorded = run.options as { categorySeparator?: unknown; shortenLongNames?: unknown; rootRoomsCategory?: unknown };
    plan = await planMigration(source, snapshot, {
      ...options,
      ...(typeof recorded.categorySeparator === 'string' ? { categorySeparator: recorded.categorySeparator } : {}),
      ...(typeof recorded.shortenLongNames === 'boolean' ? { shortenLongNames: recorded.shortenLongNames } : {}),
      ...(typeof recorded.rootRoomsCategory === 'string' ? { rootRoomsCategory: recorded.rootRoomsCategory } : {}),
    });
    if (snapshot.ledger.runs.some((r) => r.runKey === plan.runKey)) return { plan, basis: 'ledger' };
  }
  return { plan, basis: 'names' };
}
