// The claims about one position, as a persistent list: fixed-size chunks
// under one spine, and each claimant's place in a radix trie on its key.
// Replacing or adding a claim copies one chunk, the spine and (for a new
// claimant) one path of the trie, and shares the rest with the previous
// version, so a claim costs O(length / CHUNK + CHUNK) instead of a copy of
// every claim, and checkpoints holding many versions of a long list share
// almost all of it. Chunks are immutable, so a presentation can memoise what
// it derives from each one.

/** Claims per chunk; a chunk is copied whole when one of its claims changes. */
const CHUNK = 32;
/** Bits of a claimant key per level of the places trie (32 slots a node). */
const BITS = 5;
const SLOTS = 1 << BITS;

interface Keyed {
  readonly claimant: { readonly key: number };
}

/**
 * A node of the places trie: slots of child nodes, or, at the last level, of
 * places (undefined where no claimant of that key has a claim). Claimant keys
 * are small integers (interned), so a trie of `depth` levels holds the keys
 * below 32^depth, and a key past that adds a level on top.
 */
type PlaceNode = readonly (PlaceNode | number | undefined)[];

export interface ClaimList<C extends Keyed> {
  readonly length: number;
  /** The claims in the order their claimants first spoke, CHUNK at a time (the last chunk may be shorter). */
  readonly chunks: readonly (readonly C[])[];
  /** claimant key -> place, as a trie of `depth` levels (null when empty). A claimant keeps its place once it has one. */
  readonly places: PlaceNode | null;
  readonly depth: number;
}

/** The empty list. Pure. */
export function emptyClaimList<C extends Keyed>(): ClaimList<C> {
  return { length: 0, chunks: [], places: null, depth: 1 };
}

/** The claim at `i` (0 <= i < length). Pure. */
export function claimAt<C extends Keyed>(list: ClaimList<C>, i: number): C {
  return list.chunks[(i / CHUNK) | 0]![i % CHUNK]!;
}

/** Where claimant `key`'s claim stands, or -1. O(log32 key). Pure. */
export function placeOf<C extends Keyed>(list: ClaimList<C>, key: number): number {
  let node = list.places;
  let shift = BITS * (list.depth - 1);
  if (node === null || key >>> shift >= SLOTS) return -1;
  for (; shift > 0; shift -= BITS) {
    node = node[(key >>> shift) & (SLOTS - 1)] as PlaceNode | undefined ?? null;
    if (node === null) return -1;
  }
  return (node[key & (SLOTS - 1)] as number | undefined) ?? -1;
}

/** The trie with `key` at `place`, copying the path to it. Pure. */
function withPlace(root: PlaceNode | null, depth: number, key: number, place: number): { places: PlaceNode; depth: number } {
  let top: PlaceNode = root ?? [];
  // A key past what the trie holds: the trie becomes the first child of a new root, as often as needed.
  while (key >>> (BITS * depth) !== 0) {
    top = [top];
    depth++;
  }
  const set = (node: PlaceNode | undefined, shift: number): PlaceNode => {
    const copy = node === undefined ? [] : node.slice();
    const slot = (key >>> shift) & (SLOTS - 1);
    copy[slot] = shift === 0 ? place : set(copy[slot] as PlaceNode | undefined, shift - BITS);
    return copy;
  };
  return { places: set(top, BITS * (depth - 1)), depth };
}

/** The list with the claim at `i` replaced by `claim` (same claimant), or `claim` appended when `i` is -1. Pure; shares all but one chunk. */
export function withClaimAt<C extends Keyed>(list: ClaimList<C>, i: number, claim: C): ClaimList<C> {
  const at = i < 0 ? list.length : i;
  const k = (at / CHUNK) | 0;
  const chunks = list.chunks.slice();
  const chunk = k < chunks.length ? chunks[k]!.slice() : [];
  chunk[at % CHUNK] = claim;
  chunks[k] = chunk;
  if (i >= 0) return { length: list.length, chunks, places: list.places, depth: list.depth };
  const { places, depth } = withPlace(list.places, list.depth, claim.claimant.key, at);
  return { length: list.length + 1, chunks, places, depth };
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
