// The id index of a loaded log: every entry by its event id, in one flat
// table of numbers (open addressing) instead of a Map. A log of a million
// events is indexed as it loads to find duplicate ids; a Map of that size
// costs tens of megabytes of pointers the collector walks again and again,
// and rehashes as it grows. The table holds positions in the list of entries
// (in the order added), each beside its id's hash, so that growing the table
// and most probes never touch the entries themselves; it grows by doubling.
import type { LogEntry } from './ordering.js';

const INITIAL_SLOTS = 1 << 10;

/** FNV-1a over UTF-16 units, as a signed 32-bit number (what an Int32Array holds): cheap, and spreads ids that differ in one character. */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * Entries by event id, in the order added; a ReadonlyMap, so a log's `byId`
 * can be the index built while loading. Deterministic; no I/O.
 */
export class IdIndex implements ReadonlyMap<string, LogEntry> {
  /** Two numbers a slot: the position in `list` plus one (0: an empty slot), and the id's hash. */
  private slots = new Int32Array(2 * INITIAL_SLOTS);
  private readonly list: LogEntry[] = [];

  /** The entries, in the order they were added. */
  get inOrder(): readonly LogEntry[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  /** The index in `slots` of the slot holding `id` (hashed to `hash`), or of the empty slot where it would go. */
  private slotOf(id: string, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slots[2 * slot]!;
      if (at === 0 || (slots[2 * slot + 1] === hash && this.list[at - 1]!.event.id === id)) return 2 * slot;
    }
  }

  /**
   * Adds `entry` under its event id, unless the id is taken: then nothing
   * changes and the answer is the position (in `inOrder`) of the entry that
   * has it. -1 when it was added.
   */
  add(entry: LogEntry): number {
    const hash = hashOf(entry.event.id);
    const slot = this.slotOf(entry.event.id, hash);
    const at = this.slots[slot]!;
    if (at !== 0) return at - 1;
    this.list.push(entry);
    this.slots[slot] = this.list.length;
    this.slots[slot + 1] = hash;
    // At most half full, so that a probe for an id not yet used ends soon.
    if (4 * this.list.length > this.slots.length) this.grow();
    return -1;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      const at = old[i]!;
      if (at === 0) continue;
      const hash = old[i + 1]!;
      let slot = hash & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = at;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
  }

  get(id: string): LogEntry | undefined {
    const at = this.slots[this.slotOf(id, hashOf(id))]!;
    return at === 0 ? undefined : this.list[at - 1];
  }

  has(id: string): boolean {
    return this.slots[this.slotOf(id, hashOf(id))] !== 0;
  }

  forEach(callback: (value: LogEntry, key: string, map: ReadonlyMap<string, LogEntry>) => void, thisArg?: unknown): void {
    for (const entry of this.list) callback.call(thisArg, entry, entry.event.id, this);
  }

  *entries(): MapIterator<[string, LogEntry]> {
    for (const entry of this.list) yield [entry.event.id, entry];
  }

  *keys(): MapIterator<string> {
    for (const entry of this.list) yield entry.event.id;
  }

  *values(): MapIterator<LogEntry> {
    yield* this.list;
  }

  [Symbol.iterator](): MapIterator<[string, LogEntry]> {
    return this.entries();
  }
}
