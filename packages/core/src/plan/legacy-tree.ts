import { ROOT_NODE_ID } from '../model/constants.js';
import type { SourceCategory, SourceRoom } from '../model/node.js';
import type { SourceModel } from './source-model.js';

/** The tri-state settings a Group Chat node inherits from its parent when its own value is null. */
export type InheritableSetting = 'invitations' | 'chatHistory' | 'fileUpload' | 'membersCanCreateRooms';

/**
 * Decision: what the root means when its own value is null. Microsoft documents the root's
 * default only for room creation (allowed); the others take Persistent Chat's defaults for a new
 * category (New-CsPersistentChatCategory: invitations off, file upload off, chat history on).
 */
export const ROOT_DEFAULTS: Readonly<Record<InheritableSetting, boolean>> = {
  invitations: false,
  chatHistory: true,
  fileUpload: false,
  membersCanCreateRooms: true,
};

/**
 * The legacy category tree, walked by parentId (tblTree is never read). Resolves inheritance
 * (tri-state settings, ChildrenMustInheritProperties, member lists and scopes) as Group Chat
 * evaluated it; a Persistent Chat source is the one-level special case.
 */
export class LegacyTree {
  private readonly chains = new Map<number, SourceCategory[] | null>();

  constructor(private readonly model: SourceModel) {}

  get root(): SourceCategory | undefined {
    return this.model.categories.get(ROOT_NODE_ID);
  }

  /** The categories from the root down to this one, or null when a parent is missing or the parents loop. */
  categoryChain(categoryId: number): readonly SourceCategory[] | null {
    const cached = this.chains.get(categoryId);
    if (cached !== undefined) return cached;
    const chain: SourceCategory[] = [];
    const seen = new Set<number>();
    let id: number | null = categoryId;
    let result: SourceCategory[] | null = null;
    while (id !== null) {
      const category = this.model.categories.get(id);
      if (!category || seen.has(id)) break;
      seen.add(id);
      chain.unshift(category);
      if (id === ROOT_NODE_ID) {
        result = chain;
        break;
      }
      id = category.parentId ?? ROOT_NODE_ID;
    }
    this.chains.set(categoryId, result);
    return result;
  }

  /** Names from the top-level category down (the root's own name is never part of a location). */
  categoryPath(chain: readonly SourceCategory[]): string[] {
    return chain.filter((c) => c.id !== ROOT_NODE_ID).map((c) => c.name);
  }

  /**
   * The effective value of a setting at the end of `chain` (root first), optionally at a room
   * below it: the nearest explicit value wins, unless an ancestor category forces its children
   * to inherit (ChildrenMustInheritProperties), which freezes the value from there down.
   */
  effective(setting: InheritableSetting, chain: readonly SourceCategory[], room?: SourceRoom): boolean {
    let value = ROOT_DEFAULTS[setting];
    let forced = false;
    for (const category of chain) {
      const own = category[setting];
      if (!forced && own !== null) value = own;
      if (category.childrenMustInherit) forced = true;
    }
    if (room && setting !== 'membersCanCreateRooms') {
      const own = room[setting];
      if (!forced && own !== null) value = own;
    }
    return value;
  }

  /** Whether an ancestor forces inheritance on the last node of the chain's children. */
  inheritanceForced(chain: readonly SourceCategory[]): boolean {
    return chain.some((c) => c.childrenMustInherit);
  }

  /**
   * The node whose Member rows apply to a node. Group Chat records it (roleDefinerId); when that
   * is missing or not an ancestor, the nearest node with CreateNewMemberList wins, else the
   * root. A Persistent Chat node defines its own list.
   */
  memberDefiner(node: { id: number; roleDefinerId: number | null; overrideMembers: boolean }, chain: readonly SourceCategory[]): number {
    if (!this.model.legacy) return node.id;
    if (node.roleDefinerId !== null && (node.roleDefinerId === node.id || chain.some((c) => c.id === node.roleDefinerId))) return node.roleDefinerId;
    if (node.overrideMembers) return node.id;
    for (let i = chain.length - 1; i >= 0; i -= 1) {
      const category = chain[i] as SourceCategory;
      if (category.id === node.id) continue;
      if (category.overrideMembers || category.id === ROOT_NODE_ID) return category.id;
    }
    return ROOT_NODE_ID;
  }

  /**
   * The node whose scope rows apply to a node: scopeDefinerId in Group Chat; when that node has
   * no rows (or is not an ancestor), the nearest ancestor above it that has some, else the root.
   * A Persistent Chat node's own rows.
   */
  scopeDefiner(node: { id: number; scopeDefinerId: number | null }, chain: readonly SourceCategory[]): number {
    if (!this.model.legacy) return node.id;
    const hasRows = (id: number) => (this.model.scopesByNode.get(id)?.length ?? 0) > 0;
    const recorded = node.scopeDefinerId;
    const start = recorded !== null && (recorded === node.id || chain.some((c) => c.id === recorded)) ? recorded : node.id;
    if (hasRows(start)) return start;
    const index = chain.findIndex((c) => c.id === start);
    for (let i = (index < 0 ? chain.length : index) - 1; i >= 0; i -= 1) {
      const id = (chain[i] as SourceCategory).id;
      if (hasRows(id)) return id;
    }
    return ROOT_NODE_ID;
  }

  /** A readable location of a node id (for definers). */
  describe(nodeId: number): string {
    if (nodeId === ROOT_NODE_ID) return '(root)';
    const category = this.model.categories.get(nodeId);
    if (category) {
      const chain = this.categoryChain(nodeId);
      return chain ? this.categoryPath(chain).join(' / ') : category.name;
    }
    return this.model.rooms.get(nodeId)?.name ?? `node ${nodeId}`;
  }
}
