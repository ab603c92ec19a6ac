// Grouping rows by a key in linear time (copying a list on every append is quadratic on a large sheet).

/** Appends to the list kept under a key, starting one on first use. */
export function addTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}
