import { SYSTEM_PRINCIPAL_ID } from '../../model/constants.js';
import { dnsDomainOfDn, sipDomainOf, type Principal } from '../../model/principal.js';
import { findingPath } from '../findings/finding.js';
import { mapKey, migratedRooms, type PlanContext, type PrincipalResolution } from '../plan-context.js';
import type { PrincipalAction } from '../plan-types.js';
import type { TargetPrincipal } from '../target-snapshot.js';

/**
 * P3: the source's principals must be those of the target's Active Directory forest. Each source
 * principal is matched with the target's cache by objectGUID, then UPN, then SIP URI (a domain
 * principal also by its DNS name). A principal the migrated data refers to and the target does
 * not cache yet is added to tblPrincipal, as AD sync would add it — provided its domain belongs
 * to the target's forest (a domain the target caches, or one in the same DNS tree); otherwise it
 * is a foreign-forest error. Federated principals (R6) are created SIP-disabled whatever their
 * domain. Only referenced principals are created (AD sync caches the others when they are used),
 * except for a -Level User package, whose principals are its whole content.
 */
export function planPrincipals(ctx: PlanContext): PrincipalAction[] {
  const index = targetIndex(ctx.target.principals);
  const referenced = referencedPrincipals(ctx);
  const domains = ctx.target.domains;
  let nextId = ctx.target.maxIds.principal;
  let unverifiableReported = false;
  const actions: PrincipalAction[] = [];
  const created = new CreatedPrincipals();

  for (const principal of [...ctx.model.principals.values()].sort((a, b) => a.id - b.id)) {
    const recorded = ctx.ledger.maps.get(mapKey('principal', principal.id));
    let resolution: PrincipalResolution = recorded ? fromLedger(recorded.action, recorded.targetId, recorded.targetGuid ?? principal.guid) : match(principal, index);
    if (!referenced.has(principal.id)) {
      // Unreferenced: never created; a match is still useful (node audit columns).
      if (resolution.action === 'match' || resolution.action === 'system') ctx.principals.set(principal.id, resolution);
      continue;
    }
    if (!recorded && resolution.action === 'create') {
      const domain = principalDomain(principal);
      const inForest = principal.federated || (domain !== undefined && (domains.length === 0 || domains.some((d) => sameTree(domain, d))));
      if (!principal.federated && domain === undefined) {
        resolution = { ...resolution, action: 'unresolved' };
        ctx.findings.add(
          'unresolvable-principal',
          findingPath.principal(principal.uri),
          `${principal.uri} (${principal.kind}) is not cached by the target and has no distinguished name, UPN or SIP domain to place it in the forest.`,
          { uri: principal.uri, kind: principal.kind },
        );
      } else if (!inForest) {
        resolution = { ...resolution, action: 'unresolved' };
        ctx.findings.add(
          'foreign-forest-principal',
          findingPath.principal(principal.uri),
          `${principal.uri} belongs to ${domain}, which is not a domain of the target's forest (${domains.join(', ')}).`,
          { uri: principal.uri, domain: domain ?? '', targetDomains: [...domains] },
        );
      } else {
        if (domains.length === 0 && !principal.federated && !unverifiableReported) {
          unverifiableReported = true;
          ctx.findings.add(
            'forest-unverifiable',
            findingPath.pool(ctx.target.description),
            `The target caches no domain principal: pcmig cannot check that ${domain} and the other source domains belong to its forest.`,
            { target: ctx.target.description },
          );
        }
        nextId += 1;
        resolution = { action: 'create', matchedBy: null, targetId: nextId, targetGuid: principal.guid };
      }
    }
    if (resolution.action === 'create') {
      created.add(principal, resolution.targetId ?? 0);
    }
    if (resolution.action === 'match' && (resolution.matchedBy === 'upn' || resolution.matchedBy === 'uri')) {
      ctx.findings.add(
        'principal-matched-by-name',
        findingPath.principal(principal.uri),
        `${principal.uri} matches target principal ${resolution.targetId} by ${resolution.matchedBy.toUpperCase()}, not by objectGUID (${principal.guid} ≠ ${resolution.targetGuid}).`,
        { uri: principal.uri, matchedBy: resolution.matchedBy, sourceGuid: principal.guid, targetGuid: resolution.targetGuid, targetId: resolution.targetId ?? 0 },
      );
    }
    ctx.principals.set(principal.id, resolution);
    actions.push({
      sourceId: principal.id,
      sourceGuid: principal.guid,
      uri: principal.uri,
      kind: principal.kind,
      federated: principal.federated,
      action: resolution.action,
      matchedBy: resolution.matchedBy,
      targetId: resolution.targetId,
      targetGuid: resolution.targetGuid,
    });
  }
  created.report(ctx);
  return actions;
}

/**
 * Decision: principals added to tblPrincipal are reported in one finding, with counts by kind and
 * the prinIDs they take, not one finding each: they need nothing from the administrator (AD sync
 * refreshes them), a large pool adds tens of thousands, and the plan's principal actions (action
 * 'create') already list every one.
 */
class CreatedPrincipals {
  private count = 0;
  private federated = 0;
  private readonly byKind: Record<string, number> = {};
  private firstTargetId = Number.POSITIVE_INFINITY;
  private lastTargetId = 0;

  add(principal: Principal, targetId: number): void {
    this.count += 1;
    if (principal.federated) this.federated += 1;
    this.byKind[principal.kind] = (this.byKind[principal.kind] ?? 0) + 1;
    this.firstTargetId = Math.min(this.firstTargetId, targetId);
    this.lastTargetId = Math.max(this.lastTargetId, targetId);
  }

