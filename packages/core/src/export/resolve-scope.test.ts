import { describe, expect, it } from 'vitest';
import { buildSamplePool } from '../test-support/sample-pool.js';
import type { SourceCategory } from '../model/node.js';
import { categoryPaths, resolveScope } from './resolve-scope.js';

const sample = buildSamplePool('lync2010');
const root: SourceCategory = { ...sample.categories[0]!, id: 1, parentId: null, name: 'Root' };
// Two sub-categories share the name "Archive" under different parents.
const categories: SourceCategory[] = [
  root,
  ...sample.categories,
  { ...sample.categories[0]!, id: 20, parentId: 10, name: 'Archive' },
  { ...sample.categories[0]!, id: 21, parentId: 11, name: 'archive' },
];

describe('-Scope', () => {
  it('names categories by path from the top, the root by its own name', () => {
    expect(Object.fromEntries(categoryPaths(categories))).toEqual({
      1: 'Root',
      10: 'Engineering',
      11: 'Engineering\\Platform & Tools',
      12: 'Engineering\\Platform & Tools\\ש"ל <RTL>',
      20: 'Engineering\\Archive',
      21: 'Engineering\\Platform & Tools\\archive',
    });
  });

  it('selects every category a name matches, ignoring case, with everything below it; ancestors become context', () => {
    const byName = resolveScope(categories, ['ARCHIVE']);
    expect(byName.matches).toEqual([{ scope: 'ARCHIVE', categoryIds: [20, 21] }]);
    expect([...byName.inScope].sort()).toEqual([20, 21]);
    expect([...byName.context].sort((a, b) => a - b)).toEqual([1, 10, 11]);
    const byPath = resolveScope(categories, ['engineering\\platform & tools\\archive']);
    expect([...byPath.inScope]).toEqual([21]);
    const subtree = resolveScope(categories, ['Platform & Tools']);
    expect([...subtree.inScope].sort()).toEqual([11, 12, 21]);
    expect([...subtree.context].sort()).toEqual([1, 10]);
  });

  it('selects everything without -Scope, and the whole tree when the root is named', () => {
    expect(resolveScope(categories, null).inScope.size).toBe(categories.length);
    expect(resolveScope(categories, ['root']).inScope.size).toBe(categories.length);
    expect(resolveScope(categories, ['root']).context.size).toBe(0);
  });

  it('refuses names that match nothing, listing those that exist', () => {
    expect(() => resolveScope(categories, ['Engineering', 'Sales'])).toThrow(expect.objectContaining({ id: 'PCMIG-EXP-005', reason: expect.objectContaining({ unknown: ['Sales'] }) }));
  });
});
