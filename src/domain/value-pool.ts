// One copy of each repeated small value in a loaded log: short strings, and
// the lists and records made only of such values (an attribution, a list of
// options, a condition, a proposal's terms). JSON.parse makes a new one of
// each for every event, so a million events would hold a million copies of
// the same few hundred values; pooled, the copies die young (a fifth less
// memory for a loaded log, less for the collector to move). A pooled list or
// record is frozen and shared by every event that has it: a loaded event is
// read-only, and freezing makes sure of it.

/** Strings longer than this are kept as they are, and so is what holds one: quotes and summaries rarely repeat. */
const MAX_POOLED_LENGTH = 48;
/**
 * Strings this short are left alone: V8's JSON.parse already makes one copy of
 * each (it internalizes short values), so looking them up would cost time and
 * save nothing. Dates (10 characters) are among them.
 */
const MIN_POOLED_LENGTH = 11;
/** Lists and records with more items than this are kept as they are: they rarely repeat. */
const MAX_POOLED_ITEMS = 8;
/**
 * The most the pool holds (strings, and places in its trie of lists and
 * records): a log of a million events has a few hundred values that repeat;
 * past this, new values are kept as they are, so input made of distinct
 * values cannot grow the pool without bound.
 */
const MAX_POOLED = 65_536;

export interface ValuePool {
  /** `event` with every repeated value it holds (below its top level) replaced by the pool's copy; mutates `event`'s own fields. */
  intern<T>(event: T): T;
}

/**
 * A place in the trie of pooled lists and records: the sequence walked so far
 * (a kind, then the items: for a record, each key and then its value), and
 * the pooled value that sequence spells, if any. Items are strings, numbers,
 * booleans, null or pooled values, so Map's equality is the values' equality.
 */
interface Place {
  next: Map<unknown, Place> | undefined;
  value: object | undefined;
}

const LIST = Symbol('list');
const RECORD = Symbol('record');

/** A new, empty pool. Deterministic: interning never changes what a value deep-equals. */
export function valuePool(): ValuePool {
  const strings = new Map<string, string>();
  const root: Place = { next: undefined, value: undefined };
  /** Strings and places held: the bound is on what the pool holds, whatever the values are. */
  let size = 0;
  /** Whether the value `pooled` last returned may be an item of a pooled list or record. */
  let itemOk = false;

  /** The place after `at` for `item`, made if the pool has room; undefined if it has none. */
  const step = (at: Place | undefined, item: unknown): Place | undefined => {
    if (at === undefined) return undefined;
    let next = at.next?.get(item);
    if (next === undefined && size < MAX_POOLED) {
      size++;
      (at.next ??= new Map()).set(item, (next = { next: undefined, value: undefined }));
    }
    return next;
  };

  const oneString = (s: string): string => {
    itemOk = s.length <= MAX_POOLED_LENGTH;
    if (!itemOk || s.length < MIN_POOLED_LENGTH) return s;
    const kept = strings.get(s);
    if (kept !== undefined) return kept;
    if (size < MAX_POOLED) {
      strings.set(s, s);
      size++;
    }
    return s;
  };

  /** The pool's copy of the value `at` spells, made `value` (frozen) if new; `value` itself when the pool had no room for it. */
  const settle = (at: Place | undefined, value: object): object => {
    itemOk = at !== undefined;
    if (at === undefined) return value;
    return (at.value ??= Object.freeze(value));
  };

  /**
   * `value` pooled: its copy in the pool, or itself with its insides pooled.
   * JSON values only (what JSON.parse makes). Walks the trie as it pools the
   * items, and stops walking at the first item that cannot be pooled.
   */
  function pooled(value: unknown): unknown {
    if (typeof value === 'string') return oneString(value);
    if (typeof value !== 'object' || value === null) {
      itemOk = true;
      return value;
    }
    if (Array.isArray(value)) {
      let at = value.length <= MAX_POOLED_ITEMS ? step(root, LIST) : undefined;
      for (let i = 0; i < value.length; i++) {
        const x = (value[i] = pooled(value[i]));
        at = itemOk ? step(at, x) : undefined;
      }
      return settle(at, value);
    }
    const record = value as Record<string, unknown>;
    let at = step(root, RECORD);
    let count = 0;
    for (const key in record) {
      const x = (record[key] = pooled(record[key]));
      at = itemOk && ++count <= MAX_POOLED_ITEMS ? step(step(at, key), x) : undefined;
    }
    return settle(at, record);
  }
  return {
    intern(event) {
      if (typeof event !== 'object' || event === null) return event;
      const record = event as Record<string, unknown>;
      for (const key in record) {
        // Unique by design (id) or free text (quote, summary).
        if (key === 'id' || key === 'quote' || key === 'summary') continue;
        record[key] = pooled(record[key]);
      }
      return event;
    },
  };
}
