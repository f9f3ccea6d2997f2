import { createPool, isoToTicks, seedPoolRoot, SourceWriter, type Principal } from '@pcmig/core';

const on = isoToTicks('2013-01-01T00:00:00Z');

/**
 * An empty Persistent Chat pool for the benchmark: the system principal, the root and the cached
 * domain of the generator's forest (contoso.com), as a freshly installed and synchronised pool.
 */
export async function createEmptyTarget(file: string, domains: readonly string[] = ['contoso.com']): Promise<void> {
  const pool = await createPool({ dbInstance: file, flavour: 'pc2013' });
  try {
    const writer = new SourceWriter(pool);
    await pool.connection.transaction(async () => {
      await seedPoolRoot(writer, { rootGuid: 'ffffffff-0000-4000-8000-000000000001', systemGuid: 'ffffffff-0000-4000-8000-000000000002', on, verifiedOn: new Date('2013-01-01T00:00:00Z') });
      const principals: Principal[] = domains.map((domain, i) => ({
        id: 2 + i,
        guid: `ffffffff-0000-4000-8000-${(0x100 + i).toString(16).padStart(12, '0')}`,
        kind: 'domain',
        uri: `ma-grp:ffffffff-0000-4000-8000-${(0x100 + i).toString(16).padStart(12, '0')}@u.g`,
        name: null,
        displayName: null,
        email: null,
        companyName: null,
        dn: domain
          .split('.')
          .map((label) => `DC=${label}`)
          .join(','),
        upn: null,
        state: 'active',
        federated: false,
        homePoolId: null,
      }));
      await writer.principals(principals, { on, verifiedOn: new Date('2013-01-01T00:00:00Z') });
    });
  } finally {
    await pool.close();
  }
}
