import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, levenshtein } from '../src/domain/did-you-mean.js';

const ids = ['israel', 'hamas', 'egypt', 'qatar', 'us', 'philadelphi', 'netzarim', 'rafah-crossing'];

describe('did you mean', () => {
  it('matches another case, a typo, a missing letter', () => {
    expect(didYouMean('Israel', ids)).toBe('israel');
    expect(didYouMean('philadelfi', ids)).toBe('philadelphi');
    expect(didYouMean('egyt', ids)).toBe('egypt');
    expect(didYouMean('rafah_crossing', ids)).toBe('rafah-crossing');
  });

  it('suggests nothing for an id far from all, an exact id, or a tie', () => {
    expect(didYouMean('airspace', ids)).toBeUndefined();
    expect(didYouMean('israel', ids)).toBeUndefined();
    expect(didYouMean('ab', ['aa', 'bb'])).toBeUndefined();
  });

  it('property: a case variant of a candidate is always found, and a suggestion is always a candidate', () => {
    const slug = fc.stringMatching(/^[a-z]{3,12}$/);
    fc.assert(
      fc.property(fc.uniqueArray(slug, { minLength: 1, maxLength: 8 }), fc.nat(), fc.string({ maxLength: 14 }), (candidates, pick, noise) => {
        const target = candidates[pick % candidates.length]!;
        expect(didYouMean(target.toUpperCase(), candidates)).toBe(target);
        const s = didYouMean(noise, candidates);
        if (s !== undefined) expect(candidates).toContain(s);
      }),
    );
  });

  it('property: levenshtein is a metric bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), (a, b) => {
        const d = levenshtein(a, b);
        expect(d).toBe(levenshtein(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});
