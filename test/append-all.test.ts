// Appending lists that grow with the input: push(...items) throws past ~10^5 items.
import { describe, expect, it } from 'vitest';
import { appendAll } from '../src/domain/append-all.js';

describe('appendAll', () => {
  it('appends in order and returns the target', () => {
    const target = [1];
    expect(appendAll(target, [2, 3])).toBe(target);
    expect(target).toEqual([1, 2, 3]);
  });

  it('appends a million items, where a spread push throws', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => [].push(...(many as never[]))).toThrow(RangeError);
    expect(appendAll([], many)).toHaveLength(1_000_000);
  });
});
