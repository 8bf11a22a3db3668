// Claims, not facts. A party's position on a term, or its response to a
// proposal, is what someone *claims* it is: the party itself, a mediator,
// another party, or an outlet's own narration. The replay keeps the latest
// claim of each claimant; a policy derives the party's position from them.
import type { Catalog } from '../domain/catalog-schema.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import { keyNumber, keyStep, newKeyTrie } from '../domain/key-trie.js';

/** How the speaker stands to the party the claim is about. */
export type Relation = 'self' | 'mediator' | 'other-party' | 'narration';

/**
 * A claim's rank under the `first-hand` policy, best first: the party's own
 * words on the record, then off the record, then a mediator's, another
 * party's, and last the outlet's own narration.
 */
export const claimRanks = ['own-on-record', 'own-off-record', 'mediator', 'other-party', 'narration'] as const;
export type ClaimRank = (typeof claimRanks)[number];

/** How a position is derived from its claims (README, "Claims and policies"). */
export const policies = ['first-hand', 'latest', 'consensus'] as const;
export type Policy = (typeof policies)[number];
export const defaultPolicy: Policy = 'first-hand';

/** Who makes a claim: the source that reported it, the speaker, and the speaker's relation to the subject. */
export interface Claimant {
  /** The source that reported the claim; null for a hypothetical event. */
  readonly source: string | null;
  readonly speaker: string;
  /** The party the speaker speaks for, if any. */
  readonly speakerParty: string | null;
  readonly relation: Relation;
  readonly onRecord: boolean;
  readonly rank: ClaimRank;
  /** Set when the claim is implied by accepting this proposal's text rather than made about the term itself. */
  readonly impliedBy: string | null;
  /** Where `rank` stands in claimRanks (0 is best), kept as a number for the replay's comparisons. */
  readonly rankIndex: number;
  /** The claimant's identity (source, speaker, speaker's party, implying proposal) as a number, interned once when the claim is made. */
  readonly key: number;
}

/** The speaker a hypothetical event without attribution is credited to. */
export const SCENARIO_SPEAKER = 'the scenario author';

/**
 * The claimant of an event about `subject`. Pure. A hypothetical event ranks as
 * the party's own on-record statement: a what-if says "suppose the party said
 * this", so it outranks reports of what others say the party wants.
 */
export function claimantOf(e: ParleyEvent, subject: string, catalog: Catalog, impliedBy: string | null = null): Claimant {
  if (e.hypothetical) {
    const speaker = e.attribution?.speaker ?? SCENARIO_SPEAKER;
    return { source: null, speaker, speakerParty: subject, relation: 'self', onRecord: true, rank: 'own-on-record', impliedBy, rankIndex: 0, key: claimantKey(null, speaker, subject, impliedBy) };
  }
  const a = e.attribution;
  const speakerParty = a?.party ?? null;
  const onRecord = a?.onRecord ?? false;
  const relation: Relation =
    speakerParty === null ? 'narration' : speakerParty === subject ? 'self' : catalog.partyById.get(speakerParty)?.role === 'mediator' ? 'mediator' : 'other-party';
  const rank: ClaimRank = relation === 'self' ? (onRecord ? 'own-on-record' : 'own-off-record') : relation;
  const source = e.source ?? null;
  const speaker = a?.speaker ?? 'unattributed';
  return { source, speaker, speakerParty, relation, onRecord, rank, impliedBy, rankIndex: claimRanks.indexOf(rank), key: claimantKey(source, speaker, speakerParty, impliedBy) };
}

// The replay compares claimants on every claim: a number compares in one
// step where the identity's strings compare character by character.
const claimantKeys = newKeyTrie();

/**
 * One claimant's identity as a number: the same speaker for the same party in
 * the same source (a claim implied by accepting a proposal stands apart from
 * the speaker's own claims on the term). Not pure: the number is the one the
 * process's trie gave first, stable for as long as the process lives.
 */
const claimantKey = (source: string | null, speaker: string, speakerParty: string | null, impliedBy: string | null) =>
  keyNumber(claimantKeys, keyStep(keyStep(keyStep(keyStep(claimantKeys.root, source), speaker), speakerParty), impliedBy));

/** Where a claim sits in the replay order, for "latest" comparisons. */
export interface ClaimOrder {
  /** Sort day of when the claim was made (occurred). */
  readonly day: number;
  /** Sort day of when it was reported. */
  readonly reportedDay: number;
  /** Its place in the replayed log: later events have larger numbers. */
  readonly seq: number;
}

/** Later first: occurred, then reported, then log order. Pure. */
export function compareLatest(a: ClaimOrder, b: ClaimOrder): number {
  return b.day - a.day || b.reportedDay - a.reportedDay || b.seq - a.seq;
}

/**
 * The deciding claim once `added` joins `claims` (which now hold it), given
 * the deciding claim before, `previous`. `added` is the newest claim of all
 * (the replay meets claims in log order), so under `latest` it decides; under
 * `first-hand` it decides unless a claim of a better rank does. O(1) except
 * when it replaces the previous deciding claim at a worse rank (the same
 * speaker, now off the record): then every claim is weighed again. Pure;
 * equal to decidingClaim(claims) (a property test checks it).
 */
export function nextDecidingClaim<C extends { readonly claimant: Claimant; readonly order: ClaimOrder }>(previous: C | null, added: C, policy: Policy, claims: readonly C[]): C | null {
  if (policy === 'consensus') return null;
  if (policy === 'latest' || previous === null) return added;
  if (previous.claimant.key === added.claimant.key) return added.claimant.rankIndex <= previous.claimant.rankIndex ? added : decidingClaim(claims, policy);
  return added.claimant.rankIndex <= previous.claimant.rankIndex ? added : previous;
}

/**
 * The claim that decides under `first-hand` or `latest`, or null under
 * `consensus` (where every claim decides). Pure.
 * - first-hand: the best rank; within a rank, the latest occurred, then reported.
 * - latest: the last claim in log order, whoever made it (wave-1 behaviour).
 */
export function decidingClaim<C extends { readonly claimant: Claimant; readonly order: ClaimOrder }>(claims: readonly C[], policy: Policy): C | null {
  if (policy === 'consensus' || claims.length === 0) return null;
  let best = claims[0]!;
  for (let i = 1; i < claims.length; i++) {
    const c = claims[i]!;
    if (policy === 'latest') {
      if (c.order.seq > best.order.seq) best = c;
      continue;
    }
    const byRank = c.claimant.rankIndex - best.claimant.rankIndex;
    if (byRank < 0 || (byRank === 0 && compareLatest(c.order, best.order) < 0)) best = c;
  }
  return best;
}
