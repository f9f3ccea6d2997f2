/**
 * The buffers that carry compressed chunks from the producer's thread to the consumer's, lent
 * and handed back (both ways by transfer, never copied): reusing them keeps the consumer's thread
 * from collecting a fresh buffer per chunk, which V8 lets pile up to tens of MiB before it
 * collects them. What is lent at once is bounded, which bounds how far the producer reads ahead.
 */
export class TransferBuffers {
  private readonly free: ArrayBuffer[] = [];
  private lent = 0;
  private wake?: () => void;
  private stopped?: Error;

  /**
   * @param budget bytes lent at most (a single larger request still passes when nothing is lent)
   * @param slotBytes size of the reusable buffers; a larger chunk gets one of its own, not reused
   */
  constructor(
    private readonly budget: number,
    private readonly slotBytes = 1 << 20,
  ) {}

  /** A buffer of at least `bytes`, once the budget allows. */
  async take(bytes: number): Promise<ArrayBuffer> {
    const size = Math.max(bytes, this.slotBytes);
    while (!this.stopped && this.lent > 0 && this.lent + size > this.budget) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.stopped) throw this.stopped;
    this.lent += size;
    return size === this.slotBytes ? (this.free.pop() ?? new ArrayBuffer(size)) : new ArrayBuffer(size);
  }

  /** A buffer handed back by the consumer. */
  returned(buffer: ArrayBuffer): void {
    this.lent -= buffer.byteLength;
    if (buffer.byteLength === this.slotBytes) this.free.push(buffer);
    this.wakeUp();
  }

  /** The consumer is gone: whoever waits gets `reason`. */
  stop(reason: Error): void {
    this.stopped = reason;
    this.wakeUp();
  }

  private wakeUp(): void {
    this.wake?.();
    this.wake = undefined;
  }
}
