// The latest value per key, kept sorted: after any sequence of values, the list
// holds each key's last value exactly once, in the order given, as sorting the
// latest values from scratch would; earlier versions are never changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withLatest } from '../src/model/latest-by-key.js';

interface Item {
  readonly key: string;
  readonly date: string;
  readonly n: number;
}
const order = (a: Item, b: Item) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

describe('latest by key', () => {
  it('holds the last value of each key, sorted, after any sequence', () => {
    const item = fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd', '__proto__'), date: fc.constantFrom('2024-08-01', '2024-08-02', '2024-08') });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (items) => {
        let list: readonly Item[] | undefined;
        const versions: (readonly Item[])[] = [];
        const latest = new Map<string, Item>();
        items.forEach((x, n) => {
          const value = { ...x, n };
          list = withLatest(list, (i) => i.key, value, order);
          latest.set(x.key, value);
          expect(list).toEqual([...latest.values()].sort(order));
          versions.push(list);
        });
        // Persistent: each version still has the length it had.
        versions.forEach((v, i) => expect(v.length).toBe(new Set(items.slice(0, i + 1).map((x) => x.key)).size));
      }),
    );
  });
});
