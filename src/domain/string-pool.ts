// One copy of each repeated short string in a loaded log. JSON.parse makes a
// new string for every value, so a million events would hold a million copies
// of the same dates, source ids, parties and enum values; pooled, the copies
// die young (less memory, less for the collector to move).

/** Strings longer than this are kept as they are: quotes and summaries rarely repeat. */
const MAX_POOLED_LENGTH = 48;
/** Fields that are unique by design, or free text. */
const UNPOOLED = new Set(['id', 'quote', 'summary']);

export interface StringPool {
  /** `value` with every short string it holds (at any depth) replaced by the pool's copy; mutates `value`. */
  intern<T>(value: T): T;
}

/** A new, empty pool. Deterministic: interning never changes what a value compares equal to. */
export function stringPool(): StringPool {
  const pool = new Map<string, string>();
  const one = (s: string): string => {
    if (s.length > MAX_POOLED_LENGTH) return s;
    const kept = pool.get(s);
    if (kept !== undefined) return kept;
    pool.set(s, s);
    return s;
  };
  function walk(value: unknown, top: boolean): void {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const x: unknown = value[i];
        if (typeof x === 'string') value[i] = one(x);
        else if (typeof x === 'object' && x !== null) walk(x, false);
      }
      return;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (top && UNPOOLED.has(key)) continue;
      const x = record[key];
      if (typeof x === 'string') record[key] = one(x);
      else if (typeof x === 'object' && x !== null) walk(x, false);
    }
  }
  return {
    intern(value) {
      if (typeof value === 'object' && value !== null) walk(value, true);
      return value;
    },
  };
}
