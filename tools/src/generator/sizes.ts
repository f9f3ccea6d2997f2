import { generatorErrors } from './errors.js';

/** How big a generated deployment is. */
export interface SizeSpec {
  readonly name: string;
  /** Users in the directory (most are cached in the legacy pool). */
  readonly users: number;
  /** Security groups in the directory. */
  readonly groups: number;
  /** Categories directly under the root. */
  readonly topCategories: number;
  /** Every category except the root. */
  readonly categories: number;
  /** Category levels below the root (the deepest category has this many ancestors, root included). */
  readonly maxDepth: number;
  readonly rooms: number;
  readonly messages: number;
  readonly addins: number;
  /** Share of the messages of upload-enabled rooms that post a file. */
  readonly filePostRate: number;
  /** Exponent of the Zipf law that spreads messages over rooms (higher = busier head, longer tail). */
  readonly roomZipfExponent: number;
}

export const SIZE_NAMES = ['tiny', 'small', 'medium', 'large'] as const;
export type SizeName = (typeof SIZE_NAMES)[number];

export const SIZES: Readonly<Record<SizeName, SizeSpec>> = {
  tiny: { name: 'tiny', users: 60, groups: 6, topCategories: 4, categories: 14, maxDepth: 6, rooms: 24, messages: 2_000, addins: 3, filePostRate: 0.01, roomZipfExponent: 1.0 },
  small: { name: 'small', users: 1_000, groups: 30, topCategories: 8, categories: 60, maxDepth: 6, rooms: 200, messages: 20_000, addins: 5, filePostRate: 0.01, roomZipfExponent: 1.05 },
  medium: { name: 'medium', users: 10_000, groups: 150, topCategories: 20, categories: 400, maxDepth: 6, rooms: 2_000, messages: 1_000_000, addins: 8, filePostRate: 0.004, roomZipfExponent: 1.1 },
  large: { name: 'large', users: 50_000, groups: 500, topCategories: 40, categories: 1_500, maxDepth: 6, rooms: 10_000, messages: 10_000_000, addins: 12, filePostRate: 0.004, roomZipfExponent: 1.1 },
};

export function isSizeName(value: string): value is SizeName {
  return (SIZE_NAMES as readonly string[]).includes(value);
}

/** A named size, or a custom one (checked for the minimums the planting needs). */
export function resolveSize(size: SizeName | SizeSpec | string): SizeSpec {
  if (typeof size === 'string') {
    if (!isSizeName(size)) {
      throw generatorErrors.create('PCMIG-GEN-001', { message: `Unknown size '${size}'.`, target: size, reason: { known: [...SIZE_NAMES] } });
    }
    return SIZES[size];
  }
  const problems: string[] = [];
  const whole = (key: keyof SizeSpec, min: number) => {
    const value = size[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) problems.push(`${key} must be a whole number ≥ ${min}`);
  };
  whole('users', 10);
  whole('groups', 1);
  whole('topCategories', 2);
  whole('maxDepth', 3);
  whole('categories', Math.max(size.topCategories, size.maxDepth));
  whole('rooms', 12);
  whole('messages', 0);
  whole('addins', 1);
  if (size.maxDepth > 10) problems.push('maxDepth must be ≤ 10');
  if (!(size.filePostRate >= 0 && size.filePostRate <= 1)) problems.push('filePostRate must be between 0 and 1');
  if (!(size.roomZipfExponent >= 0 && size.roomZipfExponent <= 3)) problems.push('roomZipfExponent must be between 0 and 3');
  if (problems.length > 0) {
    throw generatorErrors.create('PCMIG-GEN-001', { message: `The custom size '${size.name}' is not usable: ${problems.join('; ')}.`, target: size.name, reason: { problems } });
  }
  return size;
}
