// Positions and proposal responses as the replay stores them: per (term,
// party) and per (proposal, party), the latest claim of each claimant, and
// what the policy derives from those claims. Every record is immutable: a new
// claim makes a new record, so checkpoints share them.
import type { Catalog } from '../domain/catalog-schema.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import { type ContentTally, emptyTally, settledTally, tallyAfter } from './content-tally.js';
import { type ClaimList, chunksOf, claimAt, emptyClaimList, placeOf as placeInList, someClaim, withClaimAt } from './claim-list.js';
import { tableGet, tableWith } from './ordered-table.js';
import { keyNumber, keyStep, newKeyTrie } from '../domain/key-trie.js';
import { type Policy, claimantOf, compareLatest, decidingClaim, nextDecidingClaim } from './claims.js';
import type { FoldContext } from './fold.js';
import type {
  Conditions,
  PositionContent,
  ReplayState,
  StoredPosition,
  StoredConcessionClaim,
  StoredPositionClaim,
  StoredResponse,
  StoredResponseClaim,
} from './replay-state.js';

const NONE: readonly string[] = Object.freeze([]);
const NO_CONDITIONS: Conditions = Object.freeze([]);
const NO_CONCESSIONS: readonly StoredConcessionClaim[] = Object.freeze([]);

/** Options in ladder order without repeats; an already ordered list (the usual case) is reused, since events are never mutated. Pure. */
export function inLadderOrder(catalog: Catalog, term: string, options: readonly string[]): readonly string[] {
  if (options.length === 0) return NONE;
  if (options.length === 1) return options;
  const index = catalog.optionIndex.get(term)!;
  let ordered = true;
  for (let i = 1; i < options.length && ordered; i++) ordered = index.get(options[i - 1]!)! < index.get(options[i]!)!;
  return ordered ? options : [...new Set(options)].sort((a, b) => index.get(a)! - index.get(b)!);
}

