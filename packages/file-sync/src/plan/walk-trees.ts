import path from 'node:path';
import { errorCode, type CopyFileSystem, type EntryKind, type EntryStat } from '../fs/copy-file-system.js';
import { recordedHash, type ManifestEntry } from '../manifest/manifest.js';
import { foldNtfsCase } from '../paths/fold-case.js';
import { checkNtfsName } from '../paths/ntfs-names.js';
import { META_DIR, isPartialName, isReservedName, isWithin } from '../paths/store-paths.js';
import { metadataChanges } from './compare-files.js';
import type { CopyFinding } from './copy-finding.js';
import { itemize, type Change, type CopyAction } from './copy-item.js';
import type { PlannedDirectory } from './copy-plan.js';

export interface WalkInput {
  readonly fs: CopyFileSystem;
  readonly sourceRoot: string;
  readonly destinationRoot: string;
  readonly destinationExists: boolean;
  readonly mirror: boolean;
  readonly checksum: boolean;
  readonly verify: boolean;
  readonly maxPathLength: number;
  readonly manifest: ReadonlyMap<string, ManifestEntry> | undefined;
  /** Called once per entry seen (progress). */
  readonly onEntry: () => void;
}

/** An item while planning: content checks may still turn a skip into a replace. */
export interface PlannedItem {
  action: CopyAction;
  readonly kind: EntryKind;
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly destinationMtimeMs?: number;
  changes?: Change[];
  itemize: string;
}

/** A file whose decision waits for the SHA-256 of both sides. */
export interface ContentCheck {
  readonly item: PlannedItem;
  /** What differs by metadata (only the time can, since sizes are equal). */
  readonly metadata: readonly Change[];
}

export interface WalkOutput {
  readonly items: PlannedItem[];
  readonly findings: CopyFinding[];
  readonly directories: PlannedDirectory[];
  readonly hashes: Map<string, string>;
  readonly checks: ContentCheck[];
}

