import type { PersistentChatStore } from '../db/repositories/persistent-chat-store.js';
import { findingPath } from '../plan/findings/finding.js';
import type { MigrationPlan } from '../plan/plan-types.js';
import type { TargetSnapshot } from '../plan/target-snapshot.js';
import type { VerificationCheck } from './verify-types.js';

/** Compares categories, rooms, their settings and every role list, and add-ins and principals, with the plan. */
export async function checkNodes(plan: MigrationPlan, snapshot: TargetSnapshot, store: PersistentChatStore): Promise<VerificationCheck[]> {
  const checks: VerificationCheck[] = [];
  const check = (c: VerificationCheck) => checks.push(c);
  const guidOf = new Map(snapshot.principals.map((p) => [p.id, p.guid]));
  const guids = (ids: readonly number[]) => ids.map((id) => guidOf.get(id) ?? `missing prinID ${id}`).sort();
  const categories = new Map(snapshot.categories.map((c) => [c.id, c]));
  const rooms = new Map(snapshot.rooms.map((r) => [r.id, r]));
  const { contents } = plan.source;

  for (const c of plan.categories) {
    const path = findingPath.category(c.sourcePath.length ? [...c.sourcePath] : ['(root)']);
    const actual = categories.get(c.targetId);
    check({ name: 'category-exists', passed: actual !== undefined && actual.name === c.name, path, expected: c.name, actual: actual?.name ?? null });
    if (!actual || !contents.categorySettings || c.action === 'keep') continue;
    const expected = { description: c.description, invitations: c.invitations, fileUpload: c.fileUpload, chatHistory: c.chatHistory };
    const got = { description: actual.description, invitations: actual.invitations, fileUpload: actual.fileUpload, chatHistory: actual.chatHistory };
    check({ name: 'category-settings', passed: same(expected, got), path, expected, actual: got });
    check(listCheck('category-allowed-members', path, guids(c.allowedMembers), [...actual.allowedMembers].sort()));
    check(listCheck('category-denied-members', path, guids(c.deniedMembers.filter((id) => !c.allowedMembers.includes(id))), [...actual.deniedMembers].sort()));
    check(listCheck('category-creators', path, guids(c.creators), [...actual.creators].sort()));
  }

  const addinNames = new Map(snapshot.addins.map((a) => [a.id, a.name]));
  for (const r of plan.rooms) {
    const path = findingPath.room([...r.sourcePath, r.sourceName]);
    if (r.action === 'skip') continue;
    const actual = rooms.get(r.targetId);
    check({ name: 'room-exists', passed: actual !== undefined && actual.name === r.name, path, expected: r.name, actual: actual?.name ?? null });
    if (!actual || !contents.roomSettings || r.action === 'keep') continue;
    const expected = {
      category: r.category,
      description: r.description,
      privacy: r.privacy,
      type: r.type,
      invitations: r.invitations,
      disabled: r.disabled,
      addin: r.addin === null ? null : (addinNames.get(r.addin) ?? r.addin),
    };
    const got = {
      category: actual.category,
      description: actual.description,
      privacy: actual.privacy,
      type: actual.type,
      invitations: actual.invitations,
      disabled: actual.disabled,
      addin: actual.addin,
    };
    check({ name: 'room-settings', passed: same(expected, got) && actual.categoryId === r.categoryTargetId, path, expected, actual: got });
    const roles = await store.roomRoles(r.targetId);
    check(listCheck('room-members', path, guids(r.members), roles.members));
    check(listCheck('room-managers', path, guids(r.managers), roles.managers));
    check(listCheck('room-presenters', path, guids(r.presenters), roles.presenters));
  }

  const targetAddins = new Map(snapshot.addins.map((a) => [a.id, a]));
  for (const a of plan.addins) {
    const actual = targetAddins.get(a.targetId);
    const expected = { name: a.name, url: a.url };
    const got = actual ? { name: actual.name, url: actual.url } : null;
    check({ name: 'addin', passed: got !== null && same(expected, got), path: findingPath.addin(a.name), expected, actual: got });
  }
  for (const p of plan.principals) {
    if (p.action === 'unresolved' || p.targetId === null) continue;
    const actual = guidOf.get(p.targetId);
    check({ name: 'principal', passed: actual === p.targetGuid, path: findingPath.principal(p.uri), expected: p.targetGuid, actual: actual ?? null });
  }
  return checks;
}

function listCheck(name: VerificationCheck['name'], path: string, expected: string[], actual: string[]): VerificationCheck {
  const sortedActual = [...actual].sort();
  return { name, passed: same(expected, sortedActual), path, expected, actual: sortedActual };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
