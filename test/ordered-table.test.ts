// The persistent ordered table: after any sequence of sets, every key holds its
// last value, the values are in the order their keys were added, and the
// listing is the places sorted by the table's order as a sort from scratch
// gives it; every earlier version is left as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OrderedTable, emptyTable, tableAt, tableGet, tableValues, tableWith } from '../src/model/ordered-table.js';

interface Item {
  readonly key: string;
  readonly date: string;
  readonly n: number;
}
/** By date, then key: a key's date never changes once added (the first set fixes it). */
const order = (a: Item, b: Item) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

interface Version {
  readonly table: OrderedTable<Item>;
  readonly values: readonly Item[];
}

describe('ordered table', () => {
  it('keeps values in insertion order and places in listing order, persistently', () => {
    // More keys than a chunk holds, and prototype names, which a Map keeps as any other key.
    const key = fc.oneof(fc.integer({ min: 0, max: 80 }).map((i) => `k${i}`), fc.constantFrom('__proto__', 'constructor'));
    const set = fc.record({ key, date: fc.constantFrom('2024-08-01', '2024-08-02', '2024-07-31', '2024-08') });
    fc.assert(
      fc.property(fc.array(set, { maxLength: 200 }), (sets) => {
        let table = emptyTable(order);
        const model = new Map<string, Item>();
        const versions: Version[] = [];
        sets.forEach((s, n) => {
          const value = { key: s.key, date: model.get(s.key)?.date ?? s.date, n };
          table = tableWith(table, s.key, value);
          model.set(s.key, value);
          versions.push({ table, values: [...model.values()] });
        });
        for (const { table: t, values } of versions) {
          expect(t.size).toBe(values.length);
          expect([...tableValues(t)]).toEqual(values);
          for (const v of values) expect(tableGet(t, v.key)).toBe(v);
          expect(t.listing.map((i) => tableAt(t, i))).toEqual([...values].sort(order));
        }
      }),
    );
  });

  it('shares the listing and the places between versions that add no key', () => {
    const a = tableWith(emptyTable(order), 'x', { key: 'x', date: '2024-08-01', n: 0 });
    const b = tableWith(a, 'x', { key: 'x', date: '2024-08-01', n: 1 });
    expect(b.listing).toBe(a.listing);
    expect(b.places).toBe(a.places);
    expect(tableGet(a, 'x')!.n).toBe(0);
  });
});
