import type { PackageManifest } from '../package/index.js';
import type { CategorySummary, ExportNotice, FederatedPrincipal, RoomSummary } from './export-result.js';
import { categoryPaths } from './resolve-scope.js';
import type { SelectedSource } from './select-source.js';

export interface ExportSummary {
  readonly categories: CategorySummary[];
  readonly rooms: RoomSummary[];
  readonly federated: FederatedPrincipal[];
  readonly notices: ExportNotice[];
}

/**
 * Per-category and per-room counts, federated principals (R6) and notices of an export, from
 * the selection and the manifest of the written package.
 */
export function summarizeExport(source: SelectedSource, manifest: PackageManifest): ExportSummary {
  const plan = source.plan;
  const paths = categoryPaths(plan.allCategories);
  // From what writePackage streamed (SelectedSource.observed): no second pass over the directory.
  const roles = source.observed.rolesPerNode;
  const roomIds = new Set(plan.rooms.map((r) => r.id));
  const roomsOfFederated = new Map<number, Set<number>>();
  for (const role of source.observed.federatedRoles) {
    if (!roomIds.has(role.nodeId)) continue;
    const set = roomsOfFederated.get(role.principalId) ?? new Set();
    set.add(role.nodeId);
    roomsOfFederated.set(role.principalId, set);
  }
  const federated: FederatedPrincipal[] = [...source.observed.federated.values()]
    .sort((a, b) => a.id - b.id)
    .map((p) => ({ id: p.id, uri: p.uri, displayName: p.displayName, roomIds: [] }));
  const withRooms = federated.map((f) => ({ ...f, roomIds: [...(roomsOfFederated.get(f.id) ?? [])].sort((a, b) => a - b) }));

  const exported = plan.contents.messages;
  const tally = (roomId: number) => (exported ? (plan.tallies.byChannel.get(roomId) ?? { kept: 0, cut: 0 }) : { kept: 0, cut: 0 });
  const rooms: RoomSummary[] = plan.rooms.map((room) => ({
    id: room.id,
    name: room.name,
    categoryId: room.categoryId,
    categoryPath: paths.get(room.categoryId) ?? String(room.categoryId),
    disabled: room.disabled,
    roles: roles.get(room.id) ?? 0,
    messagesKept: tally(room.id).kept,
    messagesCut: tally(room.id).cut,
  }));
  const context = plan.resolution.context;
  const roomsByCategory = new Map<number, RoomSummary[]>();
  for (const room of rooms) {
    const list = roomsByCategory.get(room.categoryId) ?? [];
    list.push(room);
    roomsByCategory.set(room.categoryId, list);
  }
  const categories: CategorySummary[] = plan.categories.map((category) => {
    const own = roomsByCategory.get(category.id) ?? [];
    return {
      id: category.id,
      path: paths.get(category.id) ?? category.name,
      context: context.has(category.id),
      disabled: category.disabled,
      rooms: own.length,
      messagesKept: own.reduce((n, r) => n + r.messagesKept, 0),
      messagesCut: own.reduce((n, r) => n + r.messagesCut, 0),
    };
  });

  const notices: ExportNotice[] = [];
  if (manifest.unknownPrincipalIds.length > 0) {
    notices.push({ code: 'unknown-principals', severity: 'warning', path: 'pcmig/manifest.json#unknownPrincipalIds', principalIds: manifest.unknownPrincipalIds });
  }
  if (withRooms.length > 0) {
    notices.push({
      code: 'federated-principals',
      severity: 'warning',
      path: 'AdUsers.xml',
      principalIds: withRooms.map((f) => f.id),
      roomIds: [...new Set(withRooms.flatMap((f) => f.roomIds))].sort((a, b) => a - b),
    });
  }
  if (plan.contents.messages) {
    const existing = new Set(plan.allRooms.map((r) => r.id));
    const orphans = [...plan.tallies.byChannel].filter(([id]) => !existing.has(id));
    if (orphans.length > 0) {
      notices.push({
        code: 'orphan-messages',
        severity: 'warning',
        path: 'tblChat',
        channelIds: orphans.map(([id]) => id).sort((a, b) => a - b),
        messages: orphans.reduce((n, [, t]) => n + t.kept + t.cut, 0),
      });
    }
  }
  plan.resolution.matches.forEach((match, index) => {
    if (match.categoryIds.length > 1) {
      notices.push({ code: 'scope-matched-several', severity: 'info', path: `-Scope[${index}]`, scope: match.scope, categoryIds: match.categoryIds });
    }
  });
  const disabledRooms = plan.rooms.filter((r) => r.disabled).map((r) => r.id);
  if (disabledRooms.length > 0) notices.push({ code: 'disabled-rooms-exported', severity: 'info', path: 'ChatRooms.xml', roomIds: disabledRooms });
  return { categories, rooms, federated: withRooms, notices };
}