/** Conditions sorted by term, each in ladder order; two conditions on one term keep only the options both allow. Pure. */
export function normaliseConditions(catalog: Catalog, conditions: readonly { term: string; accepts: readonly string[] }[]): Conditions {
  if (conditions.length === 0) return NO_CONDITIONS;
  const byTerm = new Map<string, readonly string[]>();
  for (const c of conditions) {
    const earlier = byTerm.get(c.term);
    byTerm.set(c.term, earlier === undefined ? c.accepts : earlier.filter((o) => c.accepts.includes(o)));
  }
  return [...byTerm]
    .map(([term, accepts]) => ({ term, accepts: inLadderOrder(catalog, term, accepts) }))
    .sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

const sameList = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
const sameConditions = (a: Conditions, b: Conditions) =>
  a === b || (a.length === b.length && a.every((c, i) => c.term === b[i]!.term && sameList(c.accepts, b[i]!.accepts)));

/** True when two claims say the same about a position. Pure. */
export function sameContent(a: PositionContent, b: PositionContent): boolean {
  return sameList(a.accepts, b.accepts) && sameList(a.rejects, b.rejects) && a.prefers === b.prefers && sameConditions(a.conditions, b.conditions);
}

/**
 * What every claim agrees on: an option is accepted only if every claim that
 * names accepted options accepts it and no claim rejects it; every option any
 * claim rejects is rejected. Pure.
 */
function consensusContent(catalog: Catalog, term: string, claims: readonly PositionContent[]): PositionContent {
  let accepts: readonly string[] | null = null;
  const rejects = new Set<string>();
  let prefers: string | null | undefined;
  const conditions: { term: string; accepts: readonly string[] }[] = [];
  for (const c of claims) {
    if (c.accepts.length > 0) accepts = accepts === null ? c.accepts : accepts.filter((o) => c.accepts.includes(o));
    for (const o of c.rejects) rejects.add(o);
    if (c.prefers !== null) prefers = prefers === undefined || prefers === c.prefers ? c.prefers : null;
    conditions.push(...c.conditions);
  }
  const agreed = (accepts ?? NONE).filter((o) => !rejects.has(o));
  return {
    accepts: inLadderOrder(catalog, term, agreed),
    rejects: inLadderOrder(catalog, term, [...rejects]),
    prefers: prefers !== undefined && prefers !== null && agreed.includes(prefers) ? prefers : null,
    conditions: normaliseConditions(catalog, conditions),
  };
}

/** True when a later position claim replaces concession `c` under the policy: one of at least its rank (any rank under `latest`). Pure. */
export function supersedes(p: StoredPositionClaim, c: StoredConcessionClaim, policy: Policy): boolean {
  return compareLatest(p.order, c.order) < 0 && (policy === 'latest' || p.claimant.rankIndex <= c.claimant.rankIndex);
}

// What a claim says, as a number: claims say the same exactly when their
// numbers are equal, so comparing is one step.
const contentKeys = newKeyTrie();
/** Ends a list of options in a content's key (options are strings). */
const END = 0;

/** The number of what a claim says: equal content, equal number, for as long as the process lives (not pure: the process's trie gives it). */
export function contentId(c: PositionContent): number {
  let at = contentKeys.root;
  for (const o of c.accepts) at = keyStep(at, o);
  at = keyStep(at, END);
  for (const o of c.rejects) at = keyStep(at, o);
  at = keyStep(keyStep(at, END), c.prefers);
  for (const x of c.conditions) {
    at = keyStep(at, x.term);
    for (const o of x.accepts) at = keyStep(at, o);
    at = keyStep(at, END);
  }
  return keyNumber(contentKeys, at);
}

/**
 * The claims and concessions with the position the policy derives from them,
 * given the deciding claim and the claims' tally (both kept incrementally by
 * the replay). Pure.
 */
export function derivePosition(
  catalog: Catalog,
  term: string,
  claims: ClaimList<StoredPositionClaim>,
  concessions: readonly StoredConcessionClaim[],
  policy: Policy,
  basis: StoredPositionClaim | null,
  tally: ContentTally,
  widenedBy: readonly StoredConcessionClaim[],
): StoredPosition {
  // Consensus weighs each distinct content once: what every claim agrees on is what every content agrees on.
  const base = basis === null ? consensusContent(catalog, term, tally.contents.map((c) => c.content)) : pick(basis);
  const content = widenedBy.reduce((acc, c) => widen(catalog, term, acc, c.adds, c.conditions), base);
  return { claims, concessions, content, basis, widenedBy, contested: tally.contents.length > 1, tally };
}

const pick = (c: PositionContent): PositionContent => ({ accepts: c.accepts, rejects: c.rejects, prefers: c.prefers, conditions: c.conditions });

/** The replayed position of a party on a term, if any claim about it has been made. */
export function positionOf(s: ReplayState, term: string, party: string): StoredPosition | undefined {
  return s.positions.get(term)?.get(party);
}

/** Where the claiming event sorts (its log entry's sort days). */
export interface ClaimAt {
  readonly day: number;
  readonly reportedDay: number;
}

interface ClaimEvent {
  readonly event: ParleyEvent;
  readonly at: ClaimAt;
  readonly inference: string | null;
  /** The proposal whose accepted text implies this claim, if that is where it comes from. */
  readonly impliedBy?: string;
}

const orderOf = (at: ClaimAt, s: ReplayState) => ({ day: at.day, reportedDay: at.reportedDay, seq: s.eventCount });

function indexOfClaimant(claims: readonly { readonly claimant: { readonly key: number } }[], key: number): number {
  for (let i = 0; i < claims.length; i++) if (claims[i]!.claimant.key === key) return i;
  return -1;
}

// Below this many claims a scan finds a claimant faster than a Map built for it.
const INDEXED_FROM = 24;

/**
 * Where each claimant's claim stands in `claims`, for long lists (null for
 * short ones, which are scanned). A new claimant makes a new index; a
 * claimant speaking again keeps its place, so the index is shared. Pure.
 */
function withIndex(index: ReadonlyMap<number, number> | null, claims: readonly { readonly claimant: { readonly key: number } }[]): ReadonlyMap<number, number> | null {
  if (claims.length < INDEXED_FROM) return null;
  if (index === null) return new Map(claims.map((c, i) => [c.claimant.key, i]));
  return new Map(index).set(claims.at(-1)!.claimant.key, claims.length - 1);
}

/** The place of `key`'s claim in a claim list and its index, or -1. Pure. */
function placeOf(claims: readonly { readonly claimant: { readonly key: number } }[], index: ReadonlyMap<number, number> | null, key: number): number {
  return index === null ? indexOfClaimant(claims, key) : index.get(key) ?? -1;
}

/** The list with item i replaced by `item` (appended when i is -1). Pure. */
function replaceAt<C>(items: readonly C[], i: number, item: C): readonly C[] {
  if (i < 0) return [...items, item];
  const out = items.slice();
  out[i] = item;
  return out;
}

/** Replaces the claimant's earlier claim (or adds one) and returns the new claim list. Pure. */
function withClaim<C extends { readonly claimant: StoredPositionClaim['claimant'] }>(claims: readonly C[], claim: C): readonly C[] {
  const i = indexOfClaimant(claims, claim.claimant.key);
  if (i < 0) return [...claims, claim];
  const out = claims.slice();
  out[i] = claim;
  return out;
}

// The best claim of each chunk under first-hand: chunks are immutable and
// shared between versions of a list, so weighing every claim again costs a
// look-up per chunk and a scan of the chunks that changed.
const chunkBests = new WeakMap<readonly StoredPositionClaim[], StoredPositionClaim>();

function bestOfChunk(chunk: readonly StoredPositionClaim[]): StoredPositionClaim {
  let best = chunkBests.get(chunk);
  if (best === undefined) chunkBests.set(chunk, (best = decidingClaim(chunk, 'first-hand')!));
  return best;
}

/**
 * nextDecidingClaim on a claim list. When every claim must be weighed again
 * (the deciding claimant speaks again at a worse rank), the best of each chunk
 * decides: orders are unique, so the best of the bests is decidingClaim's. Pure.
 */
function nextBasis(previous: StoredPositionClaim | null, added: StoredPositionClaim, policy: Policy, claims: ClaimList<StoredPositionClaim>): StoredPositionClaim | null {
  if (policy === 'first-hand' && previous !== null && previous.claimant.key === added.claimant.key && added.claimant.rankIndex > previous.claimant.rankIndex) {
    return decidingClaim(chunksOf(claims).map(bestOfChunk), policy);
  }
  return nextDecidingClaim(previous, added, policy, [added]);
}

/** Records a claim about `party`'s position on `term`, replacing the claimant's earlier one. */
export function claimPosition(s: ReplayState, ctx: FoldContext, term: string, party: string, content: PositionContent, claim: ClaimEvent): void {
  const e = claim.event;
  const claimant = claimantOf(e, party, ctx.catalog, claim.impliedBy ?? null);
  const current = positionOf(s, term, party);
  const i = current === undefined ? -1 : placeInList(current.claims, claimant.key);
  const earlier = i < 0 ? undefined : claimAt(current!.claims, i);
  const id = contentId(content);
  // The same claimant saying the same again corroborates its claim: one more id, the date it was first made.
  const repeat = earlier !== undefined && earlier.contentId === id && earlier.inference === claim.inference;
  const stored: StoredPositionClaim = {
    contentId: id,
    claimant,
    order: orderOf(claim.at, s),
    date: repeat ? earlier.date : e.occurred,
    reported: e.reported ?? null,
    inference: claim.inference,
    accepts: content.accepts,
    rejects: content.rejects,
    prefers: content.prefers,
    conditions: content.conditions,
    eventIds: { id: e.id, prev: repeat ? earlier.eventIds : null },
    hypothetical: e.hypothetical || (repeat && earlier.hypothetical),
  };
  const claims = withClaimAt(current?.claims ?? emptyClaimList<StoredPositionClaim>(), i, stored);
  // A reported concession the new claim replaces is gone for good; a hypothetical one stays, to show the override.
  const concessions = current === undefined || current.concessions.length === 0 ? NO_CONCESSIONS : current.concessions.filter((c) => c.hypothetical || !supersedes(stored, c, ctx.policy));
  const basis = nextBasis(current?.basis ?? null, stored, ctx.policy, claims);
  // The new claim is the newest: the concessions in force stay so unless it replaces them. When it
  // replaces its claimant's earlier claim at a worse rank (on, then off the record), what that claim
  // superseded may be in force again: weigh the concessions against the claims. Only a hypothetical
  // one can be superseded by a current claim and still be listed (a reported one is dropped when
  // superseded), so only those need the claims scanned.
  const widenedBy =
    current === undefined || current.concessions.length === 0
      ? NO_CONCESSIONS
      : earlier !== undefined && earlier.claimant.rankIndex < claimant.rankIndex
        ? concessions.filter((c) => !c.hypothetical || !someClaim(claims, (p) => supersedes(p, c, ctx.policy)))
        : current.widenedBy.filter((c) => !supersedes(stored, c, ctx.policy));
  setPosition(s, term, party, derivePosition(ctx.catalog, term, claims, concessions, ctx.policy, basis, tallyAfter(current?.tally ?? emptyTally, earlier, stored), widenedBy));
}

/**
 * Sets `party`'s position on `term`: in place in a term map this state owns,
 * else in a copy it then owns (the old map may be a checkpoint's), so a term
 * map is copied once per checkpoint interval rather than once per claim.
 */
function setPosition(s: ReplayState, term: string, party: string, position: StoredPosition): void {
  const byParty = s.positions.get(term);
  if (byParty !== undefined && s.owned.has(byParty)) {
    (byParty as Map<string, StoredPosition>).set(party, position);
    return;
  }
  const copy = new Map(byParty).set(party, position);
  s.owned.add(copy);
  s.positions.set(term, copy);
}

/**
 * Settles the tally of every position that changed since `previous` (an
 * earlier version of `s`, or undefined: every position), so that no date
 * stays unknown past a checkpoint: a query replays from a settled state and
 * scans only a list whose date its own events took away.
 */
export function settlePositions(s: ReplayState, previous: ReplayState | undefined): void {
  for (const [term, byParty] of s.positions) {
    const before = previous?.positions.get(term);
    if (before === byParty) continue;
    for (const [party, p] of byParty) {
      if (before?.get(party) === p) continue;
      const tally = settledTally(p.tally, p.claims);
      // Written out, not spread: a spread with a field replaced gives each record a hidden class of its own.
      const { claims, concessions, content, basis, widenedBy, contested } = p;
      if (tally !== p.tally) setPosition(s, term, party, { claims, concessions, content, basis, widenedBy, contested, tally });
    }
  }
}

/** Records a claim that `party` widens its position on `term`; merged with the claimant's earlier concessions. `current` must exist. */
export function claimConcession(s: ReplayState, ctx: FoldContext, term: string, current: StoredPosition, adds: readonly string[], conditions: Conditions, claim: ClaimEvent & { readonly party: string }): void {
  const e = claim.event;
  const claimant = claimantOf(e, claim.party, ctx.catalog);
  const earlier = current.concessions.find((c) => c.claimant.key === claimant.key);
  const stored: StoredConcessionClaim = {
    claimant,
    order: orderOf(claim.at, s),
    date: e.occurred,
    reported: e.reported ?? null,
    inference: claim.inference ?? earlier?.inference ?? null,
    adds: inLadderOrder(ctx.catalog, term, earlier ? [...earlier.adds, ...adds.filter((o) => !earlier.adds.includes(o))] : adds),
    conditions: normaliseConditions(ctx.catalog, [...(earlier?.conditions ?? []), ...conditions]),
    eventIds: { id: e.id, prev: earlier?.eventIds ?? null },
    hypothetical: e.hypothetical || (earlier?.hypothetical ?? false),
  };
  const concessions = withClaim(current.concessions, stored);
  // The newest concession is in force, in place of the claimant's earlier one; the others keep
  // their order (that of the concessions, which is how their events are listed).
  const inForce = new Set(current.widenedBy.map((c) => c.claimant.key));
  const widenedBy = concessions.filter((c) => c === stored || inForce.has(c.claimant.key));
  setPosition(s, term, claim.party, derivePosition(ctx.catalog, term, current.claims, concessions, ctx.policy, current.basis, current.tally, widenedBy));
}

/** The position `content` widened by `adds`: the options join `accepts` and leave `rejects`. Pure. */
export function widen(catalog: Catalog, term: string, content: PositionContent, adds: readonly string[], conditions: Conditions): PositionContent {
  return {
    accepts: inLadderOrder(catalog, term, [...content.accepts, ...adds.filter((o) => !content.accepts.includes(o))]),
    rejects: content.rejects.filter((o) => !adds.includes(o)),
    prefers: content.prefers,
    conditions: conditions.length === 0 ? content.conditions : normaliseConditions(catalog, [...content.conditions, ...conditions]),
  };
}

const responseAgrees = (a: StoredResponseClaim, b: StoredResponseClaim) => a.response === b.response && a.as === b.as;

/** The claims about a response with the response the policy derives from them, given the deciding claim. Pure. */
export function deriveResponse(claims: readonly StoredResponseClaim[], basis: StoredResponseClaim | null, claimIndex: ReadonlyMap<number, number> | null): StoredResponse {
  const contested = claims.some((c) => !responseAgrees(c, claims[0]!));
  if (basis !== null) return { claims, response: basis.response, as: basis.as, basis, contested, claimIndex };
  const first = claims[0]!;
  return contested ? { claims, response: 'disputed', as: null, basis: null, contested, claimIndex } : { claims, response: first.response, as: first.as, basis: null, contested, claimIndex };
}

/** Records a claim about a party's response to a proposal; false when the proposal has not been tabled. */
export function claimResponse(
  s: ReplayState,
  ctx: FoldContext,
  e: ParleyEvent & { readonly proposal: string; readonly party: string; readonly inference?: string | undefined },
  at: ClaimAt,
  response: 'accepted' | 'rejected',
  as: 'text' | 'basis' | null,
): boolean {
  const proposal = tableGet(s.proposals, e.proposal);
  if (!proposal) return false;
  const claimant = claimantOf(e, e.party, ctx.catalog);
  const current = proposal.responses.get(e.party);
  const i = current === undefined ? -1 : placeOf(current.claims, current.claimIndex, claimant.key);
  const earlier = i < 0 ? undefined : current!.claims[i];
  const repeat = earlier !== undefined && earlier.response === response && earlier.as === as;
  const stored: StoredResponseClaim = {
    claimant,
    order: orderOf(at, s),
    date: repeat ? earlier.date : e.occurred,
    reported: e.reported ?? null,
    inference: e.inference ?? null,
    response,
    as,
    eventIds: { id: e.id, prev: repeat ? earlier.eventIds : null },
    hypothetical: e.hypothetical || (repeat && earlier.hypothetical),
  };
  const responses = new Map(proposal.responses);
  const claims = replaceAt(current?.claims ?? [], i, stored);
  const claimIndex = i < 0 ? withIndex(current?.claimIndex ?? null, claims) : current!.claimIndex;
  responses.set(e.party, deriveResponse(claims, nextDecidingClaim(current?.basis ?? null, stored, ctx.policy, claims), claimIndex));
  s.proposals = tableWith(s.proposals, e.proposal, { ...proposal, responses });
  // The one rule by which a response reaches positions: accepting a text is
  // accepting what it says on each term it settles (as tabled so far), a
  // claim of the same claimant, marked as implied. Accepting a text only as
  // a basis for talks, or rejecting it, implies nothing about any one term.
  if (response === 'accepted' && as === 'text') {
    for (const term of Object.keys(proposal.terms)) {
      const content = { accepts: [proposal.terms[term]!], rejects: NONE, prefers: null, conditions: NO_CONDITIONS };
      claimPosition(s, ctx, term, e.party, content, { event: e, at, inference: `implied by accepting the text of ${e.proposal}`, impliedBy: e.proposal });
    }
  }
  return true;
}
