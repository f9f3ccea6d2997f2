import type { Message } from '../../model/message.js';
import type { Addin, RoleAssignment, ScopeEntry, SourceCategory, SourceRoom } from '../../model/node.js';
import type { Affiliation, Principal } from '../../model/principal.js';
import type { SourceData, SourceInfo } from '../../model/source-data.js';

/**
 * A SourceData held in memory, as a package could present it — including references a
 * database's foreign keys would never allow (what the dangling-reference rules are for).
 */
export function memorySource(parts: {
  info?: Partial<SourceInfo>;
  principals?: Principal[];
  affiliations?: Affiliation[];
  categories?: SourceCategory[];
  rooms?: SourceRoom[];
  roles?: RoleAssignment[];
  scopes?: ScopeEntry[];
  addins?: Addin[];
  messages?: Message[];
}): SourceData {
  const info: SourceInfo = {
    flavour: 'lync2010',
    schemaVersion: '4.0.7577.0',
    origin: 'memory.zip',
    level: 'All',
    scope: null,
    startDate: null,
    messagesCut: new Map(),
    months: [],
    ...parts.info,
  };
  async function* batches<T>(items: readonly T[] = []) {
    for (let i = 0; i < items.length; i += 100) yield items.slice(i, i + 100);
  }
  return {
    info: async () => info,
    principals: () => batches(parts.principals),
    affiliations: () => batches(parts.affiliations),
    categories: async () => parts.categories ?? [],
    rooms: async () => parts.rooms ?? [],
    roles: () => batches(parts.roles),
    scopes: () => batches(parts.scopes),
    addins: async () => parts.addins ?? [],
    messages: () => batches(parts.messages),
  };
}
