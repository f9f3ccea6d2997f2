import { describe, expect, it } from 'vitest';
import { DistinctAffiliations } from './distinct-affiliations.js';

describe('DistinctAffiliations', () => {
  it('gives each ⟨principal, index, affiliation⟩ once, in key order, whatever the order rows came in', () => {
    const rows = new DistinctAffiliations();
    rows.add(7, 1, 30);
    rows.add(5, -1, 5);
    rows.add(7, 1, 30); // a second source affiliation mapped onto the same target principal
    rows.add(7, -1, 7);
    rows.add(5, 1, 30);
    rows.add(7, 2, 30);
    expect([...rows.batches(100)].flat()).toEqual([
      { principalId: 5, index: -1, affiliationId: 5 },
      { principalId: 5, index: 1, affiliationId: 30 },
      { principalId: 7, index: -1, affiliationId: 7 },
      { principalId: 7, index: 1, affiliationId: 30 },
      { principalId: 7, index: 2, affiliationId: 30 },
    ]);
  });

  it('grows past its first allocation and cuts the output into batches', () => {
    const rows = new DistinctAffiliations();
    for (let i = 5000; i > 0; i -= 1) rows.add(i, 1, 2_147_483_647 - i);
    for (let i = 1; i <= 5000; i += 1) rows.add(i, 1, 2_147_483_647 - i);
    expect(rows.size).toBe(10_000);
    const batches = [...rows.batches(2048)];
    expect(batches.map((b) => b.length)).toEqual([2048, 2048, 904]);
    const flat = batches.flat();
    expect(flat[0]).toEqual({ principalId: 1, index: 1, affiliationId: 2_147_483_646 });
    expect(flat.at(-1)).toEqual({ principalId: 5000, index: 1, affiliationId: 2_147_483_647 - 5000 });
  });

  it('gives nothing when nothing was added', () => {
    expect([...new DistinctAffiliations().batches(10)]).toEqual([]);
  });
});
