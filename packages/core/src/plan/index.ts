// Public surface of this area (re-exported by src/index.ts): the WhatIf planner, its findings and printers.
export { planMigration, IMPORT_ACTIVITY } from './plan-migration.js';
export { readTargetSnapshot, type TargetLedger, type TargetPrincipal, type TargetSnapshot } from './target-snapshot.js';
export {
  DEFAULT_CATEGORY_SEPARATOR,
  DEFAULT_ROOT_ROOMS_CATEGORY,
  resolvePlanOptions,
  type PlanOptions,
  type ResolvedPlanOptions,
  type ShapingOptions,
} from './plan-options.js';
export type {
  AddinAction,
  CategoryAction,
  MigrationPlan,
  NodeActionKind,
  PlanMonth,
  PlanStatus,
  PlanTotals,
  PrincipalAction,
  RoomAction,
  RoomMessages,
} from './plan-types.js';
export {
  FINDING_CODES,
  FINDING_CODE_LIST,
  FINDING_RULES,
  FINDING_SEVERITIES,
  type FindingCode,
  type FindingDefinition,
  type FindingRule,
  type FindingSeverity,
} from './findings/finding-codes.js';
export { PATH_SEPARATOR, findingsOf, type Finding, type FindingDataByCode, type FindingOf } from './findings/finding.js';
export { RoomHasher } from './scan-messages.js';
export { shortenName } from './rules/name-length.js';
export { describePlan } from './describe-plan.js';
export { FINDINGS_FILTER_SCRIPT, RULE_TITLES, formatPlanText, groupFindings, planToJson, renderFindingsHtml, type FindingGroup } from './print/index.js';
export type { MessageExtent } from '../db/repositories/persistent-chat-store.js';
export { ImportLedger, type LedgerMapEntry, type LedgerMapKind, type LedgerRun, type LedgerStep } from '../db/repositories/import-ledger.js';
