import { categoryPath, roomPath, type PlanContext } from '../plan-context.js';

/**
 * R1: names are unique per pool. SQL Server's default collation compares case-insensitively and
 * ignores trailing spaces, so that is how names are compared here and against the target (R9).
 */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/ +$/, '');
}

export function checkUniqueNames(ctx: PlanContext): void {
  const categories = new Map<string, { name: string; path: string }[]>();
  for (const category of ctx.categories.values()) {
    const key = nameKey(category.name);
    const list = categories.get(key) ?? [];
    list.push({ name: category.name, path: categoryPath(category) });
    categories.set(key, list);
  }
  for (const list of categories.values()) {
    if (list.length < 2) continue;
    for (const item of list) {
      const others = list.filter((o) => o !== item).map((o) => o.path);
      ctx.findings.add('name-collision', item.path, `Category name '${item.name}' is also the name of ${others.join(', ')}.`, {
        kind: 'category',
        name: item.name,
        others,
      });
    }
  }
  const rooms = new Map<string, { name: string; path: string }[]>();
  for (const room of ctx.rooms.values()) {
    if (!room.migrate) continue;
    const key = nameKey(room.name);
    const list = rooms.get(key) ?? [];
    list.push({ name: room.name, path: roomPath(room) });
    rooms.set(key, list);
  }
  for (const list of rooms.values()) {
    if (list.length < 2) continue;
    for (const item of list) {
      const others = list.filter((o) => o !== item).map((o) => o.path);
      ctx.findings.add('name-collision', item.path, `Room name '${item.name}' is also the name of ${others.join(', ')}.`, { kind: 'room', name: item.name, others });
    }
  }
}
