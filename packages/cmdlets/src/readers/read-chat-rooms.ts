import { throttleProgress, type StoredRoom } from '@pcmig/core';
import type { CmdletContext } from '../definition/cmdlet-context.js';
import { wildcard } from '../help/render-help.js';
import { identityOf, matchIdentity, notFound } from './match-identity.js';
import { withTargetStore } from './open-target-store.js';
import { PrincipalNames } from './principal-names.js';
import type { RoomQuery } from '../cmdlets/get-cs-persistent-chat-room.js';

const ACTIVITY = 'Get-CsPersistentChatRoom';

/**
 * Get-CsPersistentChatRoom: filters on the room rows first, then reads the role lists only of
 * the rooms still in (one query per room), with progress, and stops at -ResultSize.
 */
export async function readChatRooms(query: RoomQuery, context: CmdletContext): Promise<void> {
  await withTargetStore(query, context, async (store) => {
    const pool = query.PersistentChatPoolFqdn;
    let rooms = await store.rooms();
    if (query.Identity !== undefined) {
      const match = matchIdentity(rooms, query.Identity, pool);
      if (!match) {
        context.writeError(notFound('chat room', query.Identity, store.description));
        return;
      }
      rooms = [match];
    }
    if (query.Category !== undefined) {
      const category = matchIdentity(await store.categories(), query.Category, pool);
      if (!category) {
        context.writeError(notFound('category', query.Category, store.description));
        return;
      }
      rooms = rooms.filter((room) => room.categoryId === category.id);
    }
    if (query.Addin !== undefined) {
      const addin = matchIdentity(await store.addins(), query.Addin, pool);
      if (!addin) {
        context.writeError(notFound('add-in', query.Addin, store.description));
        return;
      }
      rooms = rooms.filter((room) => room.addinId === addin.id);
    }
    const text = query.Filter === undefined ? undefined : textMatcher(query.Filter);
    rooms = rooms.filter(
      (room) =>
        (query.Disabled === undefined || room.disabled === query.Disabled) &&
        (query.Invitations === undefined || room.invitations === query.Invitations) &&
        (query.Privacy === undefined || room.privacy === query.Privacy) &&
        (query.Type === undefined || room.type === query.Type) &&
        (text === undefined || text(room.name) || (query.SearchDescription === true && text(room.description))),
    );

    const limit = query.ResultSize ?? Number.POSITIVE_INFINITY;
    if (limit === 0) return;
    const names = await PrincipalNames.load(store);
    const categoryNames = new Map((await store.categories()).map((c) => [c.id, c.name]));
    const progress = throttleProgress((event) => context.writeProgress(event));
    let written = 0;
    for (let i = 0; i < rooms.length; i += 1) {
      const room = rooms[i]!;
      progress({ activity: ACTIVITY, status: `Reading the roles of room ${i + 1} of ${rooms.length}`, current: i, total: rooms.length });
      const roles = await store.roomRoles(room.id);
      if (query.Member !== undefined && !names.includesUser(roles.members, query.Member)) continue;
      if (query.Manager !== undefined && !names.includesUser(roles.managers, query.Manager)) continue;
      if (written === limit) {
        context.writeWarning(`More chat rooms match than -ResultSize ${limit}; only the first ${limit} are returned.`);
        break;
      }
      context.writeObject(roomObject(room, categoryNames.get(room.categoryId) ?? room.category, roles, names, query.AsObject, pool));
      written += 1;
    }
    progress({ activity: ACTIVITY, status: 'Done', current: rooms.length, total: rooms.length, completed: true });
  });
}

function roomObject(
  room: StoredRoom,
  category: string,
  roles: { members: string[]; managers: string[]; presenters: string[] },
  names: PrincipalNames,
  asObject: boolean,
  pool: string | undefined,
) {
  return {
    Identity: identityOf(room.name, pool),
    Name: room.name,
    Description: room.description,
    Category: identityOf(category, pool),
    Privacy: room.privacy,
    Type: room.type,
    Addin: room.addin,
    Disabled: room.disabled,
    Invitations: room.invitations,
    Members: names.names(roles.members, asObject),
    Managers: names.names(roles.managers, asObject),
    Presenters: names.names(roles.presenters, asObject),
    PersistentChatPoolFqdn: pool ?? null,
  };
}

/** -Filter: wildcards match the whole text, plain text is a case-insensitive substring (a keyword). */
function textMatcher(filter: string): (text: string) => boolean {
  if (/[*?]/.test(filter)) {
    const pattern = wildcard(filter);
    return (text) => pattern.test(text);
  }
  const needle = filter.toLowerCase();
  return (text) => text.toLowerCase().includes(needle);
}
