// The reported state of the negotiation on a date: what a query returns. Built
// from a replay state in a canonical order (catalog order for terms and
// parties, ids otherwise), so equal histories give deep-equal states.
import type { Catalog } from '../domain/catalog-schema.js';
import { requireDayNumber } from '../domain/dates.js';
import type { Phase } from './deal-machine.js';
import { type Policy, type Relation, defaultPolicy } from './claims.js';
import { type Gap, type GapStatus, commonTextProposal, gapShape, gapStatuses } from './gaps.js';
import { chunksOf, claimsArray } from './claim-list.js';
import { countOf, heldSince } from './content-tally.js';
import { type OrderedTable, TABLE_CHUNK, tableValues } from './ordered-table.js';
import { sameContent, supersedes } from './positions.js';
import { phaseOf, stageOf } from './lifecycle.js';
import { type PhaseClock, phaseClock } from './phase-clock.js';
import { type PhaseReleaseTally, presentReleases } from './release-tally.js';
import {
  type Agreement,
  type Anomaly,
  type Basis,
  type EventIds,
  type IdNode,
  type PositionClaim,
  type PositionContent,
  type ProposalResponse,
  type ResponseClaim,
  type ConcessionClaim,
  type StoredConcessionClaim,
  type StoredPosition,
  type StoredPositionClaim,
  type StoredResponse,
  type StoredResponseClaim,
  type StoredProposal,
  type Assessment,
  type FigureReport,
  type LifecycleMark,
  type Marked,
  type Position,
  type Proposal,
  type ReplayState,
  type Round,
  type Stored,
  anomaliesToArray,
  byCodeUnits,
  idsToArray,
  presentWith,
  present,
} from './replay-state.js';

export interface StateFilter {
  /** Keep only events reported in the log's sources on or before this date; hypothetical events count from the day they occur. */
  readonly knownAt?: string;
  /** Keep only events from these sources (hypothetical events are always kept). */
  readonly sources?: readonly string[];
  /** How positions and responses are derived from their claims (default first-hand). */
  readonly policy?: Policy;
}

/** A hypothetical claim that a reported claim overrides under the policy: the what-if no longer holds there. */
export interface Override {
  /** "positions.philadelphi.hamas" or "proposals.us-bridging-proposal.responses.hamas". */
  readonly path: string;
  readonly hypotheticalEventIds: EventIds;
  /** The reported claim that decides instead (under consensus: the latest reported claim that disagrees). */
  readonly by: { readonly eventIds: EventIds; readonly date: string; readonly speaker: string; readonly source: string | null; readonly relation: Relation };
}

export interface NegotiationState {
  readonly date: string;
  readonly knownAt: string | null;
  readonly sources: readonly string[] | null;
  readonly policy: Policy;
  readonly phase: Phase;
  readonly stage: string | null;
  /** The event(s) that moved the deal into its current phase and stage; null while still in the initial one. */
  readonly phaseSince: LifecycleMark | null;
  readonly phaseStarts: Readonly<Record<string, LifecycleMark>>;
  readonly clock: PhaseClock | null;
  /** The latest round, with where it stands on the query date. */
  readonly round: RoundView | null;
  readonly roundsOpened: number;
  readonly agreement: Agreement | null;
  readonly proposals: Readonly<Record<string, Proposal>>;
  /** term -> party -> position */
  readonly positions: Readonly<Record<string, Readonly<Record<string, Position>>>>;
  readonly gaps: Readonly<Record<string, Gap>>;
  /** source -> the latest assessment of each speaker it reported */
  readonly assessments: Readonly<Record<string, readonly Assessment[]>>;
  /** figure -> the latest value each source reported */
  readonly figures: Readonly<Record<string, readonly FigureReport[]>>;
  /** Releases under the deal, per phase and kind, beside the phase's figures. */
  readonly releases: readonly PhaseReleaseTally[];
  readonly anomalies: readonly Anomaly[];
  /** Hypothetical claims that reported claims override under the policy (only in a what-if that keeps later reports). */
  readonly overrides: readonly Override[];
  readonly eventCount: number;
  readonly hypotheticalEventCount: number;
  readonly lastEventId: string | null;
}

/**
 * A round as of the query date: in session; "last reported in session" once
 * the deal's spec'd number of days passed with no report about it; or closed
 * (by a report, or by the agreement or collapse that ended it).
 */
