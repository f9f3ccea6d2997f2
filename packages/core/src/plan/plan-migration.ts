import crypto from 'node:crypto';
import type { SourceData } from '../model/source-data.js';
import { FindingSink } from './findings/finding.js';
import { assemblePlan } from './assemble-plan.js';
import { buildDrafts } from './build-drafts.js';
import { LegacyTree } from './legacy-tree.js';
import type { PlanContext } from './plan-context.js';
import { resolvePlanOptions, shapingOptions, type PlanOptions } from './plan-options.js';
import type { MigrationPlan } from './plan-types.js';
import { relieveHeap } from '../runtime/heap-relief.js';
import { rules } from './rules/index.js';
import { scanMessages } from './scan-messages.js';
import { readSourceModel } from './source-model.js';
import type { TargetSnapshot } from './target-snapshot.js';

export const IMPORT_ACTIVITY = 'Import-CsPersistentChatData';

/**
 * The WhatIf planner: a pure function of the source, a snapshot of the target and the options
 * (it only reads the source). Every conversion is a finding; the plan lists every action.
 * Reading the whole source here — messages included — also means a damaged source fails before
 * anything is written.
 */
export async function planMigration(source: SourceData, target: TargetSnapshot, options: PlanOptions = {}): Promise<MigrationPlan> {
  const resolved = resolvePlanOptions(options);
  options.onProgress?.({ activity: IMPORT_ACTIVITY, status: 'Planning: reading categories, rooms, roles and principals' });
  const model = await readSourceModel(source);
  const scan = await scanMessages(source, {
    knownRooms: new Set(model.rooms.keys()),
    // R7 (disabled-rooms.ts) decides for real; the tally only needs the same answer.
    migrates: (id) => !(model.legacy && model.rooms.get(id)?.disabled === true),
    knownAuthor: (id) => model.principals.has(id),
    authorGuid: (id) => model.principals.get(id)?.guid,
    contentHash: options.contentHash ?? false,
    now: resolved.now,
    activity: IMPORT_ACTIVITY,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  relieveHeap();
  const sourceKey = sha256(`${model.structureHash}|${scan.fingerprint}`);
  const runKey = sha256(`${sourceKey}|${JSON.stringify(shapingOptions(resolved))}`);

  const ctx: PlanContext = {
    model,
    scan,
    target,
    options: resolved,
    tree: new LegacyTree(model),
    findings: new FindingSink(),
    categories: new Map(),
    rooms: new Map(),
    principals: new Map(),
    ledger: { status: 'fresh', run: null, maps: new Map() },
  };
  buildDrafts(ctx);
  for (const rule of rules.beforeLedger) rule(ctx);
  ctx.ledger = rules.decideLedger(ctx, runKey, sourceKey);
  const principals = rules.planPrincipals(ctx);
  const addins = rules.planAddins(ctx);
  for (const rule of rules.afterLedger) rule(ctx);
  relieveHeap();
  options.onProgress?.({ activity: IMPORT_ACTIVITY, status: 'Planning: done', completed: true });
  return assemblePlan(ctx, { runKey, sourceKey, principals, addins });
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}
