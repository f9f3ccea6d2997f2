import { categoryPath, type CategoryDraft, type PlanContext } from '../plan-context.js';
import { holders } from './role-rows.js';

/**
 * §4: Group Chat had no Creator role; the right to create rooms came from
 * CategoryMembersCanCreateChatRooms (true: the category's members and managers, false: its
 * managers only) and managers could always create. So Creators = the category's effective
 * managers (its own and every ancestor's, the root's included: manager lists are never reset
 * down the tree), plus its effective members when members could create rooms. A Persistent Chat
 * source keeps its Creator rows.
 */
export function convertCreators(ctx: PlanContext): void {
  if (!ctx.model.contents.categorySettings) return;
  for (const category of ctx.categories.values()) {
    if (!ctx.model.legacy) {
      for (const id of holders(ctx, category.source.id, 'Creator')) category.creators.add(id);
      continue;
    }
    const membersCouldCreate = ctx.tree.effective('membersCanCreateRooms', category.chain);
    for (const id of effectiveCategoryManagers(ctx, category)) category.creators.add(id);
    if (membersCouldCreate) {
      const definer = ctx.tree.memberDefiner(category.source, category.chain);
      for (const id of holders(ctx, definer, 'Member')) category.creators.add(id);
    }
    ctx.findings.add(
      'creators',
      categoryPath(category),
      `Category '${category.name}' gets ${category.creators.size} Creators (its managers${membersCouldCreate ? ' and members: members could create rooms' : ' only: members could not create rooms'}).`,
      { category: category.name, creators: category.creators.size, membersCouldCreate },
    );
  }
}

/** Manager rows on the category and every ancestor (the root included). */
export function effectiveCategoryManagers(ctx: PlanContext, category: CategoryDraft): Set<number> {
  const managers = new Set<number>();
  for (const node of category.chain) {
    for (const id of holders(ctx, node.id, 'Manager')) managers.add(id);
  }
  return managers;
}
