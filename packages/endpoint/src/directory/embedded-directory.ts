import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { directoryErrors } from '../errors/directory-errors.js';
import { normalizeDn, parentDn, parseDn } from '../ldap/distinguished-name.js';
import { JsonFileStore, type JsonStoreErrors } from '../store/json-file-store.js';
import {
  attributeValues,
  hasObjectClass,
  type AttributeMap,
  type Directory,
  type DirectoryEntry,
  type DirectorySearch,
  type NewDirectoryEntry,
  type RestoreOutcome,
} from './directory.js';

const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;
const attributeMapSchema = z.record(z.string().regex(ATTRIBUTE_NAME), z.array(z.string()).min(1));

const entrySchema = z.object({
  dn: z.string().min(1),
  guid: z.string().min(1),
  attributes: attributeMapSchema,
  binaryAttributes: attributeMapSchema.optional(),
});

const directoryFileSchema = z.object({
  version: z.literal(1),
  entries: z.array(entrySchema),
});

type StoredEntry = z.infer<typeof entrySchema>;
export type EmbeddedDirectoryFile = z.infer<typeof directoryFileSchema>;

const storeErrors: JsonStoreErrors = {
  missing: (file) => directoryErrors.create('PCMIG-DIR-013', { message: `The embedded directory ${file} does not exist.`, target: file }),
  damaged: (file, why, cause) =>
    directoryErrors.create('PCMIG-DIR-008', { message: `The embedded directory ${file} is damaged: ${why}.`, target: file, cause }),
  busy: (lockFile, owner) =>
    directoryErrors.create('PCMIG-DIR-009', {
      message: `The embedded directory is locked by ${owner ? `process ${owner.pid} on ${owner.hostname} since ${owner.acquiredAt}` : 'another process'} (${lockFile}).`,
      target: lockFile,
    }),
  writeFailed: (file, cause) => directoryErrors.create('PCMIG-DIR-012', { message: `The embedded directory ${file} cannot be written.`, target: file, cause }),
};

/**
 * The embedded directory: a JSON file in the deployment folder that behaves like a small LDAP
 * directory (parents must exist, only leaves are deleted, names compare case-insensitively).
 * Every change is one locked, atomic file replacement (JsonFileStore).
 */
export class EmbeddedDirectory implements Directory {
  readonly kind = 'embedded';
  readonly description: string;
  private readonly store: JsonFileStore<EmbeddedDirectoryFile>;

  constructor(
    readonly file: string,
    options: { readonly lockTimeoutMs?: number } = {},
  ) {
    this.store = new JsonFileStore(file, directoryFileSchema, storeErrors, options.lockTimeoutMs);
    this.description = `embedded:${file}`;
  }

  /** Writes an empty directory file (createDeployment). */
  static async create(file: string): Promise<EmbeddedDirectory> {
    const directory = new EmbeddedDirectory(file);
    await directory.store.create({ version: 1, entries: [] });
    return directory;
  }

  async read(dn: string): Promise<DirectoryEntry | null> {
    const key = normalizeDn(dn);
    const file = await this.store.read();
    const found = file.entries.find((entry) => normalizeDn(entry.dn) === key);
    return found ? toEntry(found) : null;
  }

  async search(query: DirectorySearch): Promise<DirectoryEntry[]> {
    const base = normalizeDn(query.base);
    const file = await this.store.read();
    return file.entries
      .filter((entry) => inScope(normalizeDn(entry.dn), base, query.scope))
      .filter((entry) => matches(entry, query))
      .map(toEntry);
  }

  async add(entry: NewDirectoryEntry): Promise<DirectoryEntry> {
    const stored = prepare(entry);
    return this.store.update((file) => {
      const key = normalizeDn(stored.dn);
      if (file.entries.some((existing) => normalizeDn(existing.dn) === key)) {
        throw directoryErrors.create('PCMIG-DIR-005', { message: `${stored.dn} already exists.`, target: stored.dn });
      }
      const parent = parentDn(stored.dn);
      if (parent !== null && !isNamingContext(stored.dn) && !file.entries.some((existing) => normalizeDn(existing.dn) === normalizeDn(parent))) {
        throw directoryErrors.create('PCMIG-DIR-006', { message: `Cannot add ${stored.dn}: its parent ${parent} does not exist.`, target: parent });
      }
      return { value: { ...file, entries: [...file.entries, stored] }, result: toEntry(stored) };
    });
  }

