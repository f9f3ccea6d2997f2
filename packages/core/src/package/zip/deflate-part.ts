import zlib from 'node:zlib';

/**
 * Compresses one part of an entry on libuv's thread pool, so that several parts compress in
 * parallel while the main thread reads and serialises the next ones.
 *
 * A part that is not the last of its entry ends with a sync flush (an empty stored block, byte
 * aligned, no "final" bit): independently compressed parts concatenate into one valid deflate
 * stream, closed by FINAL_BLOCK (the technique of pigz's independent mode).
 */
export function deflatePart(data: Uint8Array, level: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Output buffers of a quarter of the part (chat text deflates to 15–35 %): zlib's default
    // 16 KiB would cost a thread-pool round trip and a main-thread callback per 16 KiB of output,
    // and a buffer as large as the part would keep the whole part's size alive per result.
    const chunkSize = Math.max(64 * 1024, Math.min(Math.ceil(data.byteLength / 4), 8 * 1024 * 1024));
    zlib.deflateRaw(data, { level, chunkSize, finishFlush: zlib.constants.Z_SYNC_FLUSH }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** An empty final block with fixed Huffman codes: ends a stream built from sync-flushed parts. */
export const FINAL_BLOCK: Buffer = Buffer.from([0x03, 0x00]);
