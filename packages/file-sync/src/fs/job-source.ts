/**
 * The per-file work of a copy, as JavaScript source: the body of `function (fs, crypto, sep)`
 * that returns `{ hashFile, runBatch }`. Worker threads evaluate it with Node's fs (the copy
 * runs synchronous I/O on several threads, as robocopy /MT does, with one message per batch
 * instead of one thread hop per system call); the in-process runner evaluates the very same text
 * over the file-system seam, so tests that inject failures exercise the production code. Plain
 * JavaScript, because workers are started with `eval` (from the sources under test as from the
 * build).
 *
 * A batch names one kind of job for many store-relative paths (joined with NUL, which no name
 * holds) under two base folders:
 * - copy: content to a temporary name in the file's folder, the source's time on it, then the
 *   rename to the final name. Without `verify` a kernel copy (copyFile: copy_file_range or
 *   sendfile on Linux, CopyFileW on Windows) with the mode set back to `fileMode`; with `verify`
 *   through user space, the SHA-256 of the bytes read from the source compared with the SHA-256
 *   of the copy read back. Any failure removes the temporary file: a final name only ever holds a
 *   complete copy.
 * - touch: sets the modification time of a file or folder;
 * - mkdir: creates a folder and any missing parent (an existing folder is fine);
 * - remove: removes a file or link, or an empty folder (`folders[i]`);
 * - hash: SHA-256 and size of a file under the source base.
 * A batch with `ops` mixes mkdir (0), copy (1) and touch (2) per path, in order; a copy whose
 * folder does not exist yet (created by a batch still running on another thread) creates it.
 * - scan (scanBatch): lists each folder under the source base and lstat's every entry, recursing
 *   into sub-folders unless `shallow`; the result holds every listed folder with its entries
 *   (names joined with NUL, kinds 0 file, 1 folder, 2 link, 3 other, 4 gone, 5 unreadable).
 * The result: `ok[i]` 1 or 0, `sha256[i]` (hash, and copy with verify), `sizes[i]` (hash), and
 * the failures as { index, code, message, mismatch? }.
 */
