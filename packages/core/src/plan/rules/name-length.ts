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
  for (const category of ctx.categories.values()) {
    if (!category.rootRooms && category.source.name.length === 0) {
      ctx.findings.add('name-empty', categoryPath(category), `Category ${category.source.id} has an empty name.`, { kind: 'category', nodeId: category.source.id });
      continue;
    }
    category.name = fitName(ctx, { kind: 'category', label: 'Category', path: categoryPath(category), name: category.name, measured: 'once flattened' });
  }
  for (const room of ctx.rooms.values()) {
    if (!room.migrate) continue;
    if (room.source.name.length === 0) {
      ctx.findings.add('name-empty', roomPath(room), `Room ${room.source.id} has an empty name.`, { kind: 'room', nodeId: room.source.id });
      continue;
    }
    const name = roomTargetName(room, room.category.name, ctx.options.categorySeparator);
    room.name = fitName(ctx, { kind: 'room', label: 'Room', path: roomPath(room), name, measured: 'with its prefix' });
  }
}

/** The name within the limit: as it is, shortened (-ShortenLongNames, a warning) or kept with an error. */
function fitName(
  ctx: PlanContext,
  node: { kind: 'category' | 'room'; label: string; path: string; name: string; measured: string },
): string {
  const limit = Limits.nodeName;
  const { kind, label, path, name } = node;
  if (name.length <= limit) return name;
  if (!ctx.options.shortenLongNames) {
    ctx.findings.add('name-too-long', path, `${label} '${name}' is ${name.length} characters long ${node.measured}; the limit is ${limit}.`, { kind, name, length: name.length, limit });
    return name;
  }
  const short = shortenName(name, limit);
  ctx.findings.add('name-shortened', path, `${label} name of ${name.length} characters shortened to '${short}'.`, { kind, from: name, to: short, length: name.length });
  return short;
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
