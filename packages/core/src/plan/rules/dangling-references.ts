import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingPath } from '../findings/finding.js';
import type { PlanContext } from '../plan-context.js';

/**
 * References inside the source that lead nowhere: roles or scope rows on nodes the source does
 * not contain (ignored, warning), and roles or scope rows naming principals it does not contain
 * (error: an ACL entry would be lost, and a lost deny entry widens access).
 */
export function checkDanglingReferences(ctx: PlanContext): void {
  const { model } = ctx;
  const nodeExists = (id: number) => id === ROOT_NODE_ID || model.categories.has(id) || model.rooms.has(id);
  const lists = [
    ['role', model.rolesByNode],
    ['scope', model.scopesByNode],
  ] as const;
  for (const [list, byNode] of lists) {
    for (const [nodeId, entries] of byNode) {
      if (!nodeExists(nodeId)) {
        ctx.findings.add('dangling-node-reference', findingPath.node(nodeId), `${entries.length} ${list} row(s) refer to node ${nodeId}, which the source does not contain; they are ignored.`, {
          nodeId,
          entries: entries.length,
        });
        continue;
      }
      for (const entry of entries) {
        if (model.principals.has(entry.principalId)) continue;
        const what = 'role' in entry ? `${entry.role} role` : entry.denied ? 'deny scope entry' : 'scope entry';
        ctx.findings.add(
          'dangling-principal-reference',
          findingPath.node(nodeId),
          `A ${what} on ${ctx.tree.describe(nodeId)} refers to principal ${entry.principalId}, which the source does not contain.`,
          { principalId: entry.principalId, nodeId, list: what },
        );
      }
    }
  }
}
