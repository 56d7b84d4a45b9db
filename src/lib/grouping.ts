/** Adds `value` to the list under `key`, starting the list if there is none: grouping without copying a list per item. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
