import { deriveGuid } from '../derive-guid.js';
import { categoryPath, mapKey, roomPath, type PlanContext } from '../plan-context.js';
import { nameKey } from './unique-names.js';

/**
 * R9: items created in the target before the migration are overwritten by legacy items of the
 * same name (case-insensitive, as names are unique per pool). pcmig's definition of overwrite:
 *  - the target node keeps its nodeID and nodeGuid (file tokens and links to it stay valid);
 *  - a category's name, description, invitations, file upload and chat history, and its
 *    AllowedMembers, DeniedMembers and Creators are replaced; its other rooms stay in it;
 *  - a room's name, category, description, privacy, type, invitations, disabled flag and add-in,
 *    and its Members, Managers and Presenters are replaced; its messages are kept untouched
 *    (chatIds included, so compliance records still match) and the legacy history is appended
 *    after them: every legacy chatId is offset by the room's highest chatId so far.
 * Everything else gets the next free nodeID; a new node keeps its legacy GUID (file-store folders
 * are named after it) unless the target uses it already. A -Level Content package changes no
 * node: its categories and rooms must exist in the target.
 */
export function allocateNodes(ctx: PlanContext): void {
  const owned = new Set<number>();
  for (const entry of ctx.ledger.maps.values()) if (entry.kind === 'node' && entry.action === 'create' && entry.targetId !== null) owned.add(entry.targetId);
  const categories = new Map(ctx.target.categories.filter((c) => !owned.has(c.id)).map((c) => [nameKey(c.name), c]));
  const rooms = new Map(ctx.target.rooms.filter((r) => !owned.has(r.id)).map((r) => [nameKey(r.name), r]));
  const usedGuids = new Set(ctx.target.nodeGuids);
  let next = ctx.target.maxIds.node;
  const contentOnly = !ctx.model.contents.categorySettings && !ctx.model.contents.roomSettings;
  const freshGuid = (guid: string, kind: 'category' | 'room', path: string, name: string) => {
    if (!usedGuids.has(guid)) {
      usedGuids.add(guid);
      return guid;
    }
    const derived = deriveGuid(guid, name, kind);
    usedGuids.add(derived);
    ctx.findings.add('guid-taken', path, `The ${kind}'s GUID ${guid} is used by another node of the target; it gets ${derived}.`, { kind, guid, newGuid: derived });
    return derived;
  };

  for (const category of [...ctx.categories.values()].sort((a, b) => a.sourceId - b.sourceId)) {
    const recorded = ctx.ledger.maps.get(mapKey('node', category.sourceId));
    const existing = categories.get(nameKey(category.name));
    if (recorded?.targetId) {
      category.targetId = recorded.targetId;
      category.action = recorded.action === 'overwrite' ? 'overwrite' : recorded.action === 'keep' ? 'keep' : 'create';
      category.guid = recorded.targetGuid ?? category.guid;
    } else if (contentOnly) {
      category.action = 'keep';
      if (existing) {
        category.targetId = existing.id;
        category.guid = existing.guid;
      } else {
        ctx.findings.add('content-target-missing', categoryPath(category), `Category '${category.name}' is not in the target; a content-only package cannot create it.`, {
          kind: 'category',
          name: category.name,
        });
      }
      continue;
    } else if (existing) {
      category.targetId = existing.id;
      category.guid = existing.guid;
      category.action = 'overwrite';
    } else {
      category.targetId = ++next;
      category.guid = freshGuid(category.guid, 'category', categoryPath(category), category.name);
      category.action = 'create';
    }
    if (category.action === 'overwrite') {
      ctx.findings.add(
        'category-overwritten',
        categoryPath(category),
        `Category '${category.name}' exists in the target (nodeID ${category.targetId}); its settings and ACLs are replaced by the legacy ones.`,
        { name: category.name, targetId: category.targetId },
      );
    }
  }

  for (const room of [...ctx.rooms.values()].sort((a, b) => a.source.id - b.source.id)) {
    if (!room.migrate) {
      room.action = 'skip';
      continue;
    }
    const recorded = ctx.ledger.maps.get(mapKey('node', room.source.id));
    const existing = rooms.get(nameKey(room.name));
    if (recorded?.targetId) {
      room.targetId = recorded.targetId;
      room.action = recorded.action === 'overwrite' ? 'overwrite' : recorded.action === 'keep' ? 'keep' : 'create';
      room.guid = recorded.targetGuid ?? room.guid;
      room.chatIdOffset = recorded.chatIdOffset;
      room.existingMessages = room.action === 'create' ? 0 : existing && existing.id === room.targetId ? (ctx.target.messages.get(existing.id)?.count ?? 0) : 0;
    } else if (contentOnly || existing) {
      room.action = contentOnly ? 'keep' : 'overwrite';
      if (!existing) {
        ctx.findings.add('content-target-missing', roomPath(room), `Room '${room.name}' is not in the target; a content-only package cannot create it.`, {
          kind: 'room',
          name: room.name,
        });
        continue;
      }
      const extent = ctx.target.messages.get(existing.id);
      room.targetId = existing.id;
      room.guid = existing.guid;
      room.chatIdOffset = Math.max(extent?.maxChatId ?? 0, extent?.lastChatId ?? 0);
      room.existingMessages = extent?.count ?? 0;
    } else {
      room.targetId = ++next;
      room.guid = freshGuid(room.guid, 'room', roomPath(room), room.name);
      room.action = 'create';
    }
    if (room.action === 'overwrite') {
      const target = ctx.target.rooms.find((r) => r.id === room.targetId);
      ctx.findings.add(
        'room-overwritten',
        roomPath(room),
        `Room '${room.name}' exists in the target (in category '${target?.category ?? '?'}', ${room.existingMessages.toLocaleString('en-US')} message(s)); its settings and roles are replaced, its messages kept, and the legacy history appended after chatId ${room.chatIdOffset}.`,
        { name: room.name, targetId: room.targetId, targetCategory: target?.category ?? '', existingMessages: room.existingMessages, chatIdOffset: room.chatIdOffset },
      );
    }
  }
}
