import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../../model/constants.js';
import { findingsOf } from '../findings/finding.js';
import { alice, category, federatedUser, messages, planScenario, room, ScenarioFolder } from '../test-support/scenario.js';

describe('R6 federated principals', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('migrates the room, warns for each federated member, and keeps the principal SIP-disabled for history', async () => {
    const partner = federatedUser(7, 'partner@fabrikam.com');
    const plan = await planScenario(folder, {
      principals: [alice, partner],
      categories: [category(10, ROOT_NODE_ID, 'Eng')],
      rooms: [room(100, 10, 'joint'), room(101, 10, 'internal')],
      roles: [
        { nodeId: 100, principalId: 2, role: 'Member' },
        { nodeId: 100, principalId: 7, role: 'Member' },
        { nodeId: 100, principalId: 7, role: 'Manager' },
      ],
      messages: messages(101, 3, [7, 2]),
    });
    expect(plan.totals.findings.error).toBe(0);
    expect(plan.rooms.every((r) => r.action === 'create')).toBe(true);
    const warnings = findingsOf(plan.findings, 'federated-member');
    expect(warnings.map((f) => [f.severity, f.data.uri, f.data.roles])).toEqual([['warning', 'sip:partner@fabrikam.com', ['Member', 'Manager']]]);
    expect(warnings[0]?.path).toContain('joint');
    const created = plan.principals.find((p) => p.sourceId === 7);
    expect(created).toMatchObject({ action: 'create', federated: true });
    expect(findingsOf(plan.findings, 'foreign-forest-principal')).toEqual([]);
  });
});
