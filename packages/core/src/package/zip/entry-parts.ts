/** Bytes per compressed part of an entry (see EntryParts). */
export const PART_SIZE = 1 << 20;

/**
 * Gathers the text or bytes of one entry into the parts that are compressed independently: every
 * part is exactly `partSize` bytes but the last, which takes the rest. Bytes given through
 * write() are cut as they come, so that the last part holds partSize to 2 × partSize − 1 bytes
 * however the caller cut them; text is encoded every partSize characters, and what is left of it
 * at the end goes into the last part whole. The same calls therefore always give the same
 * compressed bytes, on whichever thread they are made (packages depend on these boundaries:
 * changing them changes the bytes of every package written after).
 */
export class EntryParts {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private text = '';

  /**
   * @param send receives each part in order (`copied`: a buffer of `allocate`'s, else a view of
   *   the caller's bytes); the next part waits for its promise
   * @param allocate the buffer for a part gathered from several pieces
   */
  constructor(
    private readonly send: (part: Buffer, copied: boolean) => Promise<void>,
    private readonly partSize = PART_SIZE,
    private readonly allocate: (size: number) => Buffer = (size) => Buffer.allocUnsafeSlow(size),
  ) {}

  /** Appends text (UTF-8). Strings are joined before encoding: one Buffer per part, not per call. */
  async writeText(text: string): Promise<void> {
    this.text += text;
    if (this.text.length >= this.partSize) {
      this.textIntoPending();
      await this.sendFullParts();
    }
  }

  /** Appends bytes; the caller must not change them afterwards (they may be compressed later, in place). */
  async write(data: Uint8Array): Promise<void> {
    if (data.byteLength === 0) return;
    this.textIntoPending();
    this.pending.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    this.pendingBytes += data.byteLength;
    await this.sendFullParts();
  }

  /** Sends the last part (nothing for an empty entry). */
  async end(): Promise<void> {
    this.textIntoPending();
    if (this.pendingBytes > 0) await this.send(...this.take(this.pendingBytes));
  }

  /** Sends parts of exactly partSize while more than a part would remain for the last one. */
  private async sendFullParts(): Promise<void> {
    while (this.pendingBytes >= 2 * this.partSize) await this.send(...this.take(this.partSize));
  }

  private textIntoPending(): void {
    if (this.text.length === 0) return;
    const bytes = Buffer.from(this.text, 'utf8');
    this.text = '';
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
  }

  /** The first `size` pending bytes as one buffer: a view when one piece holds them, else a copy (true). */
  private take(size: number): [Buffer, boolean] {
    const first = this.pending[0] as Buffer;
    let part: Buffer;
    const copied = first.length < size;
    if (!copied) {
      part = first.subarray(0, size);
      if (first.length === size) this.pending.shift();
      else this.pending[0] = first.subarray(size);
    } else {
      part = this.allocate(size);
      let filled = 0;
      while (filled < size) {
        const piece = this.pending[0] as Buffer;
        const count = Math.min(piece.length, size - filled);
        piece.copy(part, filled, 0, count);
        filled += count;
        if (count === piece.length) this.pending.shift();
        else this.pending[0] = piece.subarray(count);
      }
    }
    this.pendingBytes -= size;
    return [part, copied];
  }
}
