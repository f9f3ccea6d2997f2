import { describe, expect, it } from 'vitest';
import { TransferBuffers } from './transfer-buffers.js';

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('TransferBuffers', () => {
  it('lends at most its budget, reuses buffers handed back, and lets one large request through when nothing is lent', async () => {
    const buffers = new TransferBuffers(3 * 1024, 1024);
    const a = await buffers.take(10);
    const b = await buffers.take(1024);
    const c = await buffers.take(1000);
    expect([a, b, c].map((x) => x.byteLength)).toEqual([1024, 1024, 1024]);
    const d = buffers.take(1);
    expect(await settled(d)).toBe(false);
    buffers.returned(b);
    expect(await d).toBe(b);
    buffers.returned(a);
    buffers.returned(c);
    buffers.returned(await d);
    const large = await buffers.take(10_000);
    expect(large.byteLength).toBe(10_000);
    expect(await settled(buffers.take(1))).toBe(false);
  });

  it('fails whoever waits once stopped', async () => {
    const buffers = new TransferBuffers(1024, 1024);
    await buffers.take(1);
    const waiting = buffers.take(1);
    buffers.stop(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    await expect(buffers.take(1)).rejects.toThrow('gone');
  });
});