  /**
   * Adds many entries in one locked write (seeding thousands of users one add at a time would
   * rewrite the file thousands of times). Entries are checked in order, so a batch may hold a
   * container before its children. With `skipExisting`, entries whose DN exists are left as they are.
   */
  async addMany(entries: readonly NewDirectoryEntry[], options: { skipExisting?: boolean } = {}): Promise<DirectoryEntry[]> {
    const prepared = entries.map(prepare);
    return this.store.update((file) => {
      const known = new Set(file.entries.map((entry) => normalizeDn(entry.dn)));
      const added: StoredEntry[] = [];
      for (const stored of prepared) {
        const key = normalizeDn(stored.dn);
        if (known.has(key)) {
          if (options.skipExisting) continue;
          throw directoryErrors.create('PCMIG-DIR-005', { message: `${stored.dn} already exists.`, target: stored.dn });
        }
        const parent = parentDn(stored.dn);
        if (parent !== null && !isNamingContext(stored.dn) && !known.has(normalizeDn(parent))) {
          throw directoryErrors.create('PCMIG-DIR-006', { message: `Cannot add ${stored.dn}: its parent ${parent} does not exist.`, target: parent });
        }
        known.add(key);
        added.push(stored);
      }
      return { value: added.length === 0 ? file : { ...file, entries: [...file.entries, ...added] }, result: added.map(toEntry) };
    });
  }

  async delete(dn: string): Promise<void> {
    const key = normalizeDn(dn);
    await this.store.update((file) => {
      const index = file.entries.findIndex((entry) => normalizeDn(entry.dn) === key);
      if (index < 0) throw directoryErrors.create('PCMIG-DIR-004', { message: `${dn} does not exist.`, target: dn });
      if (file.entries.some((entry) => normalizeDn(entry.dn).endsWith(`,${key}`))) {
        throw directoryErrors.create('PCMIG-DIR-011', { message: `${dn} has child entries.`, target: dn });
      }
      return { value: { ...file, entries: file.entries.filter((_, i) => i !== index) }, result: undefined };
    });
  }

  async restore(snapshot: DirectoryEntry): Promise<RestoreOutcome> {
    // The embedded directory lets pcmig write the identity back: the restore is exact.
    const entry = await this.add({ ...snapshot, guid: snapshot.guid });
    return { identityPreserved: snapshot.guid === null || entry.guid === snapshot.guid, method: 'embedded', entry };
  }

  async close(): Promise<void> {
    // Nothing stays open between operations.
  }
}

function prepare(entry: NewDirectoryEntry): StoredEntry {
  const rdns = parseDn(entry.dn);
  if (rdns.length === 0) throw directoryErrors.create('PCMIG-DIR-007', { message: 'An entry needs a distinguished name.', target: entry.dn });
  const attributes: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(entry.attributes)) {
    if (!ATTRIBUTE_NAME.test(name) || values.length === 0) {
      throw directoryErrors.create('PCMIG-DIR-014', { message: `Attribute '${name}' of ${entry.dn} is invalid (bad name or no value).`, target: entry.dn });
    }
    attributes[name] = [...values];
  }
  if (attributeValues(attributes, 'objectClass').length === 0) {
    throw directoryErrors.create('PCMIG-DIR-014', { message: `${entry.dn} has no objectClass.`, target: entry.dn });
  }
  // As an LDAP server does: the naming attribute's value is part of the entry.
  for (const ava of rdns[0]!) {
    const existing = Object.keys(attributes).find((key) => key.toLowerCase() === ava.type.toLowerCase());
    if (!existing) attributes[ava.type.toLowerCase()] = [ava.value];
    else if (!attributes[existing]!.some((value) => value.toLowerCase() === ava.value.toLowerCase())) attributes[existing]!.push(ava.value);
  }
  const stored: StoredEntry = { dn: entry.dn, guid: entry.guid ?? randomUUID(), attributes };
  if (entry.binaryAttributes && Object.keys(entry.binaryAttributes).length > 0) {
    stored.binaryAttributes = Object.fromEntries(Object.entries(entry.binaryAttributes).map(([name, values]) => [name, [...values]]));
  }
  return stored;
}

function toEntry(stored: StoredEntry): DirectoryEntry {
  return {
    dn: stored.dn,
    guid: stored.guid,
    attributes: stored.attributes,
    ...(stored.binaryAttributes ? { binaryAttributes: stored.binaryAttributes } : {}),
  };
}

/** A domain naming context (DC=... only) may be added without a parent, as its own root. */
function isNamingContext(dn: string): boolean {
  return parseDn(dn).every((rdn) => rdn.length === 1 && rdn[0]!.type.toLowerCase() === 'dc');
}

function inScope(dn: string, base: string, scope: DirectorySearch['scope']): boolean {
  if (scope === 'base') return dn === base;
  if (scope === 'sub') return base === '' || dn === base || dn.endsWith(`,${base}`);
  if (!dn.endsWith(`,${base}`) && base !== '') return false;
  const parent = parentDn(dn);
  return parent !== null ? normalizeDn(parent) === base : base === '';
}

function matches(entry: StoredEntry, query: DirectorySearch): boolean {
  if (query.objectClasses && !query.objectClasses.some((objectClass) => hasObjectClass(entry, objectClass))) return false;
  for (const [name, value] of Object.entries(query.equals ?? {})) {
    const wanted = value.toLowerCase();
    if (!attributeValues(entry.attributes as AttributeMap, name).some((candidate) => candidate.toLowerCase() === wanted)) return false;
  }
  return true;
}