interface SourceEntry {
  readonly name: string;
  readonly kind: EntryKind;
  readonly invalidEncoding?: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const SEP = path.sep;
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const join = (parent: string, name: string) => (parent === '' ? name : `${parent}/${name}`);

/**
 * Walks the source and the destination side by side, one folder at a time (both listings of a
 * folder, then its entries in name order), and decides each entry. The destination is only
 * listed where it has the folder, so a first copy scans the source alone.
 */
export function walkTrees(input: WalkInput): WalkOutput {
  const out: WalkOutput = { items: [], findings: [], directories: [], hashes: new Map(), checks: [] };
  const { fs } = input;

  const push = (action: CopyAction, kind: EntryKind, rel: string, size: number, mtimeMs: number, destinationMtimeMs?: number, changes?: Change[]): PlannedItem => {
    const item: PlannedItem =
      destinationMtimeMs === undefined
        ? { action, kind, path: rel, size, mtimeMs, itemize: itemize(action, kind, changes) }
        : changes === undefined
          ? { action, kind, path: rel, size, mtimeMs, destinationMtimeMs, itemize: itemize(action, kind) }
          : { action, kind, path: rel, size, mtimeMs, destinationMtimeMs, changes, itemize: itemize(action, kind, changes) };
    out.items.push(item);
    return item;
  };

  const listSource = (rel: string, abs: string): SourceEntry[] | undefined => {
    try {
      const entries: SourceEntry[] = fs.readDirectory(abs);
      if (!entries.some((e) => e.name.includes('\uFFFD'))) return entries;
      // A name that is not valid UTF-8 comes back with U+FFFD; the raw listing tells which.
      return fs.readDirectoryRaw(abs).map((e) => {
        try {
          return { name: strictUtf8.decode(e.name), kind: e.kind };
        } catch {
          return { name: e.name.toString('utf8'), kind: e.kind, invalidEncoding: true };
        }
      });
    } catch (error) {
      if (rel === '') throw error;
      out.findings.push({ code: 'unreadable', severity: 'error', path: rel, side: 'source', reason: errorCode(error) || String(error) });
      return undefined;
    }
  };

  const listDestination = (rel: string, abs: string): Map<string, EntryKind> | undefined => {
    try {
      const map = new Map<string, EntryKind>();
      for (const entry of fs.readDirectory(abs)) map.set(entry.name, entry.kind);
      return map;
    } catch (error) {
      out.findings.push({ code: 'unreadable', severity: 'error', path: rel, side: 'destination', reason: errorCode(error) || String(error) });
      return undefined;
    }
  };

  const statOrFinding = (side: 'source' | 'destination', rel: string, abs: string): EntryStat | undefined => {
    try {
      return fs.lstat(abs);
    } catch (error) {
      if (side === 'source' && errorCode(error) === 'ENOENT') out.findings.push({ code: 'source-vanished', severity: 'warning', path: rel });
      else out.findings.push({ code: 'unreadable', severity: 'error', path: rel, side, reason: errorCode(error) || String(error) });
      return undefined;
    }
  };

  /** Deletion items for a destination entry and everything under it, content first. */
  const deleteTree = (rel: string, abs: string, kind: EntryKind): void => {
    if (kind === 'dir') {
      const children = listDestination(rel, abs);
      if (!children) return;
      for (const [name, childKind] of [...children].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) deleteTree(join(rel, name), abs + SEP + name, childKind);
      const st = statOrFinding('destination', rel, abs);
      if (st) push('delete', 'dir', rel, 0, st.mtimeMs);
      return;
    }
    const st = statOrFinding('destination', rel, abs);
    if (st) push('delete', kind, rel, kind === 'file' ? st.size : 0, st.mtimeMs);
  };

  const symlinkFinding = (rel: string, abs: string): void => {
    let target = '?';
    try {
      target = fs.readlink(abs);
    } catch {
      // unreadable link: reported with an unknown target
    }
    let resolved: string;
    try {
      resolved = fs.realpath(abs);
    } catch {
      resolved = path.resolve(path.dirname(abs), target); // dangling: judge by where it points
    }
    if (isWithin(resolved, input.sourceRoot)) out.findings.push({ code: 'symlink-not-followed', severity: 'warning', path: rel, target });
    else out.findings.push({ code: 'symlink-outside-source', severity: 'error', path: rel, target });
  };

  const planFile = (rel: string, sourceAbs: string, destinationAbs: string, destinationKind: EntryKind | undefined): void => {
    const source = statOrFinding('source', rel, sourceAbs);
    if (!source) return;
    if (source.kind !== 'file') {
      out.findings.push({ code: 'source-vanished', severity: 'warning', path: rel });
      return;
    }
    if (destinationKind === undefined) {
      push('copy', 'file', rel, source.size, source.mtimeMs);
      return;
    }
    if (destinationKind !== 'file') {
      if (!input.mirror) {
        out.findings.push({ code: 'type-conflict', severity: 'error', path: rel, source: 'file', destination: destinationKind });
        return;
      }
      deleteTree(rel, destinationAbs, destinationKind);
      push('copy', 'file', rel, source.size, source.mtimeMs);
      return;
    }
    const destination = statOrFinding('destination', rel, destinationAbs);
    if (!destination) return;
    const changes = metadataChanges(source, destination);
    if (changes.includes('size')) {
      push('replace', 'file', rel, source.size, source.mtimeMs, destination.mtimeMs, changes);
      return;
    }
    if (input.checksum) {
      const item = push('skip', 'file', rel, source.size, source.mtimeMs, destination.mtimeMs);
      out.checks.push({ item, metadata: changes });
      return;
    }
    if (changes.length > 0) {
      push('replace', 'file', rel, source.size, source.mtimeMs, destination.mtimeMs, changes);
      return;
    }
    const item = push('skip', 'file', rel, source.size, source.mtimeMs, destination.mtimeMs);
    if (!input.manifest && !input.verify) return;
    const recorded = recordedHash(input.manifest?.get(rel), destination.size, destination.mtimeMs);
    if (recorded) out.hashes.set(rel, recorded);
    else if (input.verify) out.checks.push({ item, metadata: [] });
  };

  const walk = (rel: string, sourceAbs: string, destinationAbs: string, destinationExists: boolean): void => {
    const sourceEntries = listSource(rel, sourceAbs);
    if (!sourceEntries) return;
    const destination = destinationExists ? listDestination(rel, destinationAbs) : undefined;
    if (destinationExists && !destination) return;
    const atRoot = rel === '';
    const entries = atRoot ? sourceEntries.filter((e) => e.name !== META_DIR) : sourceEntries;
    entries.sort(byName);

    const sourceNames = new Set<string>();
    const folds = new Map<string, string[]>();
    for (const entry of entries) {
      sourceNames.add(entry.name);
      const key = foldNtfsCase(entry.name);
      const same = folds.get(key);
      if (same) same.push(entry.name);
      else folds.set(key, [entry.name]);
    }
    let destinationFolds: Map<string, string> | undefined;
    const destinationFold = (name: string) => {
      destinationFolds ??= new Map([...(destination ?? new Map<string, EntryKind>()).keys()].map((n) => [foldNtfsCase(n), n]));
      return destinationFolds.get(foldNtfsCase(name));
    };

    for (const entry of entries) {
      input.onEntry();
      const entryPath = join(rel, entry.name);
      if (entry.invalidEncoding) {
        out.findings.push({ code: 'invalid-encoding', severity: 'error', path: entryPath });
        continue;
      }
      if (isReservedName(entry.name, atRoot)) {
        out.findings.push({ code: 'reserved-name', severity: 'error', path: entryPath });
        continue;
      }
      const problem = checkNtfsName(entry.name);
      if (problem) {
        out.findings.push({ ...problem, severity: 'error', path: entryPath });
        continue;
      }
      const same = folds.get(foldNtfsCase(entry.name)) as string[];
      if (same.length > 1) {
        out.findings.push({ code: 'case-collision', severity: 'error', path: entryPath, collidesWith: same.filter((n) => n !== entry.name).map((n) => join(rel, n)) });
        continue;
      }
      const destinationKind = destination?.get(entry.name);
      if (destination && destinationKind === undefined) {
        const other = destinationFold(entry.name);
        if (other !== undefined) {
          out.findings.push({ code: 'destination-case-conflict', severity: 'error', path: entryPath, destinationPath: join(rel, other) });
          continue;
        }
      }
      if (entryPath.length > input.maxPathLength && rel.length <= input.maxPathLength) {
        out.findings.push({ code: 'path-too-long', severity: 'warning', path: entryPath, length: entryPath.length, limit: input.maxPathLength });
      }
      const childSource = sourceAbs + SEP + entry.name;
      const childDestination = destinationAbs + SEP + entry.name;
      switch (entry.kind) {
        case 'symlink':
          symlinkFinding(entryPath, childSource);
          break;
        case 'other':
          out.findings.push({ code: 'special-file', severity: 'error', path: entryPath });
          break;
        case 'file':
          planFile(entryPath, childSource, childDestination, destinationKind);
          break;
        case 'dir':
          planDirectory(entryPath, childSource, childDestination, destinationKind);
          break;
      }
    }

    if (!destination || destination.size === 0) return;
    let extras: [string, EntryKind][] | undefined;
    for (const entry of destination) {
      const name = entry[0];
      // Exact matches first: folding every name costs more than the lookup.
      if (sourceNames.has(name) || (atRoot && name === META_DIR) || folds.has(foldNtfsCase(name))) continue;
      (extras ??= []).push(entry);
    }
    if (!extras) return;
    for (const [name, kind] of extras.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const entryPath = join(rel, name);
      const entryAbs = destinationAbs + SEP + name;
      if (kind === 'file' && isPartialName(name)) {
        const st = statOrFinding('destination', entryPath, entryAbs);
        if (st) push('remove-partial', 'file', entryPath, st.size, st.mtimeMs);
      } else if (input.mirror) {
        deleteTree(entryPath, entryAbs, kind);
      } else {
        const st = statOrFinding('destination', entryPath, entryAbs);
        if (st) push('extra', kind, entryPath, kind === 'file' ? st.size : 0, st.mtimeMs);
      }
    }
  };

  const planDirectory = (rel: string, sourceAbs: string, destinationAbs: string, destinationKind: EntryKind | undefined): void => {
    const source = statOrFinding('source', rel, sourceAbs);
    if (!source) return;
    // Listed as a folder but no longer one (replaced meanwhile): never list through a link.
    if (source.kind === 'symlink') return symlinkFinding(rel, sourceAbs);
    if (source.kind !== 'dir') {
      out.findings.push({ code: 'source-vanished', severity: 'warning', path: rel });
      return;
    }
    if (destinationKind === 'dir') {
      const destination = statOrFinding('destination', rel, destinationAbs);
      if (!destination) return;
      push('skip', 'dir', rel, 0, source.mtimeMs, destination.mtimeMs);
      out.directories.push({ path: rel, mtimeMs: source.mtimeMs, destinationMtimeMs: destination.mtimeMs });
      walk(rel, sourceAbs, destinationAbs, true);
      return;
    }
    if (destinationKind !== undefined) {
      if (!input.mirror) {
        out.findings.push({ code: 'type-conflict', severity: 'error', path: rel, source: 'dir', destination: destinationKind });
        return;
      }
      deleteTree(rel, destinationAbs, destinationKind);
    }
    push('create-dir', 'dir', rel, 0, source.mtimeMs);
    out.directories.push({ path: rel, mtimeMs: source.mtimeMs, destinationMtimeMs: null });
    walk(rel, sourceAbs, destinationAbs, false);
  };

  const root = fs.lstat(input.sourceRoot);
  let rootDestinationMtime: number | null = null;
  if (input.destinationExists) rootDestinationMtime = fs.lstat(input.destinationRoot).mtimeMs;
  out.directories.push({ path: '', mtimeMs: root.mtimeMs, destinationMtimeMs: rootDestinationMtime });
  walk('', input.sourceRoot, input.destinationRoot, input.destinationExists);
  return out;
}