export const JOB_FUNCTIONS_BODY = `
const buffer = Buffer.allocUnsafe(1024 * 1024); // 1 MB reads: about twice the rate of 64 KB reads

function hashFile(path) {
  const fd = fs.openSync(path, 'r');
  try {
    const hash = crypto.createHash('sha256');
    let size = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
      size += read;
    }
    return { sha256: hash.digest('hex'), size };
  } finally {
    fs.closeSync(fd);
  }
}

function absolute(base, rel) {
  if (rel === '') return base;
  // Paths come from directory listings and the name rules; this is the last line of defence.
  if (rel[0] === '/' || rel === '..' || rel.startsWith('../') || rel.endsWith('/..') || rel.includes('/../') || rel.includes('\\\\')) {
    throw Object.assign(new Error('not a store-relative path: ' + rel), { code: 'EINVAL' });
  }
  return base + sep + (sep === '/' ? rel : rel.split('/').join(sep));
}

function removePartial(partial) {
  try {
    fs.unlinkSync(partial);
  } catch {
    // Never created, or the share is gone: a later run removes what is left (remove-partial).
  }
}

function exists(path) {
  try {
    fs.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function makeFolder(target) {
  try {
    // The first folder created, or undefined when the target was there already: only then can it
    // be something else (a link to a folder), so a folder just made needs no lstat.
    if (fs.mkdirSync(target, { recursive: true }) !== undefined) return;
  } catch (error) {
    if (!error || error.code !== 'EEXIST') throw error;
  }
  if (!fs.lstatSync(target).isDirectory()) throw Object.assign(new Error('not a folder: ' + target), { code: 'EEXIST' });
}

const OPS = ['mkdir', 'copy', 'touch'];

/**
 * Creates the temporary file with \`create\`; when that fails for lack of its folder, which another
 * thread may not have created yet, creates the folder (below the destination root only) and tries
 * once more. A missing source fails the same way and fails again.
 */
function createPartial(batch, partial, create) {
  try {
    return create();
  } catch (error) {
    const folder = partial.slice(0, partial.lastIndexOf(sep));
    if (!error || error.code !== 'ENOENT' || folder.length < batch.destinationBase.length) throw error;
    // Another thread may be creating the folder right now: recursive mkdir accepts that.
    if (!exists(folder)) fs.mkdirSync(folder, { recursive: true });
    return create();
  }
}

// Fails on an existing temporary file, as open 'wx' does; FICLONE makes a reflink where the file
// system has them (Btrfs, XFS) and costs one refused ioctl elsewhere.
const KERNEL_COPY = fs.constants.COPYFILE_EXCL | fs.constants.COPYFILE_FICLONE;

/**
 * Copies in the kernel (copyFile: copy_file_range or sendfile, no user-space buffer), then sets
 * the mode back to that of a newly created file (copyFile gives the source's, and permissions are
 * not copied: the file inherits the destination folder's, on the Persistent Chat share the ACLs
 * that publishing the topology set) and the source's time, then renames.
 */
function kernelCopy(batch, source, partial, destination, seconds) {
  try {
    createPartial(batch, partial, () => fs.copyFileSync(source, partial, KERNEL_COPY));
  } catch (error) {
    // copyFile removes what it created when it fails, except where it could not; a temporary name
    // that already existed is not ours.
    if (!error || error.code !== 'EEXIST') removePartial(partial);
    throw error;
  }
  try {
    try {
      fs.chmodSync(partial, batch.fileMode);
    } catch (error) {
      // The file was just created by this account, so EPERM means a file system without modes
      // (CIFS without noperm, FAT), as libuv's copyFile itself allows.
      if (!error || error.code !== 'EPERM') throw error;
    }
    fs.utimesSync(partial, seconds, seconds);
    fs.renameSync(partial, destination);
  } catch (error) {
    removePartial(partial);
    throw error;
  }
}

/**
 * -Verify: copies through user space (open, read, write, time set on the open file, close, hash of
 * the copy read back, rename), so that the source is hashed from the very bytes written.
 */
function verifiedCopy(batch, source, partial, destination, seconds) {
  let input;
  let output;
  let created = false;
  try {
    input = fs.openSync(source, 'r');
    output = createPartial(batch, partial, () => fs.openSync(partial, 'wx'));
    created = true;
    const hash = crypto.createHash('sha256');
    for (;;) {
      const read = fs.readSync(input, buffer, 0, buffer.length, null);
      if (read === 0) break;
      for (let written = 0; written < read; ) written += fs.writeSync(output, buffer, written, read - written);
      hash.update(buffer.subarray(0, read));
    }
    fs.futimesSync(output, seconds, seconds);
    fs.closeSync(output);
    output = undefined;
    fs.closeSync(input);
    input = undefined;
    const sha256 = hash.digest('hex');
    const copied = hashFile(partial).sha256;
    if (copied !== sha256) {
      removePartial(partial);
      return { code: '', message: 'SHA-256 of the copy differs from the source', mismatch: { source: sha256, copy: copied } };
    }
    fs.renameSync(partial, destination);
    return sha256;
  } catch (error) {
    if (output !== undefined) closeQuietly(output);
    if (input !== undefined) closeQuietly(input);
    if (created) removePartial(partial);
    throw error;
  }
}

/** Copies one file: the SHA-256 of its content with verify, a failure record on a mismatch. */
function copy(batch, i, rel) {
  const source = absolute(batch.sourceBase, rel);
  const destination = absolute(batch.destinationBase, rel);
  const partial = destination.slice(0, destination.lastIndexOf(sep) + 1) + batch.partialPrefix + (batch.partialStart + i);
  const seconds = batch.mtimes[i] / 1000;
  if (batch.verify) return verifiedCopy(batch, source, partial, destination, seconds);
  kernelCopy(batch, source, partial, destination, seconds);
  return undefined;
}

function closeQuietly(fd) {
  try {
    fs.closeSync(fd);
  } catch {
    // The failure being reported matters more.
  }
}

function runBatch(batch) {
  const rels = batch.paths.split('\\0');
  const count = rels.length;
  const ok = new Uint8Array(count);
  const sha256 = batch.kind === 'hash' || batch.verify ? new Array(count) : null;
  // Folders are created below the destination root only (mkdir -p never climbs above it).
  if (batch.kind !== 'hash' && batch.kind !== 'scan' && !exists(batch.destinationBase)) {
    return { ok, sha256, sizes: null, failures: rels.map((_, index) => ({ index, code: 'ENOENT', message: 'the destination folder is gone: ' + batch.destinationBase })) };
  }
  const sizes = batch.kind === 'hash' ? new Float64Array(count) : null;
  const failures = [];
  for (let i = 0; i < count; i += 1) {
    const rel = rels[i];
    try {
      switch (batch.ops ? OPS[batch.ops[i]] : batch.kind) {
        case 'copy': {
          const outcome = copy(batch, i, rel);
          if (outcome !== undefined && typeof outcome === 'object') {
            failures.push({ index: i, ...outcome });
            continue;
          }
          if (sha256) sha256[i] = outcome;
          break;
        }
        case 'touch': {
          const seconds = batch.mtimes[i] / 1000;
          fs.utimesSync(absolute(batch.destinationBase, rel), seconds, seconds);
          break;
        }
        case 'mkdir':
          makeFolder(absolute(batch.destinationBase, rel));
          break;
        case 'remove': {
          const target = absolute(batch.destinationBase, rel);
          if (batch.folders[i]) fs.rmdirSync(target);
          else fs.unlinkSync(target);
          break;
        }
        case 'hash': {
          const hashed = hashFile(absolute(batch.sourceBase, rel));
          sha256[i] = hashed.sha256;
          sizes[i] = hashed.size;
          break;
        }
        default:
          throw Object.assign(new Error('unknown job ' + batch.kind), { code: 'EINVAL' });
      }
      ok[i] = 1;
    } catch (error) {
      failures.push({ index: i, code: error && typeof error.code === 'string' ? error.code : '', message: String(error && error.message) });
    }
  }
  return { ok, sha256, sizes, failures };
}

function kindOf(entry) {
  return entry.isFile() ? 0 : entry.isDirectory() ? 1 : entry.isSymbolicLink() ? 2 : 3;
}

function scanBatch(batch) {
  const folders = [];
  const counts = [];
  const errors = [];
  const names = [];
  const kinds = [];
  const sizes = [];
  const mtimes = [];
  const visit = (rel) => {
    const abs = absolute(batch.sourceBase, rel);
    let entries;
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch (error) {
      folders.push(rel);
      counts.push(0);
      errors.push((error && error.code) || 'EIO');
      return;
    }
    folders.push(rel);
    counts.push(entries.length);
    errors.push('');
    const below = [];
    for (const entry of entries) {
      let kind = kindOf(entry);
      let size = 0;
      let mtime = 0;
      try {
        const st = fs.lstatSync(abs + sep + entry.name);
        kind = kindOf(st);
        size = st.size;
        mtime = st.mtimeMs;
      } catch (error) {
        kind = error && error.code === 'ENOENT' ? 4 : 5;
      }
      names.push(entry.name);
      kinds.push(kind);
      sizes.push(size);
      mtimes.push(mtime);
      if (kind === 1 && !batch.shallow) below.push(rel === '' ? entry.name : rel + '/' + entry.name);
    }
    for (const child of below) visit(child);
  };
  for (const rel of batch.paths.split('\\0')) visit(rel);
  return {
    folders,
    counts: Int32Array.from(counts),
    errors,
    names: names.join('\\0'),
    kinds: Uint8Array.from(kinds),
    sizes: Float64Array.from(sizes),
    mtimes: Float64Array.from(mtimes),
  };
}

return { hashFile, runBatch, scanBatch };
`;

/** The worker thread: receives batches, answers each with its result. */
export const JOB_WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { runBatch, scanBatch } = (function (fs, crypto, sep) {${JOB_FUNCTIONS_BODY}})(require('node:fs'), require('node:crypto'), require('node:path').sep);
parentPort.on('message', (batch) => {
  if (batch.kind === 'scan') {
    const result = scanBatch(batch);
    parentPort.postMessage(result, [result.counts.buffer, result.kinds.buffer, result.sizes.buffer, result.mtimes.buffer]);
    return;
  }
  const result = runBatch(batch);
  const transfer = [result.ok.buffer];
  if (result.sizes) transfer.push(result.sizes.buffer);
  parentPort.postMessage(result, transfer);
});
`;
