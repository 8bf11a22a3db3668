// A persistent table keyed by user ids, in insertion order: values in
// fixed-size chunks under one spine, and key -> place in one Map that is
// copied only when a key is added. Replacing a value copies one chunk and
// the spine, so a replay state holding it is cloned in O(1) and checkpoints
// share all but the chunks that changed. For tables whose keys are added
// rarely and whose values change often (the proposals).
//
// A table also keeps its places in listing order, by an order fixed when the
// table is made over what a value never changes once added (a proposal's
// tabled date and id): adding a key inserts one place, so a reader that lists
// the values in that order never sorts them.

/** Values per chunk. */
export const TABLE_CHUNK = 32;

/** How two values are listed: negative when `a` comes first. Must depend only on what never changes once a value is added, and never return 0 for two keys. */
export type ListingOrder<V> = (a: V, b: V) => number;

export interface OrderedTable<V> {
  readonly size: number;
  /** The values in the order their keys were added, TABLE_CHUNK at a time. Immutable: a presentation may memoise per chunk. */
  readonly chunks: readonly (readonly V[])[];
  /** key -> place. Shared by every version until a key is added. */
  readonly places: ReadonlyMap<string, number>;
  /** Every place, in listing order. Shared by every version until a key is added. */
  readonly listing: readonly number[];
  /** The table's listing order (a method, so that a table of values reads as a table of anything they extend). */
  order(a: V, b: V): number;
}

/** The empty table whose values are listed by `order`. Pure. */
export function emptyTable<V>(order: ListingOrder<V>): OrderedTable<V> {
  return Object.freeze({ size: 0, chunks: Object.freeze([]), places: new Map(), listing: Object.freeze([]), order });
}

/** The value at `place`. Pure. */
export function tableAt<V>(table: OrderedTable<V>, place: number): V {
  return table.chunks[(place / TABLE_CHUNK) | 0]![place % TABLE_CHUNK]!;
}

/** The value under `key`, if any. Pure. */
export function tableGet<V>(table: OrderedTable<V>, key: string): V | undefined {
  const i = table.places.get(key);
  return i === undefined ? undefined : tableAt(table, i);
}

/** `listing` with `place` (holding `value`) inserted where `order` puts it: a binary search, then one copy. Pure. */
function listedWith<V>(table: OrderedTable<V>, place: number, value: V): readonly number[] {
  const { listing, order } = table;
  let lo = 0;
  let hi = listing.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order(tableAt(table, listing[mid]!), value) < 0) lo = mid + 1;
    else hi = mid;
  }
  const out = new Array<number>(listing.length + 1);
  for (let i = 0; i < lo; i++) out[i] = listing[i]!;
  out[lo] = place;
  for (let i = lo; i < listing.length; i++) out[i + 1] = listing[i]!;
  return out;
}

/** The table with `key` set to `value` (added last when new). Pure; shares all but one chunk. */
export function tableWith<V>(table: OrderedTable<V>, key: string, value: V): OrderedTable<V> {
  const known = table.places.get(key);
  const at = known ?? table.size;
  const k = (at / TABLE_CHUNK) | 0;
  const chunks = table.chunks.slice();
  const chunk = k < chunks.length ? chunks[k]!.slice() : [];
  chunk[at % TABLE_CHUNK] = value;
  chunks[k] = chunk;
  const { places, listing, order } = table;
  if (known !== undefined) return { size: table.size, chunks, places, listing, order };
  return { size: table.size + 1, chunks, places: new Map(places).set(key, at), listing: listedWith(table, at, value), order };
}

/** The values in insertion order. Pure. */
export function* tableValues<V>(table: OrderedTable<V>): Generator<V> {
  for (const chunk of table.chunks) yield* chunk;
}
