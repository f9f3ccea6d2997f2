import type { RoleNameValue } from '../../model/constants.js';
import type { PlanContext } from '../plan-context.js';

/**
 * The principals holding a role on a node, as the source lists them. Principals the source does
 * not contain are left out here; the dangling-references rule reports them.
 */
export function holders(ctx: PlanContext, nodeId: number, role: RoleNameValue): number[] {
  const rows = ctx.model.rolesByNode.get(nodeId) ?? [];
  return rows.filter((r) => r.role === role && ctx.model.principals.has(r.principalId)).map((r) => r.principalId);
}
