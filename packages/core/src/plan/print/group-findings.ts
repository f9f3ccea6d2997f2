import { FINDING_CODES, FINDING_RULES, type FindingCode, type FindingRule, type FindingSeverity } from '../findings/finding-codes.js';
import type { Finding } from '../findings/finding.js';

export interface FindingGroup {
  readonly rule: FindingRule;
  readonly codes: readonly { readonly code: FindingCode; readonly title: string; readonly severity: FindingSeverity; readonly findings: readonly Finding[] }[];
  readonly counts: Readonly<Record<FindingSeverity, number>>;
}

const SEVERITY_ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Findings grouped by rule (in rule order), then by code (worst severity first): what every printer shows. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const rule of FINDING_RULES) {
    const ofRule = findings.filter((f) => f.rule === rule);
    if (ofRule.length === 0) continue;
    const byCode = new Map<FindingCode, Finding[]>();
    for (const finding of ofRule) byCode.set(finding.code, [...(byCode.get(finding.code) ?? []), finding]);
    const codes = [...byCode]
      .map(([code, list]) => ({
        code,
        title: FINDING_CODES[code].title,
        severity: list.reduce<FindingSeverity>((worst, f) => (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst] ? f.severity : worst), 'info'),
        findings: list,
      }))
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code));
    groups.push({
      rule,
      codes,
      counts: {
        error: ofRule.filter((f) => f.severity === 'error').length,
        warning: ofRule.filter((f) => f.severity === 'warning').length,
        info: ofRule.filter((f) => f.severity === 'info').length,
      },
    });
  }
  return groups;
}

export const RULE_TITLES: Readonly<Record<FindingRule, string>> = {
  P3: 'P3 — same Active Directory forest, principals',
  P4: 'P4 — one legacy pool into one Persistent Chat pool',
  R1: 'R1 — categories flattened',
  R2: 'R2 — names up to 256 characters',
  R3: 'R3 — root-category managers',
  R4: 'R4 — invitations',
  R6: 'R6 — federated users',
  R7: 'R7 — disabled rooms and categories',
  R8: 'R8 — messages before the start date',
  R9: 'R9 — conflicts with the target (overwrites)',
  R13: 'R11/R13 — services stopped',
  '§4': '§4 — model conversions',
  level: 'Export level',
  input: 'Source integrity',
  resume: 'Resume and repeat',
};
