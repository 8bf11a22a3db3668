// Pooling the values of loaded events must never change an event: the value
// after interning deep-equals the value before, at any depth. Equal small
// lists and records become one frozen copy shared by the events that hold
// them; what holds free text, or too much, stays the event's own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valuePool } from '../src/domain/value-pool.js';

/** An event as JSON.parse would give it (the pool only ever sees such values). */
const parsed = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('the value pool of a loaded log', () => {
  it('leaves every value equal to what it was', () => {
    const pool = valuePool();
    fc.assert(
      // Against a second parse, not the generated value: JSON turns -0 into 0.
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        expect(pool.intern(parsed(value))).toEqual(parsed(value));
      }),
    );
  });

  it('shares one frozen copy of equal attributions, option lists and conditions', () => {
    const pool = valuePool();
    const event = (id: string) =>
      pool.intern(parsed({ id, attribution: { speaker: 'speaker 7', onRecord: true }, accepts: ['limited-veto'], rejects: [], conditions: [{ term: 'withdrawal', accepts: ['phased'] }] }));
    const [a, b] = [event('ev-1'), event('ev-2')];
    for (const key of ['attribution', 'accepts', 'rejects', 'conditions']) {
      expect(a[key]).toBe(b[key]);
      expect(Object.isFrozen(a[key])).toBe(true);
    }
    // The event itself stays the caller's: its id is its own.
    expect(Object.isFrozen(a)).toBe(false);
  });

  it('tells apart what only looks alike: a list from a record, an order, a longer list', () => {
    const pool = valuePool();
    const values = [[], {}, ['a', 'b'], ['b', 'a'], ['a'], { a: 'b' }, { b: 'a' }, ['a', 'b', 'c'], [true], ['true'], [1], ['1'], [null]];
    const interned = values.map((v) => pool.intern(parsed({ v })).v);
    expect(interned).toEqual(values);
    expect(new Set(interned).size).toBe(values.length);
  });

  it('keeps free text, long strings and long lists as the event holds them', () => {
    const pool = valuePool();
    const long = 'x'.repeat(49);
    const event = (id: string) =>
      pool.intern(parsed({ id, quote: 'a quote', attribution: { speaker: long, onRecord: true }, mediators: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] }));
    const [a, b] = [event('ev-1'), event('ev-2')];
    expect(a.attribution).not.toBe(b.attribution);
    expect(a.mediators).not.toBe(b.mediators);
    expect(Object.isFrozen(a.attribution)).toBe(false);
  });

  it('makes no room for values it cannot pool (a list that holds a long string)', () => {
    const pool = valuePool();
    const long = (i: number) => `${'x'.repeat(48)}${i}`;
    // Each list starts with a string of its own: walked as it is pooled, it would take a place each.
    for (let i = 0; i < 70_000; i++) pool.intern(parsed({ id: String(i), v: [`k${i}`, long(i)] }));
    expect(Object.isFrozen(pool.intern(parsed({ id: 'after', v: ['kept'] })).v)).toBe(true);
  });

  it('stops pooling new values once it holds 65,536, and still gives back the ones it holds', () => {
    const pool = valuePool();
    const first = pool.intern(parsed({ id: 'first', v: ['kept'] })).v;
    for (let i = 0; i < 70_000; i++) pool.intern(parsed({ id: String(i), v: [i] }));
    expect(Object.isFrozen(pool.intern(parsed({ id: 'late', v: [70_001] })).v)).toBe(false);
    expect(pool.intern(parsed({ id: 'again', v: ['kept'] })).v).toBe(first);
  });
});
