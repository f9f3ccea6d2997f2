import { describe, expect, it } from 'vitest';
import { apportion, Random, ZipfPicker } from './random.js';

describe('Random', () => {
  it('repeats itself for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 5 }, () => random.uint32());
    };
    const a = new Random(7);
    const b = new Random(7);
    expect(Array.from({ length: 100 }, () => a.uint32())).toEqual(Array.from({ length: 100 }, () => b.uint32()));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('forks independent streams: drawing from one does not move another', () => {
    const parent = new Random(1);
    const expected = parent.fork('messages').uint32();
    parent.fork('other').uint32();
    expect(parent.fork('messages').uint32()).toBe(expected);
    expect(parent.fork('a').uint32()).not.toBe(parent.fork('b').uint32());
  });

  it('draws integers inside the bounds, every value reachable', () => {
    const random = new Random(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i += 1) {
      const n = random.int(-2, 3);
      expect(n).toBeGreaterThanOrEqual(-2);
      expect(n).toBeLessThanOrEqual(3);
      seen.add(n);
    }
    expect(seen.size).toBe(6);
  });

  it('makes canonical version-4 GUIDs', () => {
    const random = new Random(9);
    const guids = Array.from({ length: 500 }, () => random.guid());
    for (const guid of guids) expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(guids).size).toBe(guids.length);
  });

  it('samples distinct items', () => {
    const sample = new Random(4).sample([1, 2, 3, 4, 5, 6, 7, 8], 5);
    expect(new Set(sample).size).toBe(5);
  });
});

describe('ZipfPicker', () => {
  it('favours the head and still reaches the tail', () => {
    const random = new Random(5);
    const picker = new ZipfPicker(100, 1.1);
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 50_000; i += 1) counts[picker.draw(random)]! += 1;
    expect(counts[0]).toBeGreaterThan(counts[9]! * 5);
    expect(counts[9]).toBeGreaterThan(counts[99]!);
    expect(counts.filter((c) => c > 0).length).toBeGreaterThan(90);
  });
});

describe('apportion', () => {
  it('splits a total exactly, in proportion', () => {
    const shares = apportion(1_000, [1, 1, 2, 0, 0.5]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(shares[3]).toBe(0);
    expect(shares[2]).toBeCloseTo(444, -1);
    expect(apportion(7, [0, 0])).toEqual([7, 0]);
  });
});
