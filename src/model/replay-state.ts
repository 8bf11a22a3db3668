// The state a replay carries from event to event. Containers (the records) are
// owned by one replay and updated in place; every leaf value is replaced, never
// mutated, so a checkpoint is a copy of the containers and shares the leaves.
import type { ClaimList } from './claim-list.js';
import type { ContentTally } from './content-tally.js';
import type { ClaimOrder, ClaimRank, Claimant, Relation } from './claims.js';
import type { RoundPurpose } from './deal-machine.js';
import type { LifecycleKey } from './lifecycle.js';
import { type ListingOrder, type OrderedTable, emptyTable } from './ordered-table.js';
import { initialLifecycle } from './lifecycle.js';

export type EventIds = readonly string[];

/**
 * The ids behind a stored value, newest first, as an immutable linked list:
 * a second report of the same value adds one node and shares the rest, so
 * corroboration costs O(1) instead of copying the ids so far. presentState
 * turns it into the oldest-first array a query returns.
 */
export interface IdNode {
  readonly id: string;
  readonly prev: IdNode | null;
}

/** A value as the replay stores it: like T, with its ids as a list. */
export type Stored<T extends Marked> = Omit<T, 'eventIds'> & { readonly eventIds: IdNode };

export type StoredProposal = Omit<Proposal, 'eventIds' | 'responses'> & {
  readonly eventIds: IdNode;
  /** party -> the claims about its response, and the response they give under the replay's policy */
  readonly responses: ReadonlyMap<string, StoredResponse>;
};

/** What a claim about a position says. */
export interface PositionContent {
  /** Ladder options the party accepts, in ladder order. */
  readonly accepts: readonly string[];
  /** Ladder options the party refuses, in ladder order. An option in neither list is unknown for the party. */
  readonly rejects: readonly string[];
  readonly prefers: string | null;
  readonly conditions: Conditions;
}

export type Conditions = readonly { readonly term: string; readonly accepts: readonly string[] }[];

/** What every stored claim carries besides its content. */
interface StoredClaimBase {
  readonly claimant: Claimant;
  readonly order: ClaimOrder;
  /** When the claim was first made in this form (occurred). */
  readonly date: string;
  readonly reported: string | null;
  /** How the claim was inferred from its quote, when it was (the encoding rule applied). */
  readonly inference: string | null;
  readonly eventIds: IdNode;
  readonly hypothetical: boolean;
}

export interface StoredPositionClaim extends StoredClaimBase, PositionContent {
  /** What the claim says, as a number (contentId): equal numbers, equal content. */
  readonly contentId: number;
}

/** A claim that the party widens its position: options it now also accepts. Kept per claimant (merged). */
export interface StoredConcessionClaim extends StoredClaimBase {
  readonly adds: readonly string[];
  readonly conditions: Conditions;
}

export interface StoredResponseClaim extends StoredClaimBase {
  readonly response: 'accepted' | 'rejected';
  readonly as: 'text' | 'basis' | null;
}

/**
 * The claims about one party's position on one term (the latest of each
 * claimant, in the order claimants first spoke) and the position they give
 * under the replay's policy. Immutable: a new claim makes a new record.
 */
export interface StoredPosition {
  readonly claims: ClaimList<StoredPositionClaim>;
  /**
   * Concessions, one per claimant. A concession widens whatever the claims
   * give until a later position claim of at least its rank replaces it (any
   * later claim under `latest`); reported ones are dropped then, hypothetical
   * ones kept so that the override can be shown.
   */
  readonly concessions: readonly StoredConcessionClaim[];
  readonly content: PositionContent;
  /** The claim that decides (first-hand, latest), or null (consensus). */
  readonly basis: StoredPositionClaim | null;
  /** The concessions in force, which widen what the claims give. */
  readonly widenedBy: readonly StoredConcessionClaim[];
  /** True when the claims do not all say the same. */
  readonly contested: boolean;
  /** What the claims say, counted per content (kept claim by claim). */
  readonly tally: ContentTally;
}

export interface StoredResponse {
  readonly claims: readonly StoredResponseClaim[];
  readonly response: 'accepted' | 'rejected' | 'disputed';
  readonly as: 'text' | 'basis' | null;
  readonly basis: StoredResponseClaim | null;
  readonly contested: boolean;
  /** claimant key -> its claim's place in `claims`, for long lists (null: scan). */
  readonly claimIndex: ReadonlyMap<number, number> | null;
}

export function idsToArray(node: IdNode): string[] {
  let n = 0;
  for (let x: IdNode | null = node; x !== null; x = x.prev) n++;
  const out = new Array<string>(n);
  for (let x: IdNode | null = node; x !== null; x = x.prev) out[--n] = x.id;
  return out;
}

const presented = new WeakMap<object, object>();

/**
 * The value with its ids as an array (same fields, same order). Stored values
 * are never mutated, so each is presented once and the frozen result shared
 * by every query that meets it: a query pays only for the values it changed.
 */
