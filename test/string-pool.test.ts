// Pooling the strings of loaded events must never change an event: the value
// after interning deep-equals the value before, at any depth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringPool } from '../src/domain/string-pool.js';

describe('the string pool of a loaded log', () => {
  it('leaves every value equal to what it was', () => {
    const pool = stringPool();
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = structuredClone(value);
        expect(pool.intern(copy)).toEqual(value);
      }),
    );
  });

});
