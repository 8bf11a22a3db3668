// What the claims about one position say, counted per content: how many
// claims say each thing, how many of those are hypothetical, and the earliest
// date any of them was made (the latest over every claim, for consensus). The
// replay keeps it claim by claim, so that whether a position is contested,
// since when it has been held and whether a hypothetical claim is behind it
// are read in O(1) instead of from every claim of a list that may hold
// thousands. Immutable: a claim makes a new tally and shares the unchanged counts.
//
// Counts are exact claim by claim; an extreme date is not when the one claim
// on it is replaced (the next one is somewhere in the list): it becomes
// unknown, and settledTally finds it from the list's chunks.
import { type ClaimList, chunksOf } from './claim-list.js';
import type { PositionContent, StoredPositionClaim } from './replay-state.js';

/** The claims of a position that say one thing. */
export interface ContentCount {
  readonly contentId: number;
  /** What they say (that of one of them: they all say the same). */
  readonly content: PositionContent;
  readonly count: number;
  /** How many of them are hypothetical. */
  readonly hypothetical: number;
  /** The earliest date among them (null: not known since the claim that held it alone left; see settledTally), and how many were made on it. */
  readonly earliest: string | null;
  readonly atEarliest: number;
}

export interface ContentTally {
  /** One count per distinct content, in the order the contents entered the tally (a content no claim says any more leaves it). */
  readonly contents: readonly ContentCount[];
  /** Over every claim: how many are hypothetical, the latest date (null: not known, as for `earliest`) and how many were made on it. */
  readonly hypothetical: number;
  readonly latest: string | null;
  readonly atLatest: number;
}

/** The tally of no claims. */
export const emptyTally: ContentTally = Object.freeze({ contents: Object.freeze([]), hypothetical: 0, latest: '', atLatest: 0 });

/** The count of the claims that say `contentId`, or undefined. O(distinct contents). Pure. */
export function countOf(tally: ContentTally, contentId: number): ContentCount | undefined {
  for (const c of tally.contents) if (c.contentId === contentId) return c;
  return undefined;
}

const hyp = (c: StoredPositionClaim) => (c.hypothetical ? 1 : 0);

// Counts are built field by field: a spread followed by fields is built property by property, and
// this runs once per claim of a replay.
const countOfClaims = (contentId: number, content: PositionContent, count: number, hypothetical: number, earliest: string | null, atEarliest: number): ContentCount => ({
  contentId,
  content,
  count,
  hypothetical,
  earliest,
  atEarliest,
});

/**
 * The tally once `added` has replaced `removed` (its claimant's earlier claim;
 * undefined when the claimant is new). O(distinct contents). When the removed
 * claim held an extreme date alone and the added one does not take its place,
 * that date is no longer known (null) until `settledTally` finds it again from
 * the claims: the replay settles its tallies once per checkpoint instead of
 * scanning a long list at every such claim. Pure.
 */
export function tallyAfter(tally: ContentTally, removed: StoredPositionClaim | undefined, added: StoredPositionClaim): ContentTally {
  const contents = tally.contents.slice();
  let hypothetical = tally.hypothetical + hyp(added);
  let latest = tally.latest;
  let atLatest = tally.atLatest;
  // The removed claim held its content's earliest date alone: unknown, unless the added claim takes it.
  let lostEarliest = false;
  if (removed !== undefined) {
    hypothetical -= hyp(removed);
    const k = contents.findIndex((c) => c.contentId === removed.contentId);
    const c = contents[k]!;
    const onEarliest = removed.date === c.earliest ? 1 : 0;
    if (c.count === 1) contents.splice(k, 1);
    else {
      lostEarliest = onEarliest === 1 && c.atEarliest === 1;
      contents[k] = countOfClaims(c.contentId, c.content, c.count - 1, c.hypothetical - hyp(removed), lostEarliest ? null : c.earliest, c.atEarliest - onEarliest);
    }
    if (removed.date === latest && --atLatest === 0) latest = added.date >= removed.date ? added.date : null;
  }
  const k = contents.findIndex((c) => c.contentId === added.contentId);
  if (k < 0) contents.push(countOfClaims(added.contentId, added, 1, hyp(added), added.date, 1));
  else {
    const c = contents[k]!;
    // Replacing the earliest claim of its content with one no later: the added claim is the earliest alone.
    const first = (lostEarliest && removed!.contentId === added.contentId && added.date <= removed!.date) || (c.earliest !== null && added.date < c.earliest);
    const earliest = first ? added.date : c.earliest;
    contents[k] = countOfClaims(c.contentId, c.content, c.count + 1, c.hypothetical + hyp(added), earliest, first ? 1 : c.atEarliest + (added.date === c.earliest ? 1 : 0));
  }
  if (latest === null) atLatest = 0;
  else if (latest === added.date && atLatest === 0) atLatest = 1;
  else if (added.date > latest) (latest = added.date), (atLatest = 1);
  else if (added.date === latest) atLatest++;
  return { contents, hypothetical, latest, atLatest };
}

