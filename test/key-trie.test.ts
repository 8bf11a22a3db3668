// The key trie names sequences by numbers: two sequences get the same number
// exactly when they are the same sequence, part by part (null apart from '',
// a mark apart from a string), and a number, once handed out, stays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type KeyNode, type KeyPart, keyNumber, keyStep, newKeyTrie } from '../src/domain/key-trie.js';

const numberOf = (trie: ReturnType<typeof newKeyTrie>, parts: readonly KeyPart[]) =>
  keyNumber(trie, parts.reduce<KeyNode>((at, p) => keyStep(at, p), trie.root));

/** A sequence as an unambiguous string, the model the numbers are checked against. */
const spelled = (parts: readonly KeyPart[]) => JSON.stringify(parts);

describe('key trie', () => {
  it('gives equal numbers to equal sequences and different numbers to different ones', () => {
    // Few distinct values, so that sequences repeat and share prefixes; prototype names are plain values to a Map.
    const part = fc.constantFrom<KeyPart>('a', 'b', '', null, 0, 1, '__proto__', 'constructor', 'a,b');
    fc.assert(
      fc.property(fc.array(fc.array(part, { maxLength: 5 }), { maxLength: 60 }), (sequences) => {
        const trie = newKeyTrie();
        const model = new Map<string, number>();
        for (const s of sequences) {
          const n = numberOf(trie, s);
          const known = model.get(spelled(s));
          if (known === undefined) {
            expect([...model.values()]).not.toContain(n);
            model.set(spelled(s), n);
          } else expect(n).toBe(known);
        }
        expect(trie.count).toBe(model.size);
        // Asking again hands out nothing new.
        for (const [key, n] of model) expect(numberOf(trie, JSON.parse(key) as KeyPart[])).toBe(n);
        expect(trie.count).toBe(model.size);
      }),
    );
  });

  it('tells apart sequences whose joined spelling is the same', () => {
    const trie = newKeyTrie();
    const numbers = [
      ['a', 'b', 0],
      ['a', 0, 'b', 0],
      ['ab', 0],
      [null, 0],
      ['', 0],
      [0],
      [],
    ].map((s) => numberOf(trie, s));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('keeps two tries apart', () => {
    const one = newKeyTrie();
    const two = newKeyTrie();
    expect(numberOf(one, ['x'])).toBe(0);
    expect(numberOf(one, ['y'])).toBe(1);
    expect(numberOf(two, ['y'])).toBe(0);
    expect(numberOf(one, ['y'])).toBe(1);
  });
});