export function present<T extends Marked>(stored: Stored<T>): T {
  let out = presented.get(stored);
  if (out === undefined) {
    // The arrays and records inside a value may be the events' own (an
    // accepted set is reused as it came): frozen here, once per value, so that
    // no caller can change the log through a state.
    for (const v of Object.values(stored)) freezeData(v);
    // Copied key by key rather than spread: a spread with a field replaced gives each copy a hidden
    // class of its own (some 300 bytes each, kept as long as the checkpoints).
    const copy: Record<string, unknown> = {};
    for (const key in stored) copy[key] = key === 'eventIds' ? Object.freeze(idsToArray(stored.eventIds)) : (stored as Record<string, unknown>)[key];
    out = Object.freeze(copy);
    presented.set(stored, out);
  }
  return out as unknown as T;
}

// Walked by index and key rather than through Object.values, which copies every container it visits.
function freezeData(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) freezeData(value[i]);
  else for (const key in value) freezeData((value as Record<string, unknown>)[key]);
  Object.freeze(value);
}

/** Like `present`, for a value whose presentation needs more than its ids (a proposal's responses). */
export function presentWith<S extends object, T>(stored: S, build: (stored: S) => T): T {
  let out = presented.get(stored);
  if (out === undefined) {
    out = build(stored) as object;
    freezeData(out);
    presented.set(stored, out);
  }
  return out as T;
}

export interface Marked {
  readonly eventIds: EventIds;
  /** True when any event behind the value is hypothetical. */
  readonly hypothetical: boolean;
}

/** A claim as a query presents it. */
export interface Claim extends Marked {
  readonly source: string | null;
  readonly speaker: string;
  /** The party the speaker speaks for, if any. */
  readonly speakerParty: string | null;
  readonly relation: Relation;
  readonly onRecord: boolean;
  readonly rank: ClaimRank;
  readonly date: string;
  readonly reported: string | null;
  readonly inference: string | null;
  /** The proposal whose accepted text implies the claim, when it is implied rather than stated. */
  readonly impliedBy: string | null;
}

export interface PositionClaim extends Claim, PositionContent {}

export interface ConcessionClaim extends Claim {
  readonly adds: readonly string[];
  readonly conditions: Conditions;
}

export interface ResponseClaim extends Claim {
  readonly response: 'accepted' | 'rejected';
  readonly as: 'text' | 'basis' | null;
}

/** The claim that decided a value: who said it, according to whom, and how it ranks. */
export interface Basis {
  readonly source: string | null;
  readonly speaker: string;
  readonly relation: Relation;
  readonly rank: ClaimRank;
  readonly impliedBy: string | null;
  readonly eventIds: EventIds;
}

/**
 * A party's position on a term, derived from its claims by the policy.
 * `eventIds` are the events of the deciding claim and of every claim that says
 * the same; under `consensus`, of every claim.
 */
export interface Position extends Marked, PositionContent {
  readonly since: string;
  readonly basis: Basis | null;
  /** True when the current claims disagree. */
  readonly contested: boolean;
  readonly claims: readonly PositionClaim[];
  /** Concessions in force that widen what the claims give. */
  readonly concessions: readonly ConcessionClaim[];
}

export interface ProposalResponse extends Marked {
  /** `disputed`: under `consensus`, the claims disagree. */
  readonly response: 'accepted' | 'rejected' | 'disputed';
  readonly as: 'text' | 'basis' | null;
  readonly date: string;
  readonly basis: Basis | null;
  readonly contested: boolean;
  readonly claims: readonly ResponseClaim[];
}

export interface Proposal extends Marked {
  readonly id: string;
  readonly title: string;
  readonly by: string;
  readonly tabled: string;
  readonly terms: Readonly<Record<string, string>>;
  readonly responses: Readonly<Record<string, ProposalResponse>>;
}

export interface Round extends Marked {
  readonly id: string;
  readonly venue: string;
  readonly mediators: readonly string[];
  /** What the round is about: talks before an agreement, implementing a phase, or the next phase. */
  readonly purpose: RoundPurpose;
  readonly opened: string;
  readonly closed: string | null;
  /** Who closed it: a source's report, or the agreement or collapse that ended any round still open. */
  readonly closedBy: 'report' | 'agreement' | 'collapse' | null;
  /** The latest day a source reported the round (opening it, or corroborating that). */
  readonly lastReported: string;
}

export interface Assessment extends Marked {
  readonly speaker: string;
  readonly tone: 'optimistic' | 'pessimistic';
  /** CAMEO verb code: 013 optimistic comment, 012 pessimistic comment. */
  readonly cameo: '013' | '012';
  readonly date: string;
}

export interface FigureReport extends Marked {
  readonly source: string;
  readonly value: number;
  readonly qualifier: string | null;
  readonly date: string;
}

export interface Tally extends Marked {
  readonly count: number;
  /** Acts already counted, so a second source's report of one release is not added twice. */
  readonly acts: readonly string[];
}

