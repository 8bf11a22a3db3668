// The claims about one position, as a persistent list: fixed-size chunks
// under a two-level spine (pages of chunks), and each claimant's place in a
// radix trie on its key. Replacing or adding a claim copies one chunk, one
// page, the root and (for a new claimant) one path of the trie, and shares the
// rest with the previous version, so a claim costs O(length / 1024 + 64)
// instead of a copy of every claim, and checkpoints holding many versions of
// a long list share almost all of it (a one-level spine of a 4,000-claim list
// was a kilobyte a version). Chunks are immutable, so a presentation can
// memoise what it derives from each one.

/** Claims per chunk; a chunk is copied whole when one of its claims changes. */
const CHUNK = 32;
/** Chunks per page of the spine; a page is copied whole when one of its chunks changes. */
const PAGE = 32;
const PAGE_CLAIMS = CHUNK * PAGE;
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
  /** The claims in the order their claimants first spoke, CHUNK at a time (the last chunk may be shorter), PAGE chunks a page. */
  readonly pages: readonly (readonly (readonly C[])[])[];
  /** claimant key -> place, as a trie of `depth` levels (null when empty). A claimant keeps its place once it has one. */
  readonly places: PlaceNode | null;
  readonly depth: number;
}

/** The empty list. Pure. */
export function emptyClaimList<C extends Keyed>(): ClaimList<C> {
  return { length: 0, pages: [], places: null, depth: 1 };
}

/** The claim at `i` (0 <= i < length). Pure. */
export function claimAt<C extends Keyed>(list: ClaimList<C>, i: number): C {
  return list.pages[(i / PAGE_CLAIMS) | 0]![((i / CHUNK) | 0) % PAGE]![i % CHUNK]!;
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
  const g = (at / PAGE_CLAIMS) | 0;
  const k = ((at / CHUNK) | 0) % PAGE;
  const pages = list.pages.slice();
  const page = g < pages.length ? pages[g]!.slice() : [];
  const chunk = k < page.length ? page[k]!.slice() : [];
  chunk[at % CHUNK] = claim;
  page[k] = chunk;
  pages[g] = page;
  if (i >= 0) return { length: list.length, pages, places: list.places, depth: list.depth };
  const { places, depth } = withPlace(list.places, list.depth, claim.claimant.key, at);
  return { length: list.length + 1, pages, places, depth };
}

/** True when some claim satisfies `test`. Pure. */
export function someClaim<C extends Keyed>(list: ClaimList<C>, test: (c: C) => boolean): boolean {
  for (const page of list.pages) for (const chunk of page) for (const c of chunk) if (test(c)) return true;
  return false;
}

/** The chunks of the list, in order (immutable, shared between versions): O(length / CHUNK). Pure. */
export function chunksOf<C extends Keyed>(list: ClaimList<C>): (readonly C[])[] {
  const out: (readonly C[])[] = [];
  for (const page of list.pages) for (const chunk of page) out.push(chunk);
  return out;
}

/** Every claim, in order, as a fresh array: O(length), for the rare paths that weigh them all. Pure. */
export function claimsArray<C extends Keyed>(list: ClaimList<C>): C[] {
  const out: C[] = [];
  for (const page of list.pages) for (const chunk of page) for (const c of chunk) out.push(c);
  return out;
}
