import path from 'node:path';
import { Html, horizontalBars, html, monthlyStackedBars, renderReport, renderTable, type ReportSection, type SummaryItem } from '@pcmig/core';
import type { RehearsalResult } from './rehearsal-types.js';

interface FindingRow {
  readonly Severity: string;
  readonly Code: string;
  readonly Path: string;
  readonly Message: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const badge = (status: string) => new Html(`<span class="badge ${status}">${status}</span>`);

/** One self-contained page for the whole rehearsal: each step, its duration, findings, verdict, charts. */
export function renderRehearsalReport(result: RehearsalResult): string {
  const facts = result.facts;
  const imported = facts.imported ?? {};
  const verification = facts.verification ?? {};
  const firstFindings = (facts.whatIfFirst?.Findings ?? []) as FindingRow[];
  const fixedFindings = (facts.whatIfFixed?.Findings ?? []) as FindingRow[];
  const passedSteps = result.steps.filter((s) => s.status === 'passed').length;

  const summary: SummaryItem[] = [
    { label: 'Verdict', value: result.verdict === 'passed' ? 'Passed' : 'Failed', tone: result.verdict === 'passed' ? 'good' : 'bad' },
    { label: 'Steps passed', value: `${passedSteps} / ${result.steps.length}`, tone: passedSteps === result.steps.length ? 'good' : 'bad' },
    { label: 'Rooms migrated', value: Number(imported.Rooms ?? 0) },
    { label: 'Messages migrated', value: Number(imported.Messages ?? 0) },
    { label: 'Messages left out (-StartDate)', value: Number(facts.exported?.MessagesCut ?? 0), tone: 'neutral' },
    { label: 'WhatIf errors fixed', value: Number(facts.whatIfFirst?.Errors ?? 0), tone: Number(facts.whatIfFixed?.Errors ?? 0) === 0 ? 'good' : 'bad' },
    { label: 'Warnings accepted', value: Number(facts.whatIfFixed?.Warnings ?? 0), tone: 'warn' },
    { label: 'Checks passed', value: `${String(verification.PassedChecks ?? 0)} / ${String(verification.Checks ?? 0)}`, tone: verification.Passed === true ? 'good' : 'bad' },
    { label: 'Duration', value: seconds(result.durationMs) },
  ];

  const stepRows = result.steps.map((step) => [
    step.number,
    html`<strong>${step.title}</strong><br><span class="muted">${step.seedReference}</span>`,
    badge(step.status),
    seconds(step.durationMs),
    html`${step.summary}${step.details.length ? html`<ul>${step.details.map((d) => html`<li>${d}</li>`)}</ul>` : ''}${
      step.commands.length ? html`<div>${step.commands.map((c) => html`<div><code>${c.commandLine}</code> <span class="muted">→ exit ${c.exitCode}, ${seconds(c.durationMs)}</span></div>`)}</div>` : ''
    }`,
  ]);

  const byCode = new Map<string, { severity: string; count: number; example: string }>();
  for (const finding of firstFindings) {
    const entry = byCode.get(finding.Code) ?? { severity: finding.Severity, count: 0, example: `${finding.Path}: ${finding.Message}` };
    entry.count += 1;
    byCode.set(finding.Code, entry);
  }
  const severityOrder: Record<string, number> = { error: 0, warning: 1, info: 2 };
  const findingRows = [...byCode]
    .sort(([a, x], [b, y]) => (severityOrder[x.severity] ?? 3) - (severityOrder[y.severity] ?? 3) || a.localeCompare(b))
    .map(([code, entry]) => [badge(entry.severity), html`<code>${code}</code>`, entry.count, entry.example]);

  const planted = result.generated.planted;
  const plantedRows: [string, number | string][] = [
    ['R1/R2 names over 256 characters once flattened', planted.longNames.rooms.length + planted.longNames.categories.length],
    ['R3 managers of the root category', planted.rootManagers.length],
    ['R4 rooms with invitations on under a category with them off', planted.invitationConflicts.length],
    ['R6 federated users', planted.federatedUsers.length],
    ['R7 disabled rooms', planted.disabledRooms.length],
    ['R8 messages before the cutoff', `${planted.cutoff.messagesBefore} (cutoff ${planted.cutoff.date})`],
    ['R9 names already in the target', planted.collisions.categories.length + planted.collisions.rooms.length + planted.collisions.addins.length],
    ['§4 rooms with a Topic', planted.topicRooms.length],
    ['§4 rooms with inherited member lists', planted.inheritedMemberRooms.length],
  ];

  const failures = (verification.Failures ?? []) as Record<string, unknown>[];
  const reportLinks = ['export.html', 'import-whatif.html', 'import-whatif-fixed.html', 'import.html', 'verification.html'].map((name) => {
    const relative = path.relative(result.paths.out, path.join(result.paths.reports, name)).split(path.sep).join('/');
    return html`<li><a href="${relative}">${name}</a></li>`;
  });

  const sections: ReportSection[] = [
    { id: 'steps', title: 'The thirteen steps', body: renderTable([{ header: '#', numeric: true }, { header: 'Step' }, { header: 'Result' }, { header: 'Time', numeric: true }, { header: 'What happened' }], stepRows) },
    {
      id: 'durations',
      title: 'Where the time went',
      body: horizontalBars(result.steps.filter((s) => s.status !== 'skipped').map((s) => ({ label: `${s.number}. ${s.title}`, value: Math.round(s.durationMs) })), 'Step durations (ms)'),
    },
    {
      id: 'messages',
      title: 'Messages per month: migrated and left out by -StartDate',
      body: facts.months?.length
        ? monthlyStackedBars(facts.months, { kept: 'migrated', cut: 'left out (before -StartDate)', title: 'Messages per month' })
        : html`<p class="empty">The package was not read.</p>`,
    },
    {
      id: 'findings',
      title: 'What the first WhatIf reported',
      body: html`${renderTable([{ header: 'Severity' }, { header: 'Code' }, { header: 'Count', numeric: true }, { header: 'Example' }], findingRows, { empty: 'No findings.' })}
<h3>Fixes applied</h3>${facts.fixesApplied?.length ? html`<ul>${facts.fixesApplied.map((f) => html`<li>${f}</li>`)}</ul>` : html`<p class="empty">None needed.</p>`}
<p>After the fixes: ${Number(facts.whatIfFixed?.Errors ?? 0)} errors, ${Number(facts.whatIfFixed?.Warnings ?? 0)} warnings (${fixedFindings.length} findings in all).</p>`,
    },
    {
      id: 'verification',
      title: 'Verification (Test-CsPersistentChatMigration)',
      body: html`<p>${verification.Passed === true ? badge('passed') : badge('failed')} ${String(verification.PassedChecks ?? 0)} of ${String(verification.Checks ?? 0)} checks passed; ${String(verification.Explained ?? 0)} differences are explained by the plan (rooms not migrated, renames, messages left out).</p>
${renderTable([{ header: 'Check' }, { header: 'Path' }, { header: 'Expected' }, { header: 'Actual' }], failures.map((f) => [String(f.Name ?? ''), String(f.Path ?? ''), JSON.stringify(f.Expected), JSON.stringify(f.Actual)]), { empty: 'No check failed.' })}`,
    },
    { id: 'planted', title: 'What the rehearsal data plants', body: renderTable([{ header: 'Case' }, { header: 'Planted', numeric: true }], plantedRows) },
    { id: 'reports', title: 'Detailed reports', body: html`<ul>${reportLinks}</ul>` },
  ];

  const legacy = result.generated.topology.legacy;
  return renderReport({
    title: `Migration rehearsal: ${result.verdict === 'passed' ? 'passed' : 'FAILED'}`,
    subtitle: `${legacy.product} → ${result.generated.topology.target?.product ?? 'Persistent Chat'}, size ${result.size}, seed ${result.seed}`,
    facts: [
      { label: 'Legacy pool', value: `${legacy.poolFqdn} (${legacy.database.dbInstance})` },
      { label: 'Target pool', value: `${result.generated.topology.target?.poolFqdn ?? ''} (${result.generated.topology.target?.database.dbInstance ?? ''})` },
      { label: 'Package', value: result.paths.packageFile },
      { label: 'Deployment', value: result.paths.deployment },
    ],
    summary,
    sections,
  });
}
