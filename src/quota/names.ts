// Rows grouped by the names they mention (people on tasks, projects, time off), so per-name totals
// take one pass over the rows however many names there are.

import { nameKey } from '../model/work';

/** Name key → the items naming it; an item naming the same key twice is listed once. */
export function byName<T>(items: readonly T[], names: (item: T) => readonly string[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(names(item).map(nameKey))) {
      const list = index.get(key);
      if (list) list.push(item);
      else index.set(key, [item]);
    }
  }
  return index;
}
