import { Limits } from '../model/constants.js';
import type { ProgressListener } from '../model/progress.js';
import { importErrors } from '../import/import-errors.js';

/** Decision (R1): Microsoft does not document the separator; " / " reads as a path and is easy to type. */
export const DEFAULT_CATEGORY_SEPARATOR = ' / ';
/** Decision (R1): rooms placed directly under the legacy root category go into a category of this name. */
export const DEFAULT_ROOT_ROOMS_CATEGORY = 'General';

export interface PlanOptions {
  /** -CategorySeparator: between parent and child names when categories are flattened (R1). */
  readonly categorySeparator?: string;
  /** -ShortenLongNames: shorten names over 256 characters instead of refusing them (R2). */
  readonly shortenLongNames?: boolean;
  /** -RootRoomsCategory: the category for rooms directly under the legacy root (R1). */
  readonly rootRoomsCategory?: string;
  /** -Force: running services are a warning instead of an error (R11/R13). */
  readonly force?: boolean;
  /** The instant the services and time stamps are judged against (default: now). */
  readonly now?: Date;
  readonly onProgress?: ProgressListener;
  /** Compute each room's SHA-256 content hash (Test-CsPersistentChatMigration); imports do without. */
  readonly contentHash?: boolean;
}

/** The options that shape the result; they are part of the import's identity in the ledger. */
export interface ShapingOptions {
  readonly categorySeparator: string;
  readonly shortenLongNames: boolean;
  readonly rootRoomsCategory: string;
}

export interface ResolvedPlanOptions extends ShapingOptions {
  readonly force: boolean;
  readonly now: Date;
}

// Control characters (C0 and DEL) have no place in a name or separator.
const hasControl = (text: string) => [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

export function resolvePlanOptions(options: PlanOptions): ResolvedPlanOptions {
  const categorySeparator = options.categorySeparator ?? DEFAULT_CATEGORY_SEPARATOR;
  const rootRoomsCategory = options.rootRoomsCategory ?? DEFAULT_ROOT_ROOMS_CATEGORY;
  if (categorySeparator.length === 0 || categorySeparator.length > 8 || hasControl(categorySeparator) || categorySeparator.includes('\\')) {
    throw importErrors.create('PCMIG-IMP-005', {
      message: `-CategorySeparator '${categorySeparator}' is not usable: it must be 1 to 8 characters, without control characters or a backslash.`,
      target: 'CategorySeparator',
      reason: { categorySeparator },
    });
  }
  if (rootRoomsCategory.trim().length === 0 || rootRoomsCategory.length > Limits.nodeName || hasControl(rootRoomsCategory) || rootRoomsCategory.includes('\\')) {
    throw importErrors.create('PCMIG-IMP-005', {
      message: `-RootRoomsCategory '${rootRoomsCategory}' is not a usable category name: 1 to ${Limits.nodeName} characters, without control characters or a backslash.`,
      target: 'RootRoomsCategory',
      reason: { rootRoomsCategory },
    });
  }
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime())) {
    throw importErrors.create('PCMIG-IMP-005', { message: 'The instant given as "now" is not a valid date.', target: 'now' });
  }
  return { categorySeparator, shortenLongNames: options.shortenLongNames ?? false, rootRoomsCategory, force: options.force ?? false, now };
}

export function shapingOptions(options: ShapingOptions): ShapingOptions {
  return { categorySeparator: options.categorySeparator, shortenLongNames: options.shortenLongNames, rootRoomsCategory: options.rootRoomsCategory };
}
