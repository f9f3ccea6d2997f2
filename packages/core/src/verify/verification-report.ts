import { formatCount, html, renderReport, renderTable } from '../report/html.js';
import { CHECK_NAMES, type VerificationResult } from './verify-types.js';

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The verification as text: the verdict, then every failed check (and a count of the passed ones per kind). */
export function formatVerificationText(result: VerificationResult, options: { maxFailures?: number } = {}): string {
  const max = options.maxFailures ?? 50;
  const lines = [
    `Test-CsPersistentChatMigration: ${result.passed ? 'PASSED' : 'FAILED'} — ${formatCount(result.summary.passed)} check(s) passed (${formatCount(result.summary.explained)} explained by the plan's findings), ${formatCount(result.summary.failed)} failed.`,
    `  Compared by ${result.basis === 'ledger' ? "the target's import ledger (exact ids)" : 'converted names (the ledger does not record this source)'}; source ${result.plan.source.origin}, target ${result.plan.target.description}.`,
  ];
  for (const name of CHECK_NAMES) {
    const of = result.checks.filter((c) => c.name === name);
    if (of.length === 0) continue;
    const failed = of.filter((c) => !c.passed);
    lines.push(`  ${name}: ${of.length - failed.length}/${of.length} passed`);
    for (const c of failed.slice(0, max)) lines.push(`    FAILED ${c.path}: expected ${show(c.expected)}, actual ${show(c.actual)}`);
    if (failed.length > max) lines.push(`    … and ${failed.length - max} more`);
  }
  return `${lines.join('\n')}\n`;
}

/** The -Report page of the verification: verdict, counts per kind of check, every failure, every explained absence. */
export function renderVerificationReport(result: VerificationResult): string {
  const byName = CHECK_NAMES.map((name) => {
    const of = result.checks.filter((c) => c.name === name);
    return { name, total: of.length, failed: of.filter((c) => !c.passed).length };
  }).filter((n) => n.total > 0);
  const failures = result.checks.filter((c) => !c.passed);
  const explained = result.checks.filter((c) => c.explainedBy !== undefined);
  return renderReport({
    title: 'Test-CsPersistentChatMigration',
    subtitle: result.passed ? 'Every check passed' : `${result.summary.failed} check(s) failed`,
    facts: [
      { label: 'Source', value: result.plan.source.origin },
      { label: 'Target', value: result.plan.target.description },
      { label: 'Compared by', value: result.basis === 'ledger' ? 'the import ledger (exact ids)' : 'converted names' },
      { label: 'Import key', value: result.plan.runKey },
    ],
    summary: [
      { label: 'Verdict', value: result.passed ? 'Passed' : 'Failed', tone: result.passed ? 'good' : 'bad' },
      { label: 'Checks passed', value: result.summary.passed, tone: 'good' },
      { label: 'Checks failed', value: result.summary.failed, tone: result.summary.failed > 0 ? 'bad' : 'good' },
      { label: 'Explained by findings', value: result.summary.explained },
    ],
    sections: [
      {
        id: 'checks',
        title: 'Checks',
        body: renderTable(
          [{ header: 'Check' }, { header: 'Passed', numeric: true }, { header: 'Failed', numeric: true }],
          byName.map((n) => [html`<code>${n.name}</code>`, n.total - n.failed, n.failed]),
        ),
      },
      {
        id: 'failures',
        title: `Failures (${failures.length})`,
        body: renderTable(
          [{ header: 'Check' }, { header: 'Where' }, { header: 'Expected' }, { header: 'Actual' }],
          failures.map((c) => [html`<span class="badge failed">${c.name}</span>`, html`<code>${c.path}</code>`, show(c.expected), show(c.actual)]),
          { empty: 'None.' },
        ),
      },
      {
        id: 'explained',
        title: `Explained absences (${explained.length})`,
        body: renderTable(
          [{ header: 'Where' }, { header: 'Finding' }, { header: 'Why' }],
          explained.map((c) => [html`<code>${c.path}</code>`, html`<code>${c.explainedBy ?? ''}</code>`, show(c.actual)]),
          { empty: 'None.' },
        ),
      },
    ],
  });
}
