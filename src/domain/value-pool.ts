// One copy of each repeated small value in a loaded log: short strings, and
// the lists and records made only of such values (an attribution, a list of
// options, a condition, a proposal's terms). JSON.parse makes a new one of
// each for every event, so a million events would hold a million copies of
// the same few hundred values; pooled, the copies die young (a fifth less
// memory for a loaded log, less for the collector to move). A pooled list or
// record is frozen and shared by every event that has it: a loaded event is
// read-only, and freezing makes sure of it.

import { type KeyNode, type KeyPart, keyChild, keyNumber, keyStep, newKeyTrie } from './key-trie.js';

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

const LIST: unique symbol = Symbol('list');
const RECORD: unique symbol = Symbol('record');

/** A new, empty pool. Deterministic: interning never changes what a value deep-equals (but for -0, which a Map takes for 0; event schemas hold no numbers). */
export function valuePool(): ValuePool {
  const strings = new Map<string, string>();
  // Lists and records by the sequence that spells them (a kind, then the
  // items: for a record, each key and then its value), in a key trie; a
  // pooled value sits under its sequence's number. Items are strings,
  // numbers, booleans, null or pooled values, so the trie's equality is the
  // values' equality.
  const places = newKeyTrie();
  const pooledValues: object[] = [];
  /** Strings and places held: the bound is on what the pool holds, whatever the values are. */
  let size = 0;
  /** Whether the value `pooled` last returned may be an item of a pooled list or record. */
  let itemOk = false;

  /** The place after `at` for `item`, if the pool has it. */
  const next = (at: KeyNode | undefined, item: unknown): KeyNode | undefined => (at === undefined ? undefined : keyChild(at, item as KeyPart));

  /** The place that spells `items` after `kind`, made (as far as the pool has room) if new. Only for values about to be pooled. */
  function placeOf(kind: symbol, items: readonly unknown[]): KeyNode | undefined {
    let at = places.root;
    for (const item of [kind, ...items] as KeyPart[]) {
      const known = keyChild(at, item);
      if (known === undefined) {
        if (size >= MAX_POOLED) return undefined;
        size++;
      }
      at = known ?? keyStep(at, item);
    }
    return at;
  }

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

  /**
   * The pool's copy of `value`, whose items are all poolable: the copy at
   * `at` when the read-only walk found one, else `value` itself, frozen,
   * at a place made for it (or, if the pool is full, left as it is).
   */
  function settle(at: KeyNode | undefined, kind: typeof LIST | typeof RECORD, value: object): object {
    if (at !== undefined && at.id >= 0) {
      itemOk = true;
      return pooledValues[at.id]!;
    }
    const place = at ?? placeOf(kind, kind === LIST ? (value as unknown[]) : Object.entries(value).flat());
    itemOk = place !== undefined;
    if (place === undefined) return value;
    pooledValues[keyNumber(places, place)] = Object.freeze(value);
    return value;
  }

  /**
   * `value` pooled: its copy in the pool, or itself with its insides pooled.
   * JSON values only (what JSON.parse makes). Looks its items up in the trie
   * as it pools them, without adding to it: places are made only for a value
   * that is pooled, so values that cannot be cannot fill the pool.
   */
  function pooled(value: unknown): unknown {
    if (typeof value === 'string') return oneString(value);
    if (typeof value !== 'object' || value === null) {
      itemOk = true;
      return value;
    }
    if (Array.isArray(value)) {
      let all = value.length <= MAX_POOLED_ITEMS;
      let at = all ? next(places.root, LIST) : undefined;
      for (let i = 0; i < value.length; i++) {
        const x = (value[i] = pooled(value[i]));
        all &&= itemOk;
        at = next(at, x);
      }
      return all ? settle(at, LIST, value) : ((itemOk = false), value);
    }
    const record = value as Record<string, unknown>;
    let all = true;
    let count = 0;
    let at = next(places.root, RECORD);
    for (const key in record) {
      const x = (record[key] = pooled(record[key]));
      all &&= itemOk && ++count <= MAX_POOLED_ITEMS;
      at = next(next(at, key), x);
    }
    return all ? settle(at, RECORD, record) : ((itemOk = false), record);
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
