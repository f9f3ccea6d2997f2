import { findingPath } from '../findings/finding.js';
import type { PlanContext } from '../plan-context.js';

/**
 * Level semantics (model/export-level.ts): a package of a partial -Level changes only what it
 * carries. Reported once, so the administrator knows what the import leaves alone.
 */
export function reportExportLevel(ctx: PlanContext): void {
  const { info, contents } = ctx.model;
  if (info.level === 'All') return;
  const parts: [string, boolean][] = [
    ['principals', contents.principals !== 'none'],
    ['category settings and ACLs', contents.categorySettings],
    ['room settings and roles', contents.roomSettings],
    ['add-ins', contents.addins],
    ['messages', contents.messages],
  ];
  const imported = parts.filter(([, on]) => on).map(([name]) => name);
  const notImported = parts.filter(([, on]) => !on).map(([name]) => name);
  ctx.findings.add(
    'level-partial',
    findingPath.pool(info.origin),
    `The package was exported with -Level ${info.level}: it imports ${imported.join(', ') || 'nothing'}; ${notImported.join(', ')} in the target stay as they are.`,
    { level: info.level, imported, notImported },
  );
}
