import type { Message } from '../model/message.js';
import type { SourceData, SourceInfo } from '../model/source-data.js';
import type { SamplePool } from '../test-support/sample-pool.js';

export async function collect<T>(source: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of source) all.push(...batch);
  return all;
}

function batches<T>(items: readonly T[], size: number): AsyncIterable<T[]> {
  return (async function* () {
    for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
  })();
}

/**
 * A SourceData held in memory: lets tests feed writePackage data no database can hold (unpaired
 * surrogates, every control character) and check what comes back.
 */
export function memorySource(data: SamplePool & { info?: Partial<SourceInfo> }, batchSize = 7): SourceData {
  const byNode = <T extends { nodeId: number; principalId: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.nodeId - b.nodeId || a.principalId - b.principalId);
  const messages = [...data.messages].sort((a: Message, b: Message) => a.roomId - b.roomId || a.chatId - b.chatId);
  return {
    async info() {
      const months = new Map<string, number>();
      for (const m of messages) {
        const month = new Date(Number((m.timestamp - 621_355_968_000_000_000n) / 10_000n)).toISOString().slice(0, 7);
        months.set(month, (months.get(month) ?? 0) + 1);
      }
      return {
        flavour: 'lync2010',
        schemaVersion: '4.0.7577.0',
        origin: 'memory:test',
        level: 'All',
        scope: null,
        startDate: null,
        messagesCut: new Map(),
        months: [...months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, kept]) => ({ month, kept, cut: 0 })),
        ...data.info,
      };
    },
    principals: () => batches([...data.principals].sort((a, b) => a.id - b.id), batchSize),
    affiliations: () => batches([...data.affiliations].sort((a, b) => a.principalId - b.principalId || a.affiliationId - b.affiliationId || a.index - b.index), batchSize),
    categories: async () => [...data.categories],
    rooms: async () => [...data.rooms],
    roles: () => batches(byNode(data.roles), batchSize),
    scopes: () => batches(byNode(data.scopes), batchSize),
    addins: async () => [...data.addins],
    messages: () => batches(messages, batchSize),
  };
}
