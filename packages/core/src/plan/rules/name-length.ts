import crypto from 'node:crypto';
import { Limits } from '../../model/constants.js';
import { categoryPath, roomPath, type PlanContext } from '../plan-context.js';
import { roomTargetName } from './flatten-names.js';

/**
 * R2: tblNode.nodeName holds 256 characters (UTF-16 code units, as SQL Server counts), parent
 * prefixes included. Over the limit is an error naming the item and its length; with
 * -ShortenLongNames the name is shortened deterministically (see shortenName) and reported.
 */
export function enforceNameLength(ctx: PlanContext): void {
  const limit = Limits.nodeName;
  for (const category of ctx.categories.values()) {
    if (!category.rootRooms && category.source.name.length === 0) {
      ctx.findings.add('name-empty', categoryPath(category), `Category ${category.source.id} has an empty name.`, { kind: 'category', nodeId: category.source.id });
      continue;
    }
    if (category.name.length <= limit) continue;
    if (ctx.options.shortenLongNames) {
      const short = shortenName(category.name, limit);
      ctx.findings.add('name-shortened', categoryPath(category), `Category name of ${category.name.length} characters shortened to '${short}'.`, {
        kind: 'category',
        from: category.name,
        to: short,
        length: category.name.length,
      });
      category.name = short;
    } else {
      ctx.findings.add(
        'name-too-long',
        categoryPath(category),
        `Category '${category.name}' is ${category.name.length} characters long once flattened; the limit is ${limit}.`,
        { kind: 'category', name: category.name, length: category.name.length, limit },
      );
    }
  }
  for (const room of ctx.rooms.values()) {
    if (!room.migrate) continue;
    if (room.source.name.length === 0) {
      ctx.findings.add('name-empty', roomPath(room), `Room ${room.source.id} has an empty name.`, { kind: 'room', nodeId: room.source.id });
      continue;
    }
    room.name = roomTargetName(room, room.category.name, ctx.options.categorySeparator);
    if (room.name.length <= limit) continue;
    if (ctx.options.shortenLongNames) {
      const short = shortenName(room.name, limit);
      ctx.findings.add('name-shortened', roomPath(room), `Room name of ${room.name.length} characters shortened to '${short}'.`, {
        kind: 'room',
        from: room.name,
        to: short,
        length: room.name.length,
      });
      room.name = short;
    } else {
      ctx.findings.add('name-too-long', roomPath(room), `Room '${room.name}' is ${room.name.length} characters long with its prefix; the limit is ${limit}.`, {
        kind: 'room',
        name: room.name,
        length: room.name.length,
        limit,
      });
    }
  }
}

/**
 * Decision: keep the start of the name (it carries the parent categories) and end with '~' and
 * the first 7 hex digits of the full name's SHA-256, so that two long names sharing a start stay
 * distinct and a re-run gives the same result. Never splits a surrogate pair.
 */
export function shortenName(name: string, limit: number): string {
  if (name.length <= limit) return name;
  const suffix = `~${crypto.createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 7)}`;
  let cut = limit - suffix.length;
  const last = name.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${name.slice(0, cut).trimEnd()}${suffix}`;
}
