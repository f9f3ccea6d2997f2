import { pkgErrors } from '../errors.js';

/**
 * Rows that belong to nodes (roles, scopes), streamed in node order, gathered per node and
 * handed out as the caller walks its nodes in the same order: one node's rows in memory at a time.
 */
export class NodeGroups<T extends { readonly nodeId: number }> {
  private readonly iterator: AsyncIterator<T[]>;
  private batch: T[] = [];
  private at = 0;
  private lastNode = -1;
  private done = false;

  constructor(
    source: AsyncIterable<T[]>,
    private readonly what: string,
    /** Takes the rows of nodes not asked for; returns false for a node it does not know (an error). */
    private readonly other: (row: T) => boolean,
  ) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private async peek(): Promise<T | undefined> {
    while (this.at >= this.batch.length) {
      if (this.done) return undefined;
      const next = await this.iterator.next();
      if (next.done) {
        this.done = true;
        return undefined;
      }
      this.batch = next.value;
      this.at = 0;
    }
    return this.batch[this.at];
  }

  /** The rows of `nodeId`; hands rows of earlier nodes not asked for to `other`. */
  async rowsOf(nodeId: number): Promise<T[]> {
    const rows: T[] = [];
    for (let row = await this.peek(); row !== undefined && row.nodeId <= nodeId; row = await this.peek()) {
      if (row.nodeId < this.lastNode) throw this.outOfOrder(row.nodeId);
      this.lastNode = row.nodeId;
      if (row.nodeId === nodeId) rows.push(row);
      else if (!this.other(row)) throw this.unknown(row.nodeId);
      this.at += 1;
    }
    return rows;
  }

  /** Hands the remaining rows to `other` (an error for unknown nodes), and releases the stream. */
  async finish(): Promise<void> {
    for (let row = await this.peek(); row !== undefined; row = await this.peek()) {
      if (row.nodeId < this.lastNode) throw this.outOfOrder(row.nodeId);
      this.lastNode = row.nodeId;
      if (!this.other(row)) throw this.unknown(row.nodeId);
      this.at += 1;
    }
  }

  private outOfOrder(nodeId: number) {
    return pkgErrors.create('PCMIG-PKG-017', {
      message: `The source returned ${this.what} of node ${nodeId} after those of node ${this.lastNode}; they must come in node order.`,
      reason: { rows: this.what, nodeId },
    });
  }

  private unknown(nodeId: number) {
    return pkgErrors.create('PCMIG-PKG-017', {
      message: `The source returned ${this.what} of node ${nodeId}, which is neither an exported category nor an exported room.`,
      reason: { rows: this.what, nodeId },
    });
  }
}
