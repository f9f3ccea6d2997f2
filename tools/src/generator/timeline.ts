import { isoToTicks, TICKS_PER_MILLISECOND, UNIX_EPOCH_TICKS, type Ticks } from '@pcmig/core';

/**
 * The generated deployment's history is fixed, not relative to the clock, so that one seed
 * always yields the same database. It runs from OCS 2007 R2's first spring in production to the
 * eve of the move to Lync Server 2013.
 */
export const HISTORY_START_ISO = '2009-03-01T00:00:00Z';
export const HISTORY_END_ISO = '2013-06-28T18:00:00Z';
export const HISTORY_START: Ticks = isoToTicks(HISTORY_START_ISO);
export const HISTORY_END: Ticks = isoToTicks(HISTORY_END_ISO);
export const HISTORY_START_MS = Date.parse(HISTORY_START_ISO);
export const HISTORY_END_MS = Date.parse(HISTORY_END_ISO);

/** When the directory was last synchronised into the pool (tblPrincipal.prinVerifiedOn). */
export const LAST_AD_SYNC = new Date('2013-06-28T03:15:00.000Z');

/** Milliseconds since 1970 plus a sub-millisecond part (0–9999) as exact ticks. */
export function msToTicks(ms: number, subMillisecondTicks = 0): Ticks {
  return BigInt(Math.floor(ms)) * TICKS_PER_MILLISECOND + UNIX_EPOCH_TICKS + BigInt(subMillisecondTicks);
}
