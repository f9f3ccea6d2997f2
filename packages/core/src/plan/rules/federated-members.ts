import { PATH_SEPARATOR } from '../findings/finding.js';
import { categoryPath, migratedRooms, roomPath, type PlanContext } from '../plan-context.js';

/**
 * R6: Persistent Chat does not support federation. Rooms with federated principals migrate; each
 * federated principal holding a role (or listed in a category's ACLs) is a warning. Decision:
 * the principal is kept (created SIP-disabled, see principals.ts) so that its messages keep
 * their author and the roles stay visible, but it cannot reach the room.
 */
export function reportFederatedMembers(ctx: PlanContext): void {
  const federated = (id: number) => ctx.model.principals.get(id)?.federated === true;
  for (const room of migratedRooms(ctx)) {
    const roles = new Map<number, string[]>();
    const note = (set: Set<number>, role: string) => {
      for (const id of set) if (federated(id)) roles.set(id, [...(roles.get(id) ?? []), role]);
    };
    note(room.members, 'Member');
    note(room.managers, 'Manager');
    note(room.presenters, 'Presenter');
    for (const [id, list] of roles) {
      const uri = ctx.model.principals.get(id)?.uri ?? String(id);
      ctx.findings.add(
        'federated-member',
        `${roomPath(room)}${PATH_SEPARATOR}${uri}`,
        `${uri} is a federated ${list.join('/')} of room '${room.name}': the room migrates, but the principal cannot reach it.`,
        { uri, roles: list },
      );
    }
  }
  for (const category of ctx.categories.values()) {
    const roles = new Map<number, string[]>();
    const note = (set: Set<number>, role: string) => {
      for (const id of set) if (federated(id)) roles.set(id, [...(roles.get(id) ?? []), role]);
    };
    note(category.allowed, 'AllowedMember');
    note(category.creators, 'Creator');
    for (const [id, list] of roles) {
      const uri = ctx.model.principals.get(id)?.uri ?? String(id);
      ctx.findings.add('federated-member', `${categoryPath(category)}${PATH_SEPARATOR}${uri}`, `${uri} is a federated ${list.join('/')} of category '${category.name}'.`, {
        uri,
        roles: list,
      });
    }
  }
}
