// The latest value per key (per speaker, per source) as one array kept in the
// order a state lists them: a new value replaces its key's earlier one and is
// placed by the order, in a copy. Small lists replaced whole on change, so a
// checkpoint shares them and each version is presented once, already sorted.

/**
 * `list` (sorted by `order`) without the value whose key is `key`, with
 * `value` inserted where `order` puts it. O(length). Pure.
 */
export function withLatest<T>(list: readonly T[] | undefined, key: (x: T) => string, value: T, order: (a: T, b: T) => number): readonly T[] {
  const k = key(value);
  const out: T[] = [];
  let placed = false;
  for (const x of list ?? []) {
    if (key(x) === k) continue;
    if (!placed && order(value, x) < 0) (out.push(value), (placed = true));
    out.push(x);
  }
  if (!placed) out.push(value);
  return out;
}
