// The id index of a loaded log: every entry by its event id, in one flat
// table of numbers (open addressing) instead of a Map. A log of a million
// events is indexed as it loads to find duplicate ids; a Map of that size
// costs tens of megabytes of pointers the collector walks again and again,
// and rehashes as it grows. The table holds positions in the list of entries
// (in the order added) and grows by doubling.
import type { LogEntry } from './ordering.js';

const INITIAL_SLOTS = 1 << 10;

/** FNV-1a over UTF-16 units: cheap, and spreads ids that differ in one character. */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Entries by event id, in the order added; a ReadonlyMap, so a log's `byId`
 * can be the index built while loading. Deterministic; no I/O.
 */
export class IdIndex implements ReadonlyMap<string, LogEntry> {
  /** Position in `list` plus one for each slot; 0 is an empty slot. */
  private slots = new Int32Array(INITIAL_SLOTS);
  private readonly list: LogEntry[] = [];

  /** The entries, in the order they were added. */
  get inOrder(): readonly LogEntry[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  /** The slot holding `id`, or the empty slot where it would go. */
  private slotOf(id: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hashOf(id) & mask; ; slot = (slot + 1) & mask) {
      const at = this.slots[slot]!;
      if (at === 0 || this.list[at - 1]!.event.id === id) return slot;
    }
  }

  /**
   * Adds `entry` under its event id, unless the id is taken: then nothing
   * changes and the answer is the position (in `inOrder`) of the entry that
   * has it. -1 when it was added.
   */
  add(entry: LogEntry): number {
    const slot = this.slotOf(entry.event.id);
    const at = this.slots[slot]!;
    if (at !== 0) return at - 1;
    this.list.push(entry);
    this.slots[slot] = this.list.length;
    // At most half full, so that a probe for an id not yet used ends soon.
    if (2 * this.list.length > this.slots.length) this.grow();
    return -1;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (let i = 0; i < old.length; i++) {
      const at = old[i]!;
      if (at === 0) continue;
      let slot = hashOf(this.list[at - 1]!.event.id) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = at;
    }
  }

  get(id: string): LogEntry | undefined {
    const at = this.slots[this.slotOf(id)]!;
    return at === 0 ? undefined : this.list[at - 1];
  }

  has(id: string): boolean {
    return this.slots[this.slotOf(id)] !== 0;
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
