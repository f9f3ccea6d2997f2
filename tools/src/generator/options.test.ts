import { isPcmigError } from '@pcmig/core';
import { describe, expect, it } from 'vitest';
import { defaultPlant, resolveOptions, type GenerateOptions } from './options.js';
import { resolveSize, SIZES } from './sizes.js';

const base: GenerateOptions = { size: 'tiny', flavour: 'lync2010', out: '/tmp/unused' };

function errorOf(run: () => unknown): { id: string; target?: string } {
  try {
    run();
  } catch (error) {
    if (isPcmigError(error)) return error;
    throw error;
  }
  throw new Error('expected a PcmigError');
}

describe('resolveOptions', () => {
  it('fills in the documented defaults', () => {
    const resolved = resolveOptions(base);
    expect(resolved.seed).toBe(1);
    expect(resolved.size).toBe(SIZES.tiny);
    expect(resolved.target.fill).toBe('empty');
    expect(resolved.target.cachedUserShare).toBe(0.3);
    expect(resolved.plant).toEqual(defaultPlant(SIZES.tiny));
    expect(resolved.plant.foreignForestPrincipals + resolved.plant.unknownAuthors + resolved.plant.missingFiles + resolved.plant.rootRooms).toBe(0);
    expect(resolved.plant.servicesRunning).toBe(false);
    expect(resolved.cutoffTicks).toBe(633979008000000000n); // 2010-01-01T00:00:00Z
  });

  it('scales the share-based defaults with the size', () => {
    expect(defaultPlant(SIZES.large)).toMatchObject({ topicRooms: 2_500, inheritedMemberRooms: 3_000, disabledRooms: 200 });
  });

  it('refuses what it cannot generate, with stable ids', () => {
    expect(errorOf(() => resolveOptions({ ...base, size: 'huge' }))).toMatchObject({ id: 'PCMIG-GEN-001', target: 'huge' });
    expect(errorOf(() => resolveOptions({ ...base, flavour: 'pc2013' })).id).toBe('PCMIG-GEN-002');
    expect(errorOf(() => resolveOptions({ ...base, seed: -1 })).id).toBe('PCMIG-GEN-003');
    expect(errorOf(() => resolveOptions({ ...base, seed: 1.5 })).id).toBe('PCMIG-GEN-003');
    expect(errorOf(() => resolveOptions({ ...base, plant: { disabledRooms: -2 } }))).toMatchObject({ id: 'PCMIG-GEN-004', target: 'disabledRooms' });
    expect(errorOf(() => resolveOptions({ ...base, plant: { disabledRooms: 30 } }))).toMatchObject({ id: 'PCMIG-GEN-004', target: 'rooms' });
    expect(errorOf(() => resolveOptions({ ...base, plant: { rootManagers: 1_000 } }))).toMatchObject({ id: 'PCMIG-GEN-004', target: 'rootManagers' });
    expect(errorOf(() => resolveOptions({ ...base, plant: { servicesRunning: 'yes' as unknown as boolean } })).id).toBe('PCMIG-GEN-004');
    expect(errorOf(() => resolveOptions({ ...base, target: { fill: 'full' as never } })).id).toBe('PCMIG-GEN-004');
    expect(errorOf(() => resolveOptions({ ...base, target: { cachedUserShare: 2 } })).id).toBe('PCMIG-GEN-004');
    expect(errorOf(() => resolveOptions({ ...base, plant: { cutoff: 'soon' } })).id).toBe('PCMIG-GEN-008');
    expect(errorOf(() => resolveOptions({ ...base, plant: { cutoff: '2005-01-01' } })).id).toBe('PCMIG-GEN-008');
  });

  it('accepts a date-only cutoff', () => {
    expect(resolveOptions({ ...base, plant: { cutoff: '2011-03-15' } }).cutoffTicks).toBe(resolveOptions({ ...base, plant: { cutoff: '2011-03-15T00:00:00Z' } }).cutoffTicks);
  });
});

describe('resolveSize', () => {
  it('knows the four sizes, with large as the issue demands', () => {
    expect(SIZES.large).toMatchObject({ messages: 10_000_000, rooms: 10_000, users: 50_000, maxDepth: 6 });
    expect(SIZES.small.messages).toBe(20_000);
    expect(SIZES.medium.messages).toBe(1_000_000);
  });

  it('checks a custom size', () => {
    const custom = { ...SIZES.tiny, name: 'custom', rooms: 40, messages: 5 };
    expect(resolveSize(custom)).toBe(custom);
    expect(errorOf(() => resolveSize({ ...custom, rooms: 3 }))).toMatchObject({ id: 'PCMIG-GEN-001', target: 'custom' });
    expect(errorOf(() => resolveSize({ ...custom, filePostRate: 2 })).id).toBe('PCMIG-GEN-001');
  });
});