export interface LifecycleMark extends Marked {
  readonly date: string;
  readonly act: string | null;
}

export interface Agreement extends Marked {
  readonly date: string;
  /** The terms its text settles: term -> option. */
  readonly terms: Readonly<Record<string, string>>;
  /** Terms it leaves open to later-phase talks: term -> the phase whose talks take them up (null: not named by the deal). */
  readonly defers: Readonly<Record<string, number | null>>;
  /** The phases an agreement covers: phase number -> the date it was agreed. */
  readonly covers: Readonly<Record<string, string>>;
}

/** Releases under the deal during one phase, by kind. */
export interface PhaseReleases {
  readonly living: Stored<Tally> | null;
  readonly remains: Stored<Tally> | null;
  readonly prisoners: Stored<Tally> | null;
}

/** Days a phase's planned end was moved by extension events. */
export interface Extension extends Marked {
  readonly days: number;
  /** Acts already counted, so a second source's report of one extension is not added twice. */
  readonly acts: readonly string[];
}

export interface Anomaly {
  readonly eventId: string;
  readonly type: string;
  readonly date: string;
  readonly reason: string;
  /** True when the event that could not be placed is hypothetical. */
  readonly hypothetical: boolean;
}

/** An immutable singly linked list: appending shares the whole past. */
export type AnomalyList = { readonly head: Anomaly; readonly tail: AnomalyList } | null;

export interface ReplayState {
  lifecycle: LifecycleKey;
  /** The event(s) that moved the deal into its current lifecycle state (phase and stage). */
  lifecycleMark: Stored<LifecycleMark> | null;
  phaseStarts: Record<string, Stored<LifecycleMark>>;
  agreement: Stored<Agreement> | null;
  round: Stored<Round> | null;
  roundsOpened: number;
  /** Keyed by user ids (an id such as "__proto__" is only a name), in the order tabled. Persistent: replaced on change, so a checkpoint shares it. */
  proposals: OrderedTable<StoredProposal>;
  /** term -> party -> the claims about its position. A term's map is copied on its first change after a clone (see `owned`), so a checkpoint shares it. */
  positions: Map<string, ReadonlyMap<string, StoredPosition>>;
  /** source -> the latest assessment of each speaker, by date then speaker. Each source's list is replaced on change, so a checkpoint shares it. */
  assessments: Map<string, readonly Stored<Assessment>[]>;
  /** figure -> the latest report of each source, by source. Each figure's list is replaced on change, so a checkpoint shares it. */
  figures: Map<string, readonly Stored<FigureReport>[]>;
  /** phase number -> releases during it. Replaced whole on change, so a checkpoint can share it. */
  releases: Readonly<Record<string, PhaseReleases>>;
  /** phase number N -> the first next-phase round opened during phase N-1 (talks on phase N under way). Replaced whole on change. */
  phaseTalks: Readonly<Record<string, Stored<LifecycleMark>>>;
  /** phase number -> how far its planned end was moved. Replaced whole on change. */
  extensions: Readonly<Record<string, Stored<Extension>>>;
  anomalies: AnomalyList;
  eventCount: number;
  hypotheticalCount: number;
  lastEventId: string | null;
  /**
   * The term maps of `positions` this state made since it was created or
   * cloned: only these may be updated in place. Any other is shared (with a
   * checkpoint, or with a state a query returned) and is copied on its first
   * change, so a checkpoint never sees a later event.
   */
  readonly owned: WeakSet<object>;
}

/** Strings by UTF-16 code units, the one order of ids a state lists (never the locale's). Pure. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** How a state lists its proposals: by the date first tabled, then by id (neither changes once tabled). */
const proposalListing: ListingOrder<StoredProposal> = (a, b) => byCodeUnits(a.tabled, b.tabled) || byCodeUnits(a.id, b.id);

export function initialReplayState(): ReplayState {
  return {
    lifecycle: initialLifecycle,
    lifecycleMark: null,
    phaseStarts: {},
    agreement: null,
    round: null,
    roundsOpened: 0,
    proposals: emptyTable(proposalListing),
    positions: new Map(),
    assessments: new Map(),
    figures: new Map(),
    releases: {},
    phaseTalks: {},
    extensions: {},
    anomalies: null,
    eventCount: 0,
    hypotheticalCount: 0,
    lastEventId: null,
    owned: new WeakSet(),
  };
}

/** A copy that shares every leaf; cost grows with the number of entries, not with the log. */
export function cloneReplayState(s: ReplayState): ReplayState {
  return {
    ...s,
    phaseStarts: { ...s.phaseStarts },
    positions: new Map(s.positions),
    assessments: new Map(s.assessments),
    figures: new Map(s.figures),
    owned: new WeakSet(),
  };
}

export function anomaliesToArray(list: AnomalyList): Anomaly[] {
  const out: Anomaly[] = [];
  for (let node = list; node !== null; node = node.tail) out.push(node.head);
  return out.reverse();
}