  report(ctx: PlanContext): void {
    if (this.count === 0) return;
    const kinds = Object.entries(this.byKind)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, n]) => `${n.toLocaleString('en-US')} ${kind}`);
    const federated = this.federated > 0 ? `; ${this.federated.toLocaleString('en-US')} federated, SIP-disabled` : '';
    const ids = this.firstTargetId === this.lastTargetId ? `prinID ${this.lastTargetId}` : `prinIDs ${this.firstTargetId}–${this.lastTargetId}`;
    ctx.findings.add(
      'principals-created',
      findingPath.pool(ctx.target.description),
      `${this.count.toLocaleString('en-US')} principal${this.count === 1 ? '' : 's'} the target does not cache yet (${kinds.join(', ')}${federated}) ${this.count === 1 ? 'is' : 'are'} added to tblPrincipal as ${ids}.`,
      { principals: this.count, byKind: { ...this.byKind }, federated: this.federated, firstTargetId: this.firstTargetId, lastTargetId: this.lastTargetId },
    );
  }
}

interface TargetIndex {
  readonly byGuid: Map<string, TargetPrincipal>;
  readonly byUpn: Map<string, TargetPrincipal>;
  readonly byUri: Map<string, TargetPrincipal>;
  readonly domainsByName: Map<string, TargetPrincipal>;
}

function targetIndex(principals: readonly TargetPrincipal[]): TargetIndex {
  const index: TargetIndex = { byGuid: new Map(), byUpn: new Map(), byUri: new Map(), domainsByName: new Map() };
  for (const p of principals) {
    index.byGuid.set(p.guid, p);
    if (p.upn) index.byUpn.set(p.upn.toLowerCase(), p);
    if (!index.byUri.has(p.uri.toLowerCase())) index.byUri.set(p.uri.toLowerCase(), p);
    const domain = p.kind === 'domain' && p.dn ? dnsDomainOfDn(p.dn) : undefined;
    if (domain) index.domainsByName.set(domain, p);
  }
  return index;
}

function match(principal: Principal, index: TargetIndex): PrincipalResolution {
  if (principal.kind === 'system') return { action: 'system', matchedBy: null, targetId: SYSTEM_PRINCIPAL_ID, targetGuid: principal.guid };
  const found = (p: TargetPrincipal | undefined, by: 'guid' | 'upn' | 'uri'): PrincipalResolution | undefined =>
    p ? { action: 'match', matchedBy: by, targetId: p.id, targetGuid: p.guid } : undefined;
  const domain = principal.kind === 'domain' && principal.dn ? dnsDomainOfDn(principal.dn) : undefined;
  return (
    found(index.byGuid.get(principal.guid), 'guid') ??
    (principal.upn ? found(index.byUpn.get(principal.upn.toLowerCase()), 'upn') : undefined) ??
    found(index.byUri.get(principal.uri.toLowerCase()), 'uri') ??
    (domain ? found(index.domainsByName.get(domain), 'guid') : undefined) ?? { action: 'create', matchedBy: null, targetId: null, targetGuid: principal.guid }
  );
}

/** The DNS domain of a principal: from its distinguished name, else its UPN, else its SIP URI. */
export function principalDomain(principal: Principal): string | undefined {
  return (
    (principal.dn ? dnsDomainOfDn(principal.dn) : undefined) ??
    (principal.upn?.includes('@') ? principal.upn.slice(principal.upn.lastIndexOf('@') + 1).toLowerCase() : undefined) ??
    sipDomainOf(principal.uri)
  );
}

/** Decision: a domain is in the target's forest when it is a cached domain, or a child or parent of one (one DNS tree). */
function sameTree(domain: string, cached: string): boolean {
  return domain === cached || domain.endsWith(`.${cached}`) || cached.endsWith(`.${domain}`);
}

/** Every principal the migrated data refers to. */
function referencedPrincipals(ctx: PlanContext): Set<number> {
  const referenced = new Set<number>();
  if (ctx.model.info.level === 'User') {
    for (const p of ctx.model.principals.values()) if (p.kind !== 'system') referenced.add(p.id);
  }
  for (const category of ctx.categories.values()) {
    for (const set of [category.allowed, category.denied, category.creators]) for (const id of set) referenced.add(id);
  }
  for (const room of migratedRooms(ctx)) {
    for (const set of [room.members, room.managers, room.presenters]) for (const id of set) referenced.add(id);
    for (const id of ctx.scan.authors.get(room.source.id) ?? []) if (ctx.model.principals.has(id)) referenced.add(id);
  }
  return referenced;
}

/** How a resolution is recorded in the ledger's action column, and read back. */
export function principalLedgerAction(resolution: PrincipalResolution): string {
  return resolution.action === 'match' && resolution.matchedBy && resolution.matchedBy !== 'guid' ? `match-${resolution.matchedBy}` : resolution.action;
}

function fromLedger(action: string, targetId: number | null, targetGuid: string): PrincipalResolution {
  if (action === 'match-upn' || action === 'match-uri') return { action: 'match', matchedBy: action === 'match-upn' ? 'upn' : 'uri', targetId, targetGuid };
  if (action === 'match') return { action: 'match', matchedBy: 'guid', targetId, targetGuid };
  return { action: action === 'system' ? 'system' : action === 'create' ? 'create' : 'unresolved', matchedBy: null, targetId, targetGuid };
}
