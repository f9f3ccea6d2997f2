import type { SourceCategory, SourceRoom } from '@pcmig/core';

/**
 * The Group Chat inheritance rules, written again from docs/legacy-schema.md and the migration
 * rules for the tests, independently of the generator's own implementation, so that a test
 * compares the generator's report with what the data itself says.
 */
export class LegacyRules {
  private readonly byId: Map<number, SourceCategory>;

  constructor(readonly categories: readonly SourceCategory[]) {
    this.byId = new Map(categories.map((c) => [c.id, c]));
  }

  /** The category and its ancestors, the root last. */
  chain(categoryId: number): SourceCategory[] {
    const chain: SourceCategory[] = [];
    for (let id: number | null = categoryId; id !== null; ) {
      const category = this.byId.get(id);
      if (!category) throw new Error(`No category ${id}`);
      chain.push(category);
      id = category.parentId;
    }
    return chain;
  }

  effective(categoryId: number, key: 'invitations' | 'fileUpload' | 'chatHistory' | 'membersCanCreateRooms'): boolean {
    const chain = this.chain(categoryId);
    const forcing = chain.slice(1).reverse().find((c) => c.childrenMustInherit);
    if (forcing) return this.effective(forcing.id, key);
    for (const category of chain) {
      const value = category[key];
      if (value !== null) return value;
    }
    throw new Error(`The root has no ${key}`);
  }

  roomForced(room: SourceRoom): boolean {
    return this.chain(room.categoryId).some((c) => c.childrenMustInherit);
  }

  /** Names from the top-level category down (the root's name is not part of a flattened name). */
  path(categoryId: number): string[] {
    return this.chain(categoryId)
      .filter((c) => c.parentId !== null)
      .map((c) => c.name)
      .reverse();
  }

  flattenedLength(names: readonly string[], separator: string): number {
    return names.join(separator).length;
  }

  depth(categoryId: number): number {
    return this.chain(categoryId).length - 1;
  }
}
