import type { Deployment } from '../deployment/deployment.js';
import type { Directory, DirectoryEntry, NewDirectoryEntry } from '../directory/directory.js';

/** Hooks run before the real operation; throwing from one makes the operation fail. */
export interface DirectoryFaults {
  beforeAdd?(entry: NewDirectoryEntry): Promise<void> | void;
  afterDelete?(dn: string): Promise<void> | void;
  beforeRestore?(snapshot: DirectoryEntry): Promise<void> | void;
  /** What the directory really writes back on a restore (simulates one that loses attributes). */
  restoreAs?(snapshot: DirectoryEntry): DirectoryEntry;
}

/** The deployment with its directory wrapped so that a test can make chosen operations fail. */
export function withFaults(deployment: Deployment, faults: DirectoryFaults): Deployment {
  const inner = deployment.directory;
  const directory: Directory = {
    kind: inner.kind,
    description: inner.description,
    read: (dn) => inner.read(dn),
    search: (query) => inner.search(query),
    add: async (entry) => {
      await faults.beforeAdd?.(entry);
      return inner.add(entry);
    },
    delete: async (dn) => {
      await inner.delete(dn);
      await faults.afterDelete?.(dn);
    },
    restore: async (snapshot) => {
      await faults.beforeRestore?.(snapshot);
      return inner.restore(faults.restoreAs ? faults.restoreAs(snapshot) : snapshot);
    },
    close: () => inner.close(),
  };
  return { ...deployment, directory };
}

/** Every entry of the forest (DN and attributes), in a stable order: "the directory as it was". */
export async function dumpDirectory(deployment: Deployment): Promise<{ dn: string; attributes: Record<string, string[]> }[]> {
  const entries = await deployment.directory.search({ base: deployment.forestDn, scope: 'sub' });
  return entries
    .map((entry) => ({
      dn: entry.dn.toLowerCase(),
      attributes: Object.fromEntries(
        Object.entries(entry.attributes)
          .map(([name, values]) => [name.toLowerCase(), [...values].map((v) => (name.toLowerCase() === 'memberof' || name.toLowerCase() === 'member' ? v.toLowerCase() : v)).sort()] as [string, string[]])
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    }))
    .sort((a, b) => a.dn.localeCompare(b.dn));
}