/** True when every date of the tally is known. O(distinct contents). Pure. */
export function isSettled(tally: ContentTally): boolean {
  return tally.latest !== null && tally.contents.every((c) => c.earliest !== null);
}

/** A chunk's dates: per content said in it, the earliest date and how many claims of the chunk were made on it; the latest over the chunk. */
interface ChunkDates {
  readonly contentIds: readonly number[];
  readonly earliest: readonly string[];
  readonly atEarliest: readonly number[];
  readonly latest: string;
  readonly atLatest: number;
}

// Chunks are immutable and shared between versions of a list, so a settling
// scan reads each chunk's dates once and looks them up after: a list settled
// again after one claim changed reads one chunk's claims.
const chunkDates = new WeakMap<readonly StoredPositionClaim[], ChunkDates>();

function datesOf(chunk: readonly StoredPositionClaim[]): ChunkDates {
  let out = chunkDates.get(chunk);
  if (out !== undefined) return out;
  const contentIds: number[] = [];
  const earliest: string[] = [];
  const atEarliest: number[] = [];
  let latest = chunk[0]!.date;
  let atLatest = 0;
  for (const c of chunk) {
    if (c.date > latest) (latest = c.date), (atLatest = 1);
    else if (c.date === latest) atLatest++;
    const k = contentIds.indexOf(c.contentId);
    if (k < 0) contentIds.push(c.contentId), earliest.push(c.date), atEarliest.push(1);
    else if (c.date < earliest[k]!) (earliest[k] = c.date), (atEarliest[k] = 1);
    else if (c.date === earliest[k]) atEarliest[k]!++;
  }
  chunkDates.set(chunk, (out = { contentIds, earliest, atEarliest, latest, atLatest }));
  return out;
}

/**
 * The earliest date of the claims that say `contentId` (the latest of every
 * claim for -1), from the tally, or, when the tally no longer knows it, from
 * the tally settled against `claims` (a look-up per chunk). `contentId` must
 * be counted. Pure.
 */
export function heldSince(tally: ContentTally, claims: ClaimList<StoredPositionClaim>, contentId: number): string {
  const read = (t: ContentTally) => (contentId === -1 ? t.latest : countOf(t, contentId)!.earliest);
  return read(tally) ?? read(settledTally(tally, claims))!;
}

/**
 * The tally with every unknown date found from `claims` (the list it counts),
 * or the tally itself when none is unknown. When one is: a look-up per chunk
 * of the list, and a scan of the chunks not read before. Pure in what it returns.
 */
export function settledTally(tally: ContentTally, claims: ClaimList<StoredPositionClaim>): ContentTally {
  if (isSettled(tally)) return tally;
  const unknown = tally.contents.filter((c) => c.earliest === null).map((c) => c.contentId);
  const earliest: (string | null)[] = unknown.map(() => null);
  const atEarliest: number[] = unknown.map(() => 0);
  let latest: string | null = null;
  let atLatest = 0;
  for (const chunk of chunksOf(claims)) {
    const d = datesOf(chunk);
    if (latest === null || d.latest > latest) (latest = d.latest), (atLatest = d.atLatest);
    else if (d.latest === latest) atLatest += d.atLatest;
    for (let u = 0; u < unknown.length; u++) {
      const k = d.contentIds.indexOf(unknown[u]!);
      if (k < 0) continue;
      const date = d.earliest[k]!;
      if (earliest[u] === null || date < earliest[u]!) (earliest[u] = date), (atEarliest[u] = d.atEarliest[k]!);
      else if (date === earliest[u]) atEarliest[u]! += d.atEarliest[k]!;
    }
  }
  const contents = tally.contents.map((c) => {
    const u = c.earliest === null ? unknown.indexOf(c.contentId) : -1;
    return u < 0 ? c : countOfClaims(c.contentId, c.content, c.count, c.hypothetical, earliest[u]!, atEarliest[u]!);
  });
  return { contents, hypothetical: tally.hypothetical, latest, atLatest };
}
