import zlib from 'node:zlib';

/**
 * One part deflated on libuv's thread pool as the exporter's ZipWriter does it: raw deflate,
 * ended by a sync flush, output buffers sized to the part. The benchmark children's only deflate.
 */
export function deflateRawPart(data: Buffer, level: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) =>
    zlib.deflateRaw(data, { level, chunkSize: Math.max(64 * 1024, Math.min(data.length + 1024, 8 * 1024 * 1024)), finishFlush: zlib.constants.Z_SYNC_FLUSH }, (error, out) =>
      error ? reject(error) : resolve(out),
    ),
  );
}
