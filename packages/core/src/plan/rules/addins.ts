import { deriveGuid } from '../derive-guid.js';
import { findingPath } from '../findings/finding.js';
import { mapKey, migratedRooms, roomPath, type PlanContext } from '../plan-context.js';
import type { AddinAction } from '../plan-types.js';
import { nameKey } from './unique-names.js';

/**
 * Add-ins migrate (tblSiopWhiteList). R9: an add-in of the same name in the target is
 * overwritten — its URL replaced, its GUID kept so that rooms already using it keep it. A new
 * add-in keeps its legacy GUID unless the target uses it for another add-in. Rooms refer to the
 * add-in by the resulting GUID; a room whose add-in the source lacks migrates without one.
 */
export function planAddins(ctx: PlanContext): AddinAction[] {
  const actions: AddinAction[] = [];
  const bySource = new Map<string, string>();
  if (ctx.model.contents.addins) {
    const byName = new Map(ctx.target.addins.map((a) => [nameKey(a.name), a]));
    const targetIds = new Set(ctx.target.addins.map((a) => a.id));
    for (const addin of [...ctx.model.addins.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const recorded = ctx.ledger.maps.get(mapKey('addin', addin.id));
      const existing = byName.get(nameKey(addin.name));
      let action: AddinAction;
      if (recorded?.targetGuid) {
        action = { sourceId: addin.id, name: addin.name, url: addin.url, action: recorded.action === 'overwrite' ? 'overwrite' : 'create', targetId: recorded.targetGuid };
      } else if (existing) {
        action = { sourceId: addin.id, name: addin.name, url: addin.url, action: 'overwrite', targetId: existing.id };
      } else {
        let id = addin.id;
        if (targetIds.has(id)) {
          id = deriveGuid(addin.id, addin.name, 'addin');
          ctx.findings.add('guid-taken', findingPath.addin(addin.name), `Add-in '${addin.name}': GUID ${addin.id} is taken in the target; it gets ${id}.`, {
            kind: 'addin',
            guid: addin.id,
            newGuid: id,
          });
        }
        action = { sourceId: addin.id, name: addin.name, url: addin.url, action: 'create', targetId: id };
      }
      if (action.action === 'overwrite' && existing) {
        ctx.findings.add(
          'addin-overwritten',
          findingPath.addin(addin.name),
          `Add-in '${existing.name}' exists in the target (${existing.url}); its URL becomes ${addin.url}.`,
          { name: addin.name, url: addin.url, previousUrl: existing.url },
        );
      }
      actions.push(action);
      bySource.set(addin.id, action.targetId);
    }
  }
  for (const room of ctx.rooms.values()) {
    const legacy = room.source.addinId;
    if (legacy === null) continue;
    room.addin = bySource.get(legacy) ?? null;
  }
  if (ctx.model.contents.addins && ctx.model.contents.roomSettings) {
    for (const room of migratedRooms(ctx)) {
      const legacy = room.source.addinId;
      if (legacy === null || bySource.has(legacy)) continue;
      ctx.findings.add('dangling-addin-reference', roomPath(room), `Room '${room.source.name}' uses add-in ${legacy}, which the source does not contain.`, {
        addinId: legacy,
      });
    }
  }
  return actions;
}
