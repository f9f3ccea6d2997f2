import { describePlan } from '../describe-plan.js';
import type { MigrationPlan } from '../plan-types.js';
import { groupFindings, RULE_TITLES } from './group-findings.js';

const n = (value: number) => value.toLocaleString('en-US');

/**
 * The console rendering of a plan (-WhatIf): summary, findings by rule and code (at most
 * `maxPerCode` lines each; the report and JSON carry all), and every resulting name.
 */
export function formatPlanText(plan: MigrationPlan, options: { maxPerCode?: number } = {}): string {
  const max = options.maxPerCode ?? 20;
  const t = plan.totals;
  const lines: string[] = [];
  lines.push(`What if: ${describePlan(plan)}`);
  lines.push(`  Source: ${plan.source.origin} (${plan.source.flavour}, -Level ${plan.source.level}${plan.source.startDate ? `, -StartDate ${plan.source.startDate}` : ''})`);
  lines.push(`  Target: ${plan.target.description}`);
  lines.push(
    `  Categories: ${n(t.categories.create)} new, ${n(t.categories.overwrite)} overwritten${t.categories.keep ? `, ${n(t.categories.keep)} kept` : ''}. ` +
      `Rooms: ${n(t.rooms.create)} new, ${n(t.rooms.overwrite)} overwritten, ${n(t.rooms.skip)} not migrated${t.rooms.keep ? `, ${n(t.rooms.keep)} kept` : ''}.`,
  );
  lines.push(`  Messages: ${n(t.messages.import)} to import, ${n(t.messages.cut)} before the start date, ${n(t.messages.inSkippedRooms)} in rooms not migrated.`);
  lines.push(`  Principals: ${n(t.principals.referenced)} referenced, ${n(t.principals.matched)} matched, ${n(t.principals.created)} to add, ${n(t.principals.unresolved)} unresolved.`);
  lines.push(`  Findings: ${n(t.findings.error)} error(s), ${n(t.findings.warning)} warning(s), ${n(t.findings.info)} info.`);
  for (const group of groupFindings(plan.findings)) {
    lines.push('');
    lines.push(`${RULE_TITLES[group.rule]}`);
    for (const code of group.codes) {
      lines.push(`  [${code.severity.toUpperCase()}] ${code.code}: ${code.title} (${code.findings.length})`);
      for (const finding of code.findings.slice(0, max)) lines.push(`    ${finding.message}`);
      if (code.findings.length > max) lines.push(`    … and ${n(code.findings.length - max)} more (see -Report or JSON)`);
      lines.push(`    Hint: ${code.findings[0]?.hint ?? ''}`);
    }
  }
  if (plan.categories.length > 0) {
    lines.push('');
    lines.push('Resulting categories (legacy location → name):');
    for (const c of plan.categories) lines.push(`  ${c.sourcePath.length ? c.sourcePath.join(' › ') : '(root)'} → ${c.name} [${c.action}]`);
  }
  const rooms = plan.rooms.filter((r) => r.action !== 'skip');
  if (rooms.length > 0) {
    lines.push('');
    lines.push('Resulting rooms (legacy name → name, category):');
    const shown = Math.max(max * 10, 200);
    for (const r of rooms.slice(0, shown)) lines.push(`  ${r.sourceName} → ${r.name} (${r.category}) [${r.action}]`);
    if (rooms.length > shown) lines.push(`  … and ${n(rooms.length - shown)} more (see -Report or JSON)`);
  }
  return `${lines.join('\n')}\n`;
}
