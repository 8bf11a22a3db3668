// The persistent claim list against a plain model (an array of claims and a
// Map from claimant to place): after any sequence of claims, every version
// gives the model's claims and places, including versions that later claims
// were added to (nothing is shared by mutation). Claimant keys go past what
// one or two levels of the places trie hold, so the trie grows on top.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClaimList, chunksOf, claimAt, claimsArray, emptyClaimList, placeOf, someClaim, withClaimAt } from '../src/model/claim-list.js';

interface Claim {
  readonly claimant: { readonly key: number };
  readonly n: number;
}

interface Version {
  readonly list: ClaimList<Claim>;
  readonly claims: readonly Claim[];
  readonly places: ReadonlyMap<number, number>;
}

/** Applies the claims one by one, keeping every version beside the model's answer for it. */
function versions(keys: readonly number[]): Version[] {
  const out: Version[] = [{ list: emptyClaimList<Claim>(), claims: [], places: new Map() }];
  keys.forEach((key, n) => {
    const { list, claims, places } = out.at(-1)!;
    const claim = { claimant: { key }, n };
    const i = placeOf(list, key);
    expect(i).toBe(places.get(key) ?? -1);
    const nextClaims = claims.slice();
    if (i < 0) nextClaims.push(claim);
    else nextClaims[i] = claim;
    out.push({ list: withClaimAt(list, i, claim), claims: nextClaims, places: i < 0 ? new Map(places).set(key, claims.length) : places });
  });
  return out;
}

const key = fc.oneof(fc.nat({ max: 40 }), fc.nat({ max: 2_000 }), fc.nat({ max: 2 ** 20 }), fc.constantFrom(0, 31, 32, 1023, 1024, 32767, 32768, 2 ** 30 - 1));

describe('claim list', () => {
  it('every version holds the model’s claims and places after any sequence of claims', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 1200 }), fc.array(key, { maxLength: 20 }), (keys, probes) => {
        for (const v of versions(keys)) {
          expect(v.list.length).toBe(v.claims.length);
          expect(claimsArray(v.list)).toEqual(v.claims);
          v.claims.forEach((c, i) => expect(claimAt(v.list, i)).toBe(c));
          for (const k of [...v.places.keys(), ...probes]) expect(placeOf(v.list, k)).toBe(v.places.get(k) ?? -1);
          expect(someClaim(v.list, (c) => c.n === keys.length - 1)).toBe(v.claims.some((c) => c.n === keys.length - 1));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('places three thousand claimants with scattered keys (three pages of the spine), each found and none invented', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => (i * 7919) % 100_003);
    const last = versions(keys).at(-1)!;
    keys.forEach((k, i) => expect(placeOf(last.list, k)).toBe(i));
    keys.forEach((_, i) => expect(claimAt(last.list, i).n).toBe(i));
    expect(chunksOf(last.list).flat()).toEqual(last.claims);
    expect(placeOf(last.list, 100_004)).toBe(-1);
    expect(placeOf(last.list, 2 ** 30)).toBe(-1);
  });
});
