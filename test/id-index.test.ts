// The flat id index against a Map, its model: the same answers to add, get,
// has and size, and the same order of iteration, through many doublings of
// the table and with ids that collide.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex } from '../src/domain/id-index.js';
import type { LogEntry } from '../src/domain/ordering.js';

const entry = (id: string, position: number) => ({ event: { id }, position }) as unknown as LogEntry;

describe('the id index of a loaded log', () => {
  it('answers as a Map does, whatever ids are added in whatever order', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 3000 }), fc.array(fc.string({ maxLength: 3 }), { maxLength: 50 }), (ids, probes) => {
        const index = new IdIndex();
        const model = new Map<string, LogEntry>();
        const order: LogEntry[] = [];
        ids.forEach((id, i) => {
          const e = entry(id, i);
          const earlier = model.get(id);
          expect(index.add(e)).toBe(earlier === undefined ? -1 : order.indexOf(earlier));
          if (earlier === undefined) {
            model.set(id, e);
            order.push(e);
          }
        });
        expect(index.size).toBe(model.size);
        expect([...index]).toEqual([...model]);
        expect([...index.keys()]).toEqual([...model.keys()]);
        expect([...index.values()]).toEqual([...model.values()]);
        expect(index.inOrder).toEqual(order);
        for (const id of [...probes, ...ids]) {
          expect(index.get(id)).toBe(model.get(id));
          expect(index.has(id)).toBe(model.has(id));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('holds a hundred thousand distinct ids', () => {
    const index = new IdIndex();
    for (let i = 0; i < 100_000; i++) expect(index.add(entry(`ev-${i.toString(36)}`, i))).toBe(-1);
    expect(index.size).toBe(100_000);
    expect(index.get('ev-0')!.position).toBe(0);
    expect(index.get(`ev-${(99_999).toString(36)}`)!.position).toBe(99_999);
    expect(index.add(entry('ev-0', 7))).toBe(0);
  });
});
