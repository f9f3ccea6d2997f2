import type { SourceCategory } from '../model/node.js';
import { expErrors } from './errors.js';

/** The separator of a category path in -Scope and in reports (Parent\Child). */
export const CATEGORY_PATH_SEPARATOR = '\\';

export interface ScopeMatch {
  readonly scope: string;
  readonly categoryIds: readonly number[];
}

export interface ScopeResolution {
  /** Categories exported for import: all of them without -Scope, else the matches and everything below them. */
  readonly inScope: ReadonlySet<number>;
  /** Ancestors of the matches (the root included) that are not in scope: carried for names and inherited settings. */
  readonly context: ReadonlySet<number>;
  readonly matches: readonly ScopeMatch[];
}

/** Every category's path from the top (the root's own name left out): Engineering\Platform & Tools. */
export function categoryPaths(categories: readonly SourceCategory[]): Map<number, string> {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const paths = new Map<number, string>();
  for (const category of categories) {
    const names: string[] = [];
    const seen = new Set<number>();
    for (let node: SourceCategory | undefined = category; node && node.parentId !== null && !seen.has(node.id); node = byId.get(node.parentId)) {
      seen.add(node.id);
      names.unshift(node.name);
    }
    paths.set(category.id, category.parentId === null ? category.name : names.join(CATEGORY_PATH_SEPARATOR));
  }
  return paths;
}

/**
 * Resolves -Scope. An entry matches every category whose name equals it, or whose path
 * (Parent\Child) equals it, ignoring case as SQL Server's default collation does. A name that
 * matches several categories selects them all (reported); a name that matches none is an error.
 */
export function resolveScope(categories: readonly SourceCategory[], scope: readonly string[] | null): ScopeResolution {
  const all = new Set(categories.map((c) => c.id));
  if (scope === null) return { inScope: all, context: new Set(), matches: [] };
  const paths = categoryPaths(categories);
  const children = new Map<number, number[]>();
  for (const c of categories) {
    if (c.parentId === null || c.parentId === c.id) continue;
    const list = children.get(c.parentId) ?? [];
    list.push(c.id);
    children.set(c.parentId, list);
  }
  const matches: ScopeMatch[] = [];
  const unknown: string[] = [];
  for (const entry of scope) {
    const wanted = entry.trim().toLowerCase();
    const ids = categories.filter((c) => c.name.toLowerCase() === wanted || paths.get(c.id)?.toLowerCase() === wanted).map((c) => c.id);
    if (ids.length === 0) unknown.push(entry);
    matches.push({ scope: entry, categoryIds: ids });
  }
  if (unknown.length > 0) {
    const known = [...paths.values()].sort((a, b) => a.localeCompare(b));
    throw expErrors.create('PCMIG-EXP-005', {
      message: `-Scope names ${unknown.map((u) => `'${u}'`).join(', ')}, which ${unknown.length === 1 ? 'is not a category' : 'are not categories'} of the source.`,
      target: unknown.join(', '),
      reason: { unknown, categories: known.slice(0, 50), more: Math.max(0, known.length - 50) },
    });
  }
  const inScope = new Set<number>();
  const queue = matches.flatMap((m) => m.categoryIds);
  while (queue.length > 0) {
    const id = queue.pop() as number;
    if (inScope.has(id)) continue;
    inScope.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  const byId = new Map(categories.map((c) => [c.id, c]));
  const context = new Set<number>();
  for (const id of inScope) {
    const seen = new Set<number>();
    for (let parent = byId.get(id)?.parentId ?? null; parent !== null && !seen.has(parent); parent = byId.get(parent)?.parentId ?? null) {
      seen.add(parent);
      if (!inScope.has(parent)) context.add(parent);
    }
  }
  return { inScope, context, matches };
}
