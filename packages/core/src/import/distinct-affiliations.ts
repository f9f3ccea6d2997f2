import type { Affiliation } from '../model/principal.js';

const FIELDS = 3;

/**
 * Affiliation rows gathered for insertion, each ⟨principalID, index, affiliationID⟩ once (the
 * table's key): two source principals the plan maps onto one target principal would otherwise
 * give the same row twice. Rows are kept packed in one Int32Array — three integers each, instead
 * of an object and a string key per row (200,000 rows took 18 MB as a Set of strings) — and made
 * distinct by sorting once they are all in, which needs no order from the source.
 */
export class DistinctAffiliations {
  private rows = new Int32Array(FIELDS * 1024);
  private count = 0;

  add(principalId: number, index: number, affiliationId: number): void {
    if (this.rows.length < (this.count + 1) * FIELDS) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const at = this.count * FIELDS;
    this.rows[at] = principalId;
    this.rows[at + 1] = index;
    this.rows[at + 2] = affiliationId;
    this.count += 1;
  }

  get size(): number {
    return this.count;
  }

  /** The distinct rows in key order, `batch` at a time. */
  *batches(batch: number): Generator<Affiliation[]> {
    const rows = this.rows;
    const order = new Uint32Array(this.count);
    for (let i = 0; i < order.length; i += 1) order[i] = i * FIELDS;
    order.sort((a, b) => rows[a]! - rows[b]! || rows[a + 1]! - rows[b + 1]! || rows[a + 2]! - rows[b + 2]!);
    let out: Affiliation[] = [];
    let previous = -1;
    for (const at of order) {
      if (previous >= 0 && rows[at] === rows[previous] && rows[at + 1] === rows[previous + 1] && rows[at + 2] === rows[previous + 2]) continue;
      previous = at;
      out.push({ principalId: rows[at]!, index: rows[at + 1]!, affiliationId: rows[at + 2]! });
      if (out.length >= batch) {
        yield out;
        out = [];
      }
    }
    if (out.length > 0) yield out;
  }
}