export type RoundView = Round & { readonly status: 'in-session' | 'last-reported-in-session' | 'closed' };

function roundView(round: Round | null, date: string, staleAfterDays: number): RoundView | null {
  if (round === null) return null;
  if (round.closed !== null) return Object.freeze({ ...round, status: 'closed' });
  const stale = requireDayNumber(date) - requireDayNumber(round.lastReported.length === 7 ? `${round.lastReported}-01` : round.lastReported) > staleAfterDays;
  return Object.freeze({ ...round, status: stale ? 'last-reported-in-session' : 'in-session' });
}

/** A record safe for user ids as keys: no prototype, so "__proto__" or "constructor" is only a name. */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function sortedRecord<K extends string, T, U>(map: ReadonlyMap<K, T>, present: (value: T) => U): Record<string, U> {
  const out = record<U>();
  for (const key of [...map.keys()].sort(byCodeUnits)) out[key] = present(map.get(key)!);
  return Object.freeze(out);
}

/** Every container of a fresh value frozen; leaves that are already frozen are skipped. */
function freezeDeep<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  // Walked without Object.values, which allocates an array per object: this runs on every query.
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) freezeDeep(value[i]);
  else for (const key in value) freezeDeep((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

const presentedClaims = new WeakMap<StoredPositionClaim, PositionClaim>();

/** A position claim as a query shows it, built once per stored claim (the most numerous value in a state, so in one literal). */
function presentPositionClaim(c: StoredPositionClaim): PositionClaim {
  let out = presentedClaims.get(c);
  if (out !== undefined) return out;
  const { claimant } = c;
  freezeDeep(c.accepts);
  freezeDeep(c.rejects);
  freezeDeep(c.conditions);
  out = Object.freeze({
    source: claimant.source,
    speaker: claimant.speaker,
    speakerParty: claimant.speakerParty,
    relation: claimant.relation,
    onRecord: claimant.onRecord,
    rank: claimant.rank,
    impliedBy: claimant.impliedBy,
    date: c.date,
    reported: c.reported,
    inference: c.inference,
    accepts: c.accepts,
    rejects: c.rejects,
    prefers: c.prefers,
    conditions: c.conditions,
    hypothetical: c.hypothetical,
    eventIds: Object.freeze(idsToArray(c.eventIds)),
  });
  presentedClaims.set(c, out);
  return out;
}

// Claims are written out field by field, in the order every presented claim has: a spread followed
// by more fields gives each claim a hidden class of its own (some 300 bytes each, kept by the checkpoints).
const presentResponseClaim = (stored: StoredResponseClaim): ResponseClaim =>
  presentWith(stored, (c) => {
    const { claimant: k } = c;
    // prettier-ignore
    return { source: k.source, speaker: k.speaker, speakerParty: k.speakerParty, relation: k.relation, onRecord: k.onRecord, rank: k.rank, impliedBy: k.impliedBy,
      date: c.date, reported: c.reported, inference: c.inference, response: c.response, as: c.as, hypothetical: c.hypothetical, eventIds: idsToArray(c.eventIds) };
  });

const presentConcessionClaim = (stored: StoredConcessionClaim): ConcessionClaim =>
  presentWith(stored, (c) => {
    const { claimant: k } = c;
    // prettier-ignore
    return { source: k.source, speaker: k.speaker, speakerParty: k.speakerParty, relation: k.relation, onRecord: k.onRecord, rank: k.rank, impliedBy: k.impliedBy,
      date: c.date, reported: c.reported, inference: c.inference, adds: c.adds, conditions: c.conditions, hypothetical: c.hypothetical, eventIds: idsToArray(c.eventIds) };
  });

function basisOf(claim: StoredPositionClaim | StoredResponseClaim | null): Basis | null {
  if (claim === null) return null;
  const { source, speaker, relation, rank, impliedBy } = claim.claimant;
  return { source, speaker, relation, rank, impliedBy, eventIds: idsToArray(claim.eventIds) };
}

/** The events behind a derived value: those of every claim that says what it says (every claim under consensus). */
function behind<C extends { readonly eventIds: IdNode; readonly hypothetical: boolean }>(claims: readonly C[], agrees: (c: C) => boolean): { eventIds: string[]; hypothetical: boolean } {
  const ids = new Set<string>();
  let hypothetical = false;
  for (const c of claims) {
    if (!agrees(c)) continue;
    for (const id of idsToArray(c.eventIds)) ids.add(id);
    hypothetical ||= c.hypothetical;
  }
  return { eventIds: [...ids], hypothetical };
}

// Chunks of a claim list are immutable and shared by every version of the
// list that did not change them, so each is presented once: reading a
// position's claims after one of them changed copies the other chunks' claims
// as they were presented.
const presentedChunks = new WeakMap<readonly StoredPositionClaim[], readonly PositionClaim[]>();

function presentChunk(chunk: readonly StoredPositionClaim[]): readonly PositionClaim[] {
  let out = presentedChunks.get(chunk);
  if (out === undefined) presentedChunks.set(chunk, (out = chunk.map(presentPositionClaim)));
  return out;
}

/**
 * Presents every stored value that changed since `previous` (the checkpoint
 * before `s`): positions, the proposal table's chunks, each source's
 * assessments and each figure's reports. A query from a checkpoint then finds
 * them presented and presents only what its own replay changed, instead of
 * everything that changed since the last checkpoint some query presented.
 * They live as long as the stored values, that is as long as the checkpoints
 * (a presented position is small: what grows with its claims is built on
 * first read). Pure in what queries return.
 */
export function presentChangesSince(s: ReplayState, previous: ReplayState | undefined, catalog: Catalog): void {
  for (const [term, byParty] of s.positions) {
    const before = previous?.positions.get(term);
    if (before === byParty) continue;
    for (const [party, p] of byParty) if (before?.get(party) !== p) presentPosition(p);
    presentTerm(byParty, catalog, true);
  }
  s.proposals.chunks.forEach((chunk, k) => {
    if (previous?.proposals.chunks[k] !== chunk) presentProposalChunk(chunk);
  });
  for (const [source, list] of s.assessments) if (previous?.assessments.get(source) !== list) presentedList(list);
  for (const [figure, list] of s.figures) if (previous?.figures.get(figure) !== list) presentedList(list);
}

const NO_CLAIMS: readonly PositionClaim[] = Object.freeze([]);
const NO_IDS: readonly string[] = Object.freeze([]);

/** Every claim of the list, presented (a copy of each chunk's presented claims). */
function presentClaims(p: StoredPosition): readonly PositionClaim[] {
  return Object.freeze(NO_CLAIMS.concat(...chunksOf(p.claims).map(presentChunk)));
}

/** The events of the claims that say `contentId` (every claim for -1), then of the concessions in force. */
function positionEventIds(p: StoredPosition, contentId: number): readonly string[] {
  const ids: (readonly string[])[] = [];
  for (const chunk of chunksOf(p.claims)) {
    // The claims of one position never share an event (an event makes at most one claim on a
    // position, and a claim's ids are distinct events), so the ids need no dedupe.
    for (const c of chunk) if (contentId === -1 || c.contentId === contentId) ids.push(idsToArray(c.eventIds));
  }
  for (const c of p.widenedBy) ids.push(idsToArray(c.eventIds));
  return Object.freeze(NO_IDS.concat(...ids));
}

const presentedPositions = new WeakMap<StoredPosition, Position>();

// What is built on first read is behind accessors shared by every presented
// value, which find the stored value through this map. A getter written in an
// object literal is a new function per object, and V8 then gives each object
// a hidden class of its own: some 300 bytes a value, kept by every checkpoint.
const storedBehind = new WeakMap<object, StoredPosition | StoredProposal>();

const positionClaimsAccessor: PropertyDescriptor = {
  enumerable: true,
  get(this: Position) {
    const p = storedBehind.get(this) as StoredPosition;
    const kept = keptFor(p);
    return (kept.claims ??= presentClaims(p));
  },
};

const positionEventIdsAccessor: PropertyDescriptor = {
  enumerable: true,
  get(this: Position) {
    const p = storedBehind.get(this) as StoredPosition;
    const kept = keptFor(p);
    return (kept.eventIds ??= positionEventIds(p, p.basis === null ? -1 : p.basis.contentId));
  },
};

const proposalEventIdsAccessor: PropertyDescriptor = {
  enumerable: true,
  get(this: Proposal) {
    const p = storedBehind.get(this) as StoredProposal;
    const kept = keptFor(p);
    return (kept.eventIds ??= Object.freeze(idsToArray(p.eventIds)));
  },
};

// The lists built on first read (a position's claims and events, a
// proposal's events) are kept for the most recently read values only (a
// bounded cache): they grow with the log, and a reader that walks many states
// must not keep every one of them.
const LISTS_KEPT = 256;
const keptLists = new Map<object, { claims?: readonly PositionClaim[]; eventIds?: readonly string[] }>();

function keptFor(stored: StoredPosition | StoredProposal): { claims?: readonly PositionClaim[]; eventIds?: readonly string[] } {
  let kept = keptLists.get(stored);
  if (kept === undefined) {
    keptLists.set(stored, (kept = {}));
    if (keptLists.size > LISTS_KEPT) keptLists.delete(keptLists.keys().next().value!);
  }
  return kept;
}

/**
 * A position as a query shows it. What grows with the claims (`claims`, and
 * `eventIds`, the events of every claim that says what the position says) is
 * built on first read (and kept for the last few hundred read): a query pays
 * O(1) for each position its replay changed (the tally the replay keeps says
 * since when and whether a hypothetical claim is behind it), and a reader of
 * every claim pays for copying them once. Both are ordinary enumerable properties to
 * JSON.stringify, spreading and deep equality.
 */
function presentPosition(p: StoredPosition): Position {
  let out = presentedPositions.get(p);
  if (out !== undefined) return out;
  const base = p.basis ?? null;
  const contentId = base === null ? -1 : base.contentId;
  // Held since the first claim that says what it says (or, by consensus, the latest claim), or the latest concession in force.
  let hypothetical = base === null ? p.tally.hypothetical > 0 : countOf(p.tally, contentId)!.hypothetical > 0;
  let since = heldSince(p.tally, p.claims, contentId);
  for (const c of p.widenedBy) {
    hypothetical ||= c.hypothetical;
    if (c.date > since) since = c.date;
  }
  freezeDeep(p.content);
  // Fields written out rather than spread: an object literal that spreads and then adds fields is
  // built property by property, an order of magnitude slower.
  const { accepts, rejects, prefers, conditions } = p.content;
  const draft = { accepts, rejects, prefers, conditions, since, basis: freezeDeep(basisOf(base)), contested: p.contested };
  Object.defineProperty(draft, 'claims', positionClaimsAccessor);
  const rest = draft as typeof draft & { concessions?: readonly ConcessionClaim[]; hypothetical?: boolean };
  rest.concessions = Object.freeze(p.widenedBy.map(presentConcessionClaim));
  Object.defineProperty(draft, 'eventIds', positionEventIdsAccessor);
  rest.hypothetical = hypothetical;
  out = Object.freeze(draft) as unknown as Position;
  presentedPositions.set(p, out);
  storedBehind.set(out, p);
  return out;
}

// A term's positions are a map copied when one of them changes (once per
// checkpoint interval), so each version a checkpoint holds is presented once,
// as a record in catalog order.
const presentedTerms = new WeakMap<ReadonlyMap<string, StoredPosition>, { readonly parties: Catalog['parties']; readonly record: Readonly<Record<string, Position>> }>();

function presentTerm(byParty: ReadonlyMap<string, StoredPosition>, catalog: Catalog, memoise: boolean): Readonly<Record<string, Position>> {
  const kept = memoise ? presentedTerms.get(byParty) : undefined;
  if (kept !== undefined && kept.parties === catalog.parties) return kept.record;
  const ordered = record<Position>();
  for (const party of catalog.parties) {
    const stored = byParty.get(party.id);
    if (stored) ordered[party.id] = presentPosition(stored);
  }
  Object.freeze(ordered);
  if (memoise) presentedTerms.set(byParty, { parties: catalog.parties, record: ordered });
  return ordered;
}

/** Hypothetical concessions that a later reported position claim replaced. */
function concessionOverrides(path: string, p: StoredPosition, policy: Policy): Override[] {
  const out: Override[] = [];
  for (const c of p.concessions) {
    if (!c.hypothetical || p.widenedBy.includes(c)) continue;
    const by = claimsArray(p.claims).filter((x) => !x.hypothetical && supersedes(x, c, policy)).sort((x, y) => x.order.seq - y.order.seq)[0];
    if (!by) continue;
    const { speaker, source, relation } = by.claimant;
    out.push({ path, hypotheticalEventIds: idsToArray(c.eventIds), by: { eventIds: idsToArray(by.eventIds), date: by.date, speaker, source, relation } });
  }
  return out;
}

function presentResponse(stored: StoredResponse): ProposalResponse {
  return presentWith(stored, (r) => {
    const agrees = (c: StoredResponseClaim) => r.response === 'disputed' || (c.response === r.response && c.as === r.as);
    let date = r.basis?.date;
    if (date === undefined) for (const c of r.claims) if (date === undefined || c.date > date) date = c.date;
    const { eventIds, hypothetical } = behind(r.claims, agrees);
    return { response: r.response, as: r.as, date: date!, basis: basisOf(r.basis), contested: r.contested, claims: r.claims.map(presentResponseClaim), eventIds, hypothetical };
  });
}

/** Where a reported claim decides over a hypothetical one that says something else. */
function overrideOf<C extends StoredPositionClaim | StoredResponseClaim>(path: string, claims: readonly C[], basis: C | null, disagrees: (a: C, b: C) => boolean): Override[] {
  const out: Override[] = [];
  for (const h of claims) {
    if (!h.hypothetical) continue;
    const reported = claims.filter((c) => !c.hypothetical && disagrees(c, h));
    const by = basis !== null ? (basis.hypothetical || !disagrees(basis, h) ? undefined : basis) : reported.sort((x, y) => y.order.seq - x.order.seq)[0];
    if (by === undefined) continue;
    const { speaker, source, relation } = by.claimant;
    out.push({ path, hypotheticalEventIds: idsToArray(h.eventIds), by: { eventIds: idsToArray(by.eventIds), date: by.date, speaker, source, relation } });
  }
  return out;
}

// The distinct contents among a position's claims, for the gap's alternatives.
const stanceReader = (p: StoredPosition) => (i: number): PositionContent | undefined => p.tally.contents[i]?.content;

// With both principals' positions known a gap is bridged, open or undetermined.
const KNOWN_STATUSES = 3;

/** The other statuses a gap would have if another current claim of either principal were taken as its position. */
function alternativeStatuses(ladder: readonly string[], principals: readonly [string, string], a: Position | undefined, sa: StoredPosition | undefined, b: Position | undefined, sb: StoredPosition | undefined, status: GapStatus): GapStatus[] {
  if (a === undefined || b === undefined) return [];
  const seen = new Set<GapStatus>();
  const xs = stanceReader(sa!);
  const ys = stanceReader(sb!);
  // Index -1 is the position itself (what the policy derives, widened by concessions).
  outer: for (let i = -1; ; i++) {
    const x = i < 0 ? a : xs(i);
    if (x === undefined) break;
    for (let j = -1; ; j++) {
      const y = j < 0 ? b : ys(j);
      if (y === undefined) break;
      seen.add(gapShape(ladder, principals, x, y).status);
      if (seen.size === KNOWN_STATUSES) break outer;
    }
  }
  seen.delete(status);
  return [...seen].sort((p, q) => gapStatuses.indexOf(p) - gapStatuses.indexOf(q));
}

// Proposals are presented chunk by chunk of the stored table (chunks are
// immutable and shared between versions), so a query re-presents only the
// chunks its replay changed, and the common-text rule is asked once per
// chunk and term.
const presentedProposalChunks = new WeakMap<readonly StoredProposal[], readonly Proposal[]>();
const commonTexts = new WeakMap<readonly Proposal[], Map<string, Proposal | null>>();

const presentedProposals = new WeakMap<StoredProposal, Proposal>();

/**
 * A proposal as a query shows it. Its events (every report of its text, a
 * list that grows with the log) are built on first read and kept like a
 * position's, so a query that changed a proposal does not walk them all.
 */
function presentProposal(p: StoredProposal): Proposal {
  let out = presentedProposals.get(p);
  if (out !== undefined) return out;
  const draft = { id: p.id, title: p.title, by: p.by, tabled: p.tabled, terms: freezeDeep(p.terms), responses: sortedRecord(p.responses, presentResponse) };
  Object.defineProperty(draft, 'eventIds', proposalEventIdsAccessor);
  (draft as typeof draft & { hypothetical?: boolean }).hypothetical = p.hypothetical;
  out = Object.freeze(draft) as unknown as Proposal;
  presentedProposals.set(p, out);
  storedBehind.set(out, p);
  return out;
}

function presentProposalChunk(chunk: readonly StoredProposal[]): readonly Proposal[] {
  let out = presentedProposalChunks.get(chunk);
  if (out === undefined) presentedProposalChunks.set(chunk, (out = Object.freeze(chunk.map(presentProposal))));
  return out;
}

/** The last proposal, in the order tabled, whose text on `term` both principals accepted (commonTextProposal over the chunks, latest chunk first). */
function lastCommonText(term: string, chunks: readonly (readonly Proposal[])[], principals: readonly [string, string]): Proposal | undefined {
  for (let k = chunks.length - 1; k >= 0; k--) {
    const chunk = chunks[k]!;
    let byTerm = commonTexts.get(chunk);
    if (byTerm === undefined) commonTexts.set(chunk, (byTerm = new Map()));
    let found = byTerm.get(term);
    if (found === undefined) {
      found = commonTextProposal(term, chunk, (p, party) => (Object.hasOwn(p.responses, party) ? p.responses[party] : undefined), principals) ?? null;
      byTerm.set(term, found);
    }
    if (found !== null) return found;
  }
  return undefined;
}

// The table is persistent (replaced on every change), so a query whose replay changed no
// proposal shares its checkpoint's record; the table keeps its places in listing order.
const proposalRecords = new WeakMap<OrderedTable<StoredProposal>, Readonly<Record<string, Proposal>>>();

function proposalRecord(table: OrderedTable<StoredProposal>, chunks: readonly (readonly Proposal[])[]): Readonly<Record<string, Proposal>> {
  const kept = proposalRecords.get(table);
  if (kept !== undefined) return kept;
  const out = record<Proposal>();
  for (const i of table.listing) {
    const p = chunks[(i / TABLE_CHUNK) | 0]![i % TABLE_CHUNK]!;
    out[p.id] = p;
  }
  proposalRecords.set(table, Object.freeze(out));
  return out;
}

function presentGaps(catalog: Catalog, stored: ReplayState['positions'], positions: Readonly<Record<string, Readonly<Record<string, Position>>>>, proposals: readonly (readonly Proposal[])[], agreement: Agreement | null): Record<string, Gap> {
  const principals = catalog.principals;
  const gaps = record<Gap>();
  for (const term of catalog.terms) {
    const none = { contested: false, alternatives: [] } as const;
    if (agreement && Object.hasOwn(agreement.terms, term.id)) {
      gaps[term.id] = freezeDeep({ status: 'agreed', option: agreement.terms[term.id]!, basis: 'agreement', proposal: null, eventIds: agreement.eventIds, hypothetical: agreement.hypothetical, ...none });
      continue;
    }
    const text = lastCommonText(term.id, proposals, principals);
    if (text) {
      const [ra, rb] = [text.responses[principals[0]]!, text.responses[principals[1]]!];
      gaps[term.id] = freezeDeep({ status: 'agreed', option: text.terms[term.id]!, basis: 'proposal', proposal: text.id, eventIds: [...text.eventIds, ...ra.eventIds, ...rb.eventIds], hypothetical: text.hypothetical || ra.hypothetical || rb.hypothetical, ...none });
      continue;
    }
    const byParty = positions[term.id];
    const [pa, pb] = [byParty?.[principals[0]], byParty?.[principals[1]]];
    const ladder = term.ladder.map((o) => o.id);
    const shape = gapShape(ladder, principals, pa, pb);
    const alternatives = alternativeStatuses(ladder, principals, pa, stored.get(term.id)?.get(principals[0]), pb, stored.get(term.id)?.get(principals[1]), shape.status);
    // The events of both positions, built on first read like theirs (they grow with the claims).
    let eventIds: readonly string[] | undefined;
    // Frozen here, so that freezing the state does not read (and build) the events.
    const gap = { ...freezeDeep(shape) } as Record<string, unknown>;
    Object.defineProperty(gap, 'eventIds', {
      enumerable: true,
      get: () => (eventIds ??= Object.freeze(NO_IDS.concat(pa?.eventIds ?? NO_IDS, pb?.eventIds ?? NO_IDS))),
    });
    gap.hypothetical = (pa?.hypothetical ?? false) || (pb?.hypothetical ?? false);
    gap.contested = alternatives.length > 0;
    gap.alternatives = Object.freeze(alternatives);
    gaps[term.id] = Object.freeze(gap) as unknown as Gap;
  }
  return Object.freeze(gaps);
}

// A source's assessments (a figure's reports) are replaced as a whole when one
// changes, already in the order a state lists them, so each version is
// presented once.
const presentedLists = new WeakMap<readonly object[], readonly object[]>();

function presentedList<T extends Marked>(list: readonly Stored<T>[]): readonly T[] {
  let out = presentedLists.get(list) as readonly T[] | undefined;
  if (out === undefined) {
    out = Object.freeze(list.map((x) => present<T>(x)));
    presentedLists.set(list, out);
  }
  return out;
}

/**
 * The state a query returns. Pure; deterministic (catalog order for terms and
 * parties, ids otherwise); deeply frozen. Stored values are presented once
 * and shared by every query that meets them.
 */
export function presentState(s: ReplayState, catalog: Catalog, date: string, filter: StateFilter = {}): NegotiationState {
  const overrides: Override[] = [];
  const positions = record<Readonly<Record<string, Position>>>();
  for (const term of catalog.terms) {
    const byParty = s.positions.get(term.id);
    if (!byParty) continue;
    // A map the state still owns may change after this (a stepper replays on), so it is not memoised.
    positions[term.id] = presentTerm(byParty, catalog, !s.owned.has(byParty));
    if (s.hypotheticalCount === 0) continue;
    for (const party of catalog.parties) {
      const stored = byParty.get(party.id);
      if (!stored) continue;
      const path = `positions.${term.id}.${party.id}`;
      overrides.push(...overrideOf(path, claimsArray(stored.claims), stored.basis, (a, b) => !sameContent(a, b)), ...concessionOverrides(path, stored, filter.policy ?? defaultPolicy));
    }
  }
  Object.freeze(positions);
  const proposalChunks = s.proposals.chunks.map(presentProposalChunk);
  if (s.hypotheticalCount > 0) {
    for (const p of tableValues(s.proposals)) {
      for (const [party, r] of p.responses) overrides.push(...overrideOf(`proposals.${p.id}.responses.${party}`, r.claims, r.basis, (a, b) => a.response !== b.response || a.as !== b.as));
    }
  }
  const phase = phaseOf(s.lifecycle);
  const phaseStarts = sortedRecord(new Map(Object.entries(s.phaseStarts)), (m) => present(m));
  const round = s.round && present(s.round);
  const agreement = s.agreement && present(s.agreement);
  // Frozen part by part: the large records (positions, proposals, gaps) are frozen as they are
  // built, over values frozen when first presented, so nothing is walked again here.
  const state = {
    date,
    knownAt: filter.knownAt ?? null,
    sources: filter.sources ? Object.freeze([...filter.sources].sort(byCodeUnits)) : null,
    policy: filter.policy ?? defaultPolicy,
    phase,
    stage: stageOf(s.lifecycle),
    phaseSince: s.lifecycleMark && present(s.lifecycleMark),
    phaseStarts,
    clock: freezeDeep(
      phaseClock(catalog.deal, phase, date, {
        phaseStarts,
        agreement,
        phaseTalks: sortedRecord(new Map(Object.entries(s.phaseTalks)), (m) => present(m)),
        extensions: sortedRecord(new Map(Object.entries(s.extensions)), (x) => present(x)),
      }),
    ),
    round: roundView(round, date, catalog.deal.roundStaleAfterDays),
    roundsOpened: s.roundsOpened,
    agreement,
    proposals: NO_PROPOSALS,
    positions,
    gaps: presentGaps(catalog, s.positions, positions, proposalChunks, agreement),
    assessments: sortedRecord(s.assessments, (list) => presentedList<Assessment>(list)),
    figures: sortedRecord(s.figures, (list) => presentedList<FigureReport>(list)),
    releases: freezeDeep(presentReleases(catalog.deal, s.releases)),
    anomalies: freezeDeep(anomaliesToArray(s.anomalies)),
    overrides: freezeDeep(overrides),
    eventCount: s.eventCount,
    hypotheticalEventCount: s.hypotheticalCount,
    lastEventId: s.lastEventId,
  };
  // The record of every proposal is built when first read: a query of a log
  // with a thousand proposals would otherwise build it whenever one of them
  // changed in its replay, a cost that grows with the log (a tenth of a
  // query's time at 3x10^6 events). Redefined in place, so it keeps its place
  // among the keys; one getter per state, which is made once per query.
  // The table as it is now: a stepper replays on in the same state after this.
  const table = s.proposals;
  let proposals: Readonly<Record<string, Proposal>> | undefined;
  Object.defineProperty(state, 'proposals', { enumerable: true, get: () => (proposals ??= proposalRecord(table, proposalChunks)) });
  return Object.freeze(state);
}

const NO_PROPOSALS: Readonly<Record<string, Proposal>> = Object.freeze(record<Proposal>());
