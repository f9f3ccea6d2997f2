import { runningEvidence } from '../../db/repositories/service-activity.js';
import { findingPath } from '../findings/finding.js';
import type { PlanContext } from '../plan-context.js';

/**
 * R11/R13: every Persistent Chat service must be stopped before the import. Evidence of a running
 * service (docs/legacy-schema.md D4): a tblServerIdentity row that pinged within the hour, or an
 * admin lock that has not expired. An error, or a warning with -Force.
 */
export function checkServicesStopped(ctx: PlanContext): void {
  const evidence = runningEvidence(ctx.target.activity, ctx.options.now);
  if (evidence.servers.length === 0 && evidence.locks.length === 0) return;
  const servers = evidence.servers.map((s) => `${s.address} (last ping ${s.lastPing?.toISOString() ?? '?'})`);
  const parts = [
    servers.length > 0 ? `${servers.length} server(s) pinged within the hour: ${servers.join(', ')}` : '',
    evidence.locks.length > 0 ? `${evidence.locks.length} admin lock(s) still held` : '',
  ].filter(Boolean);
  ctx.findings.add(
    'services-running',
    findingPath.pool(ctx.target.description),
    `Persistent Chat looks active on the target: ${parts.join('; ')}.${ctx.options.force ? ' Imported anyway (-Force).' : ''}`,
    { servers: evidence.servers.map((s) => s.address), adminLocks: evidence.locks.length, forced: ctx.options.force },
    ctx.options.force ? { severity: 'warning' } : {},
  );
}
