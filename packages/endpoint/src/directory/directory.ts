/** Attribute values by attribute name (names compare case-insensitively, as in LDAP). */
export type AttributeMap = Readonly<Record<string, readonly string[]>>;

/** An entry as pcmig carries it: everything a client can write back, so it can be restored exactly. */
export interface DirectoryEntry {
  readonly dn: string;
  /** The identity the directory assigned (AD objectGUID, OpenLDAP entryUUID, embedded: its own); null if unreadable. */
  readonly guid: string | null;
  /** Text attributes, objectClass included. */
  readonly attributes: AttributeMap;
  /** Binary attributes (AD photos, certificates, SIDs), base64 per value. */
  readonly binaryAttributes?: AttributeMap;
}

/** An entry to add. `guid` is honoured only where the directory lets a client choose it (embedded). */
export interface NewDirectoryEntry {
  readonly dn: string;
  readonly attributes: AttributeMap;
  readonly binaryAttributes?: AttributeMap;
  readonly guid?: string | null;
}

/** Equality search (values compare case-insensitively); every criterion must hold. */
export interface DirectorySearch {
  readonly base: string;
  readonly scope: 'base' | 'one' | 'sub';
  /** attribute → value. */
  readonly equals?: Readonly<Record<string, string>>;
  /** The entry has at least one of these object classes. */
  readonly objectClasses?: readonly string[];
}

/** What a restore achieved: the same identity (reanimated / embedded) or a new one (re-added). */
export interface RestoreOutcome {
  readonly identityPreserved: boolean;
  readonly method: 'embedded' | 're-added' | 'reanimated';
  readonly entry: DirectoryEntry;
}

/**
 * The directory as pcmig needs it: read, search, add and delete entries, and restore an entry it
 * deleted. Two implementations: the embedded file-backed directory and LDAP (Active Directory,
 * or OpenLDAP in labs and tests). Both raise PCMIG-DIR-* errors.
 */
export interface Directory {
  readonly kind: 'embedded' | 'ldap';
  /** Where it is, safe for logs and reports (never credentials). */
  readonly description: string;
  read(dn: string): Promise<DirectoryEntry | null>;
  search(query: DirectorySearch): Promise<DirectoryEntry[]>;
  /** Adds an entry; its parent must exist. Returns the entry as stored. */
  add(entry: NewDirectoryEntry): Promise<DirectoryEntry>;
  /** Deletes a leaf entry. */
  delete(dn: string): Promise<void>;
  /** Brings back an entry this directory deleted, from the snapshot read before the delete. */
  restore(snapshot: DirectoryEntry): Promise<RestoreOutcome>;
  close(): Promise<void>;
}

/** The values of one attribute, looked up case-insensitively. */
export function attributeValues(map: AttributeMap | undefined, name: string): readonly string[] {
  if (!map) return [];
  const direct = map[name];
  if (direct) return direct;
  const lower = name.toLowerCase();
  for (const [key, values] of Object.entries(map)) if (key.toLowerCase() === lower) return values;
  return [];
}

export function firstValue(map: AttributeMap | undefined, name: string): string | null {
  return attributeValues(map, name)[0] ?? null;
}

export function hasObjectClass(entry: { readonly attributes: AttributeMap }, objectClass: string): boolean {
  const wanted = objectClass.toLowerCase();
  return attributeValues(entry.attributes, 'objectClass').some((value) => value.toLowerCase() === wanted);
}

/**
 * Differences between two attribute maps (names case-insensitive, value order ignored; values
 * of DN-valued attributes compared as given). Used to prove a restore is exact.
 */
export function diffAttributes(expected: AttributeMap, actual: AttributeMap): { attribute: string; expected: string[]; actual: string[] }[] {
  const names = new Map<string, string>();
  for (const key of [...Object.keys(expected), ...Object.keys(actual)]) if (!names.has(key.toLowerCase())) names.set(key.toLowerCase(), key);
  const differences: { attribute: string; expected: string[]; actual: string[] }[] = [];
  for (const name of names.values()) {
    const want = [...attributeValues(expected, name)].sort();
    const got = [...attributeValues(actual, name)].sort();
    if (want.length !== got.length || want.some((value, index) => value !== got[index])) {
      differences.push({ attribute: name, expected: want, actual: got });
    }
  }
  return differences;
}
