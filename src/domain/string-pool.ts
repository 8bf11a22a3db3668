// One copy of each repeated short string in a loaded log. JSON.parse makes a
// new string for every value, so a million events would hold a million copies
// of the same dates, source ids, parties and enum values; pooled, the copies
// die young (less memory, less for the collector to move).

/** Strings longer than this are kept as they are: quotes and summaries rarely repeat. */
const MAX_POOLED_LENGTH = 48;
/**
 * Strings this short are left alone: V8's JSON.parse already makes one copy of
 * each (it internalizes short values), so looking them up would cost time and
 * save nothing. Dates (10 characters) are among them.
 */
const MIN_POOLED_LENGTH = 11;
/**
 * The most strings pooled: a log of a million events has a few hundred that
 * repeat; past this, new strings are kept as they are, so input made of
 * distinct short strings cannot grow the pool without bound.
 */
const MAX_POOLED = 65_536;

export interface StringPool {
  /** `value` with every short string it holds (at any depth) replaced by the pool's copy; mutates `value`. */
  intern<T>(value: T): T;
}

/** A new, empty pool. Deterministic: interning never changes what a value compares equal to. */
export function stringPool(): StringPool {
  const pool = new Map<string, string>();
  const one = (s: string): string => {
    if (s.length > MAX_POOLED_LENGTH || s.length < MIN_POOLED_LENGTH) return s;
    const kept = pool.get(s);
    if (kept !== undefined) return kept;
    if (pool.size < MAX_POOLED) pool.set(s, s);
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
    for (const key in record) {
      // Unique by design (id) or free text (quote, summary).
      if (top && (key === 'id' || key === 'quote' || key === 'summary')) continue;
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
