import { ROOT_NODE_ID } from '../model/constants.js';
import type { SourceData } from '../model/source-data.js';
import { findingPath, type Finding } from '../plan/findings/finding.js';
import type { MigrationPlan } from '../plan/plan-types.js';
import type { VerificationCheck } from './verify-types.js';

/** Findings that explain why a source node is not in the target. */
const EXPLAINING = new Set(['room-disabled-not-migrated', 'dangling-parent', 'name-empty', 'content-target-missing']);

/**
 * Every category and room of the source must be in the plan (and so checked), or be explained by
 * a finding of the plan (a disabled room, R7; a node that could not be placed). Anything else
 * missing is a failure.
 */
export async function checkCoverage(plan: MigrationPlan, source: SourceData): Promise<VerificationCheck[]> {
  const checks: VerificationCheck[] = [];
  const planned = new Set<number>([...plan.categories.map((c) => c.sourceId), ...plan.rooms.filter((r) => r.action !== 'skip').map((r) => r.sourceId)]);
  const explanation = (nodeId: number, path: string): Finding | undefined =>
    plan.findings.find(
      (f) => EXPLAINING.has(f.code) && (('nodeId' in f.data && f.data.nodeId === nodeId) || f.path === path),
    );
  for (const room of plan.rooms.filter((r) => r.action === 'skip')) {
    const path = findingPath.room([...room.sourcePath, room.sourceName]);
    const why = explanation(room.sourceId, path);
    checks.push({ name: 'room-not-migrated', passed: why !== undefined, path, expected: 'explained by a finding', actual: why?.message ?? 'no finding explains it', ...(why ? { explainedBy: why.code } : {}) });
  }
  const nodes = [
    ...(await source.categories()).filter((c) => c.id !== ROOT_NODE_ID).map((c) => ({ id: c.id, path: findingPath.category([c.name]) })),
    ...(await source.rooms()).map((r) => ({ id: r.id, path: findingPath.room([r.name]) })),
  ];
  for (const node of nodes) {
    if (planned.has(node.id) || plan.rooms.some((r) => r.sourceId === node.id)) continue;
    const why = explanation(node.id, node.path);
    checks.push({
      name: 'source-node-accounted',
      passed: why !== undefined,
      path: node.path,
      expected: 'in the target, or explained by a finding',
      actual: why?.message ?? 'missing, unexplained',
      ...(why ? { explainedBy: why.code } : {}),
    });
  }
  return checks;
}
