import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { alice, bob, category, domainPrincipal, group, planScenario, room, ScenarioFolder, user } from '../test-support/scenario.js';

describe('P3 same forest, principals resolved in the target', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());
  const roomWith = (ids: number[]) => ({
    categories: [category(10, ROOT_NODE_ID, 'Eng')],
    rooms: [room(100, 10, 'r')],
    roles: ids.map((id) => ({ nodeId: 100, principalId: id, role: 'Member' as const })),
  });

  it('matches by objectGUID, then UPN, then SIP URI; creates right-forest principals the target lacks', async () => {
    const renamed = user(6, 'dave', { guid: '00000000-0000-4000-8000-00000000abcd' });
    const byUri = user(7, 'erin', { upn: null });
    const emea = user(8, 'frank', { dn: 'CN=frank,OU=Users,DC=emea,DC=contoso,DC=com', upn: 'frank@emea.contoso.com', uri: 'sip:frank@emea.contoso.com' });
    const plan = await planScenario(
      folder,
      { principals: [alice, bob, renamed, byUri, emea, group(9, 'Ops'), domainPrincipal(12, 'contoso.com')], ...roomWith([2, 3, 6, 7, 8, 9, 12]) },
      {
        principals: [
          { ...alice, id: 40 },
          { ...user(41, 'dave'), guid: '00000000-0000-4000-8000-00000000ffff' },
          { ...user(42, 'erin', { guid: '00000000-0000-4000-8000-00000000eeee', upn: 'other@contoso.com' }) },
        ],
      },
    );
    const byUriTarget = plan.principals.find((p) => p.sourceId === 7);
    expect(plan.principals.map((p) => [p.uri, p.action, p.matchedBy])).toEqual([
      ['sip:alice@contoso.com', 'match', 'guid'],
      ['sip:bob@contoso.com', 'create', null],
      ['sip:dave@contoso.com', 'match', 'upn'],
      ['sip:erin@contoso.com', 'match', 'uri'],
      ['sip:frank@emea.contoso.com', 'create', null],
      [expect.stringMatching(/^ma-grp:/), 'create', null],
      // The domain principal matches the target's cached domain by its DNS name.
      [expect.stringMatching(/^ma-grp:/), 'match', 'guid'],
    ]);
    expect(byUriTarget?.targetId).toBe(42);
    expect(plan.principals.find((p) => p.sourceId === 2)?.targetId).toBe(40);
    expect(findingsOf(plan.findings, 'principal-matched-by-name').map((f) => f.data.matchedBy)).toEqual(['upn', 'uri']);
    // One finding for every principal added, with counts by kind and the prinIDs they take.
    const created = findingsOf(plan.findings, 'principals-created');
    expect(created.map((f) => [f.path, f.data])).toEqual([
      [expect.stringMatching(/^pool:/), { principals: 3, byKind: { group: 1, user: 2 }, federated: 0, firstTargetId: 901, lastTargetId: 903 }],
    ]);
    expect(created[0]?.message).toContain('3 principals the target does not cache yet (1 group, 2 user) are added to tblPrincipal as prinIDs 901–903.');
    expect(plan.totals.findings.error).toBe(0);
    // New prinIDs follow the target's highest one (its cached domain, 900).
    expect(plan.principals.filter((p) => p.action === 'create').map((p) => p.targetId)).toEqual([901, 902, 903]);
  });

  it('refuses principals of a foreign forest, and principals it cannot place', async () => {
    const foreign = user(6, 'zed', { dn: 'CN=zed,DC=fabrikam,DC=com', upn: 'zed@fabrikam.com', uri: 'sip:zed@fabrikam.com' });
    const nowhere = { ...group(7, 'x'), dn: null, uri: 'ma-grp:x@u.g' };
    const plan = await planScenario(folder, { principals: [alice, foreign, nowhere], ...roomWith([2, 6, 7]) });
    expect(findingsOf(plan.findings, 'foreign-forest-principal').map((f) => [f.severity, f.data.domain, f.data.targetDomains])).toEqual([['error', 'fabrikam.com', ['contoso.com']]]);
    expect(findingsOf(plan.findings, 'unresolvable-principal').map((f) => f.data.uri)).toEqual(['ma-grp:x@u.g']);
    expect(plan.totals.principals.unresolved).toBe(2);
    // The whole source in another forest: every principal is refused.
    const elsewhere = await planScenario(folder, { principals: [alice, bob], ...roomWith([2, 3]) }, { domains: ['fabrikam.com'] });
    expect(findingsOf(elsewhere.findings, 'foreign-forest-principal')).toHaveLength(2);
  });

  it('warns when the target caches no domain at all', async () => {
    const plan = await planScenario(folder, { principals: [alice], ...roomWith([2]) }, { domains: [] });
    expect(findingsOf(plan.findings, 'forest-unverifiable').map((f) => f.severity)).toEqual(['warning']);
    expect(plan.principals[0]?.action).toBe('create');
  });
});
