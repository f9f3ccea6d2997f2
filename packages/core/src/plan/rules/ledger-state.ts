import { ticksToIso } from '../../model/ticks.js';
import { findingPath } from '../findings/finding.js';
import { mapKey, type LedgerDecision, type PlanContext } from '../plan-context.js';

/**
 * Idempotency and resume (the import ledger, docs/conversions.md): the same import — same source
 * content, same shaping options — finds its own run in the target's ledger. Finished: nothing is
 * left to do. Interrupted: its id allocations are reused and the importer skips what it applied.
 * Another interrupted import blocks this one (mixing two half-imports cannot be undone cleanly).
 * P4, as pcmig reads it: one legacy pool goes into one Persistent Chat pool, once — the same
 * source imported before with other options would duplicate its rooms and messages.
 */
export function decideLedger(ctx: PlanContext, runKey: string, sourceKey: string): LedgerDecision {
  const pool = findingPath.pool(ctx.target.description);
  const runs = ctx.target.ledger.runs;
  const own = runs.find((r) => r.runKey === runKey);
  if (own) {
    const maps = new Map((ctx.target.ledger.maps.get(runKey) ?? []).map((m) => [mapKey(m.kind, m.sourceKey), m]));
    if (own.completedOn !== null) {
      ctx.findings.add('already-imported', pool, `This package was imported into ${ctx.target.description} on ${ticksToIso(own.completedOn)} with the same options.`, {
        runKey,
        completedOn: ticksToIso(own.completedOn),
      });
      return { status: 'complete', run: own, maps };
    }
    const stepsDone = (ctx.target.ledger.steps.get(runKey) ?? []).filter((s) => s.done).length;
    ctx.findings.add('resuming-import', pool, `An import of this package started on ${ticksToIso(own.startedOn)} stopped part-way (${stepsDone} step(s) done); it is resumed.`, {
      runKey,
      startedOn: ticksToIso(own.startedOn),
      stepsDone,
    });
  }
  for (const run of runs) {
    if (run.runKey === runKey) continue;
    if (run.completedOn === null) {
      ctx.findings.add('import-pending', pool, `An import from ${run.origin}, started on ${ticksToIso(run.startedOn)}, has not finished.`, {
        runKey: run.runKey,
        origin: run.origin,
        startedOn: ticksToIso(run.startedOn),
      });
    } else if (run.sourceKey === sourceKey) {
      ctx.findings.add(
        'source-already-imported',
        pool,
        `This source was imported on ${ticksToIso(run.completedOn)} with other options (${JSON.stringify(run.options)}).`,
        { runKey: run.runKey, completedOn: ticksToIso(run.completedOn), options: { ...run.options } },
      );
    }
  }
  if (own) return { status: 'resume', run: own, maps: new Map((ctx.target.ledger.maps.get(runKey) ?? []).map((m) => [mapKey(m.kind, m.sourceKey), m])) };
  return { status: 'fresh', run: null, maps: new Map() };
}
