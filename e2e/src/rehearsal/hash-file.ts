import crypto from 'node:crypto';
import fs from 'node:fs';

/** SHA-256 of a file, streamed (pool databases can be large). */
export async function hashFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
