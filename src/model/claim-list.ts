// The claims about one position, as a persistent list: fixed-size chunks
// under one spine, and each claimant's place in 32 small buckets. Replacing
// or adding a claim copies one chunk, the spine and (for a new claimant) one
// bucket, and shares the rest with the previous version, so a claim costs
// O(length / CHUNK + CHUNK) instead of a copy of every claim, and checkpoints
// holding many versions of a long list share almost all of it. Chunks are
// immutable, so a presentation can memoise what it derives from each one.

/** Claims per chunk; a chunk is copied whole when one of its claims changes. */
const CHUNK = 32;
const BUCKETS = 32;

interface Keyed {
  readonly claimant: { readonly key: number };
}

export interface ClaimList<C extends Keyed> {
  readonly length: number;
  /** The claims in the order their claimants first spoke, CHUNK at a time (the last chunk may be shorter). */
  readonly chunks: readonly (readonly C[])[];
  /** claimant key -> place, in the bucket `key % BUCKETS`. A claimant keeps its place once it has one. */
  readonly places: readonly (ReadonlyMap<number, number> | undefined)[];
}

const NO_PLACES: readonly (ReadonlyMap<number, number> | undefined)[] = Object.freeze(new Array<undefined>(BUCKETS).fill(undefined));

/** The empty list. Pure. */
export function emptyClaimList<C extends Keyed>(): ClaimList<C> {
  return { length: 0, chunks: [], places: NO_PLACES };
}

/** The claim at `i` (0 <= i < length). Pure. */
export function claimAt<C extends Keyed>(list: ClaimList<C>, i: number): C {
  return list.chunks[(i / CHUNK) | 0]![i % CHUNK]!;
}

/** Where claimant `key`'s claim stands, or -1. O(1). Pure. */
export function placeOf<C extends Keyed>(list: ClaimList<C>, key: number): number {
  return list.places[key % BUCKETS]?.get(key) ?? -1;
}

/** The list with the claim at `i` replaced by `claim` (same claimant), or `claim` appended when `i` is -1. Pure; shares all but one chunk. */
export function withClaimAt<C extends Keyed>(list: ClaimList<C>, i: number, claim: C): ClaimList<C> {
  const at = i < 0 ? list.length : i;
  const k = (at / CHUNK) | 0;
  const chunks = list.chunks.slice();
  const chunk = k < chunks.length ? chunks[k]!.slice() : [];
  chunk[at % CHUNK] = claim;
  chunks[k] = chunk;
  if (i >= 0) return { length: list.length, chunks, places: list.places };
  const b = claim.claimant.key % BUCKETS;
  const places = list.places.slice();
  places[b] = new Map(list.places[b] ?? []).set(claim.claimant.key, at);
  return { length: list.length + 1, chunks, places };
}

/** True when some claim satisfies `test`. Pure. */
export function someClaim<C extends Keyed>(list: ClaimList<C>, test: (c: C) => boolean): boolean {
  for (const chunk of list.chunks) for (const c of chunk) if (test(c)) return true;
  return false;
}

/** Every claim, in order, as a fresh array: O(length), for the rare paths that weigh them all. Pure. */
export function claimsArray<C extends Keyed>(list: ClaimList<C>): C[] {
  const out: C[] = [];
  for (const chunk of list.chunks) for (const c of chunk) out.push(c);
  return out;
}
