import { ROOT_NODE_ID } from '../model/constants.js';
import type { SourceCategory } from '../model/node.js';
import { deriveGuid } from './derive-guid.js';
import { findingPath } from './findings/finding.js';
import type { CategoryDraft, PlanContext, RoomDraft } from './plan-context.js';

/**
 * One draft per legacy category (the root excluded) and per room, placed in the tree. Nodes whose
 * parent chain is broken cannot be placed: an error, and they are left out. Rules then fill in
 * names, settings and role lists.
 */
export function buildDrafts(ctx: PlanContext): void {
  const { model, tree, findings } = ctx;
  for (const category of [...model.categories.values()].sort((a, b) => a.id - b.id)) {
    if (category.id === ROOT_NODE_ID) continue;
    const chain = tree.categoryChain(category.id);
    if (!chain) {
      findings.add(
        'dangling-parent',
        findingPath.category([category.name]),
        `Category '${category.name}' (id ${category.id}) has parent ${category.parentId ?? '?'}, which the source does not contain (or the parents loop); it cannot be placed.`,
        { nodeId: category.id, parentId: category.parentId ?? 0 },
      );
      continue;
    }
    ctx.categories.set(category.id, categoryDraft(category, chain, tree.categoryPath(chain), false));
  }

  const root = tree.root;
  for (const room of [...model.rooms.values()].sort((a, b) => a.id - b.id)) {
    const chain = tree.categoryChain(room.categoryId);
    const category = room.categoryId === ROOT_NODE_ID ? rootRoomsDraft(ctx, root, chain) : ctx.categories.get(room.categoryId);
    if (!chain || !category) {
      findings.add(
        'dangling-parent',
        findingPath.room([room.name]),
        `Room '${room.name}' (id ${room.id}) is in category ${room.categoryId}, which the source does not contain (or cannot place); the room cannot be migrated.`,
        { nodeId: room.id, parentId: room.categoryId },
      );
      continue;
    }
    const draft: RoomDraft = {
      source: room,
      chain,
      sourcePath: tree.categoryPath(chain),
      category,
      migrate: true,
      name: room.name,
      description: room.description,
      privacy: 'Closed',
      type: 'Normal',
      invitations: 'Inherit',
      disabled: room.disabled,
      addin: room.addinId,
      members: new Set(),
      managers: new Set(),
      presenters: new Set(),
      action: 'create',
      targetId: 0,
      guid: room.guid,
      chatIdOffset: 0,
      existingMessages: 0,
    };
    ctx.rooms.set(room.id, draft);
  }
}

function categoryDraft(source: SourceCategory, chain: readonly SourceCategory[], sourcePath: string[], rootRooms: boolean): CategoryDraft {
  return {
    sourceId: source.id,
    source,
    chain,
    sourcePath,
    rootRooms,
    name: source.name,
    description: source.description,
    invitations: false,
    fileUpload: false,
    chatHistory: true,
    allowed: new Set(),
    denied: new Set(),
    creators: new Set(),
    action: 'create',
    targetId: 0,
    guid: source.guid,
  };
}

function rootRoomsDraft(ctx: PlanContext, root: SourceCategory | undefined, chain: readonly SourceCategory[] | null): CategoryDraft | undefined {
  if (!root || !chain) return undefined;
  let draft = ctx.categories.get(ROOT_NODE_ID);
  if (!draft) {
    // Decision (R1): the root's own name never migrates; its rooms get a category named by -RootRoomsCategory.
    draft = categoryDraft(root, chain, [], true);
    draft.guid = deriveGuid(root.guid, 'root-rooms');
    draft.name = ctx.options.rootRoomsCategory;
    draft.description = '';
    ctx.categories.set(ROOT_NODE_ID, draft);
  }
  return draft;
}
