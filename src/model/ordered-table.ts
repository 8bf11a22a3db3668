// A persistent table keyed by user ids, in insertion order: values in
// fixed-size chunks under one spine, and key -> place in one Map that is
// copied only when a key is added. Replacing a value copies one chunk and
// the spine, so a replay state holding it is cloned in O(1) and checkpoints
// share all but the chunks that changed. For tables whose keys are added
// rarely and whose values change often (the proposals).

/** Values per chunk. */
export const TABLE_CHUNK = 32;

export interface OrderedTable<V> {
  readonly size: number;
  /** The values in the order their keys were added, TABLE_CHUNK at a time. Immutable: a presentation may memoise per chunk. */
  readonly chunks: readonly (readonly V[])[];
  /** key -> place. Shared by every version until a key is added. */
  readonly places: ReadonlyMap<string, number>;
}

const EMPTY: OrderedTable<never> = Object.freeze({ size: 0, chunks: Object.freeze([]), places: new Map() });

/** The empty table. Pure. */
export function emptyTable<V>(): OrderedTable<V> {
  return EMPTY;
}

/** The value under `key`, if any. Pure. */
export function tableGet<V>(table: OrderedTable<V>, key: string): V | undefined {
  const i = table.places.get(key);
  return i === undefined ? undefined : table.chunks[(i / TABLE_CHUNK) | 0]![i % TABLE_CHUNK];
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
  if (known !== undefined) return { size: table.size, chunks, places: table.places };
  return { size: table.size + 1, chunks, places: new Map(table.places).set(key, at) };
}

/** The values in insertion order. Pure. */
export function* tableValues<V>(table: OrderedTable<V>): Generator<V> {
  for (const chunk of table.chunks) yield* chunk;
}
