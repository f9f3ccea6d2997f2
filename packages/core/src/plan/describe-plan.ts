import type { MigrationPlan } from './plan-types.js';

const n = (value: number) => value.toLocaleString('en-US');

/**
 * What the import will change, in one paragraph: the text of the -Confirm prompt
 * (ConfirmImpact High) and of the report's summary.
 */
export function describePlan(plan: MigrationPlan): string {
  const t = plan.totals;
  if (plan.status === 'complete') return `Nothing to change: this package was already imported into ${plan.target.description}.`;
  const parts: string[] = [];
  const both = (created: number, overwritten: number, noun: string, nouns: string) => {
    const items = [created > 0 ? `create ${n(created)} ${created === 1 ? noun : nouns}` : '', overwritten > 0 ? `overwrite ${n(overwritten)} existing ${overwritten === 1 ? noun : nouns}` : ''];
    return items.filter(Boolean).join(' and ');
  };
  if (t.principals.created > 0) parts.push(`add ${n(t.principals.created)} principal(s) to the cache`);
  if (t.addins.create + t.addins.overwrite > 0) parts.push(both(t.addins.create, t.addins.overwrite, 'add-in', 'add-ins'));
  if (t.categories.create + t.categories.overwrite > 0) parts.push(both(t.categories.create, t.categories.overwrite, 'category', 'categories') + (t.categories.overwrite > 0 ? ' (their settings and ACLs replaced)' : ''));
  if (t.rooms.create + t.rooms.overwrite > 0) parts.push(both(t.rooms.create, t.rooms.overwrite, 'room', 'rooms') + (t.rooms.overwrite > 0 ? ' (their settings and roles replaced, their messages kept)' : ''));
  if (t.messages.import > 0) parts.push(`add ${n(t.messages.import)} message(s)`);
  const what = parts.length > 0 ? parts.join('; ') : 'change nothing';
  const resume = plan.status === 'resume' ? ' This resumes an interrupted import: what it committed is kept and not written again.' : '';
  return `Import-CsPersistentChatData will ${what} in ${plan.target.description}.${resume}`;
}
