import fs from 'node:fs';
import path from 'node:path';
import { PendingBytes } from '../binding/pending-bytes.js';
import { HostError } from '../errors/host-error.js';
import type { HostIO } from './host-io.js';

/** Reads the Byte[] arguments (standard input or @file) once binding has succeeded. */
export async function readPendingBytes(values: Record<string, unknown>, io: HostIO): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    if (!(value instanceof PendingBytes)) continue;
    try {
      values[name] = value.source === 'stdin' ? await readAll(io.stdin) : new Uint8Array(await fs.promises.readFile(path.resolve(io.cwd, value.path!)));
    } catch (cause) {
      throw new HostError('PCMIG-HOST-018', { message: `-${name}: the bytes cannot be read from ${value.describe()}.`, target: name, cause });
    }
  }
}

async function readAll(stream: NodeJS.ReadableStream & { readonly isTTY?: boolean }): Promise<Uint8Array> {
  if (stream.isTTY) throw new Error('standard input is a terminal, not a byte stream');
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}
