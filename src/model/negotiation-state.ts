// The reported state of the negotiation on a date: what a query returns. Built
// from a replay state in a canonical order (catalog order for terms and
// parties, ids otherwise), so equal histories give deep-equal states.
import type { Catalog } from '../domain/catalog-schema.js';
import { requireDayNumber } from '../domain/dates.js';
import type { Phase } from './deal-machine.js';
import { type Policy, type Relation, defaultPolicy } from './claims.js';
import { type Gap, type GapStatus, commonTextProposal, gapShape, gapStatuses } from './gaps.js';
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
  type Assessment,
  type FigureReport,
  type LifecycleMark,
  type Position,
  type Proposal,
  type ReplayState,
  type Round,
  anomaliesToArray,
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

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A record safe for user ids as keys: no prototype, so "__proto__" or "constructor" is only a name. */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function sortedRecord<K extends string, T, U>(map: ReadonlyMap<K, T>, present: (value: T) => U): Record<string, U> {
  const out = record<U>();
  for (const key of [...map.keys()].sort(byKey)) out[key] = present(map.get(key)!);
  return out;
}

/** Every container of a fresh value frozen; leaves that are already frozen are skipped. */
function freezeDeep<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const v of Object.values(value)) freezeDeep(v);
  return Object.freeze(value);
}

/** What every presented claim says of its claimant and provenance, in one fixed shape. */
function claimFields(c: StoredPositionClaim | StoredResponseClaim | StoredConcessionClaim) {
  const { claimant } = c;
  return {
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
  };
}

const presentPositionClaim = (stored: StoredPositionClaim): PositionClaim =>
  presentWith(stored, (c) => ({ ...claimFields(c), accepts: c.accepts, rejects: c.rejects, prefers: c.prefers, conditions: c.conditions, hypothetical: c.hypothetical, eventIds: idsToArray(c.eventIds) }));

const presentResponseClaim = (stored: StoredResponseClaim): ResponseClaim =>
  presentWith(stored, (c) => ({ ...claimFields(c), response: c.response, as: c.as, hypothetical: c.hypothetical, eventIds: idsToArray(c.eventIds) }));

const presentConcessionClaim = (stored: StoredConcessionClaim): ConcessionClaim =>
  presentWith(stored, (c) => ({ ...claimFields(c), adds: c.adds, conditions: c.conditions, hypothetical: c.hypothetical, eventIds: idsToArray(c.eventIds) }));

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

function presentPosition(stored: StoredPosition): Position {
  return presentWith(stored, (p) => {
    const base = p.basis ?? null;
    const agrees = (c: StoredPositionClaim) => base === null || sameContent(c, base);
    const claims = behind(p.claims, agrees);
    const widening = behind(p.widenedBy, () => true);
    // Held since the first claim that says what it says (or, by consensus, the latest claim), or the latest concession in force.
    const held = base === null ? p.claims.map((c) => c.date).sort(byKey).at(-1)! : p.claims.filter(agrees).map((c) => c.date).sort(byKey)[0]!;
    const since = [held, ...p.widenedBy.map((c) => c.date)].sort(byKey).at(-1)!;
    return {
      ...p.content,
      since,
      basis: basisOf(base),
      contested: p.contested,
      claims: p.claims.map(presentPositionClaim),
      concessions: p.widenedBy.map(presentConcessionClaim),
      eventIds: [...new Set([...claims.eventIds, ...widening.eventIds])],
      hypothetical: claims.hypothetical || widening.hypothetical,
    };
  });
}

/** Hypothetical concessions that a later reported position claim replaced. */
function concessionOverrides(path: string, p: StoredPosition, policy: Policy): Override[] {
  const out: Override[] = [];
  for (const c of p.concessions) {
    if (!c.hypothetical || p.widenedBy.includes(c)) continue;
    const by = p.claims.filter((x) => !x.hypothetical && supersedes(x, c, policy)).sort((x, y) => x.order.seq - y.order.seq)[0];
    if (!by) continue;
    const { speaker, source, relation } = by.claimant;
    out.push({ path, hypotheticalEventIds: idsToArray(c.eventIds), by: { eventIds: idsToArray(by.eventIds), date: by.date, speaker, source, relation } });
  }
  return out;
}

function presentResponse(stored: StoredResponse): ProposalResponse {
  return presentWith(stored, (r) => {
    const agrees = (c: StoredResponseClaim) => r.response === 'disputed' || (c.response === r.response && c.as === r.as);
    const date = r.basis?.date ?? r.claims.map((c) => c.date).sort(byKey).at(-1)!;
    return { response: r.response, as: r.as, date, basis: basisOf(r.basis), contested: r.contested, claims: r.claims.map(presentResponseClaim), ...behind(r.claims, agrees) };
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

/** The other statuses a gap would have if another current claim of either principal were taken as its position. */
function alternativeStatuses(ladder: readonly string[], principals: readonly [string, string], a: Position | undefined, b: Position | undefined, status: GapStatus): GapStatus[] {
  const options = (p: Position | undefined): (PositionContent | undefined)[] => (p === undefined ? [undefined] : [p, ...p.claims]);
  const seen = new Set<GapStatus>();
  for (const x of options(a)) for (const y of options(b)) seen.add(gapShape(ladder, principals, x, y).status);
  seen.delete(status);
  return [...seen].sort((p, q) => gapStatuses.indexOf(p) - gapStatuses.indexOf(q));
}

function presentGaps(catalog: Catalog, positions: Readonly<Record<string, Readonly<Record<string, Position>>>>, proposals: readonly Proposal[], agreement: Agreement | null): Record<string, Gap> {
  const principals = catalog.principals;
  const gaps = record<Gap>();
  for (const term of catalog.terms) {
    const none = { contested: false, alternatives: [] } as const;
    if (agreement && Object.hasOwn(agreement.terms, term.id)) {
      gaps[term.id] = { status: 'agreed', option: agreement.terms[term.id]!, basis: 'agreement', proposal: null, eventIds: agreement.eventIds, hypothetical: agreement.hypothetical, ...none };
      continue;
    }
    const text = commonTextProposal(term.id, proposals, (p, party) => (Object.hasOwn(p.responses, party) ? p.responses[party] : undefined), principals);
    if (text) {
      const [ra, rb] = [text.responses[principals[0]]!, text.responses[principals[1]]!];
      gaps[term.id] = { status: 'agreed', option: text.terms[term.id]!, basis: 'proposal', proposal: text.id, eventIds: [...text.eventIds, ...ra.eventIds, ...rb.eventIds], hypothetical: text.hypothetical || ra.hypothetical || rb.hypothetical, ...none };
      continue;
    }
    const byParty = positions[term.id];
    const [pa, pb] = [byParty?.[principals[0]], byParty?.[principals[1]]];
    const ladder = term.ladder.map((o) => o.id);
    const shape = gapShape(ladder, principals, pa, pb);
    const alternatives = alternativeStatuses(ladder, principals, pa, pb, shape.status);
    gaps[term.id] = {
      ...shape,
      eventIds: [...(pa?.eventIds ?? []), ...(pb?.eventIds ?? [])],
      hypothetical: (pa?.hypothetical ?? false) || (pb?.hypothetical ?? false),
      contested: alternatives.length > 0,
      alternatives,
    };
  }
  return gaps;
}

/**
 * The state a query returns. Pure; deterministic (catalog order for terms and
 * parties, ids otherwise); deeply frozen. Stored values are presented once
 * and shared by every query that meets them.
 */
export function presentState(s: ReplayState, catalog: Catalog, date: string, filter: StateFilter = {}): NegotiationState {
  const overrides: Override[] = [];
  const positions = record<Record<string, Position>>();
  for (const term of catalog.terms) {
    const byParty = s.positions.get(term.id);
    if (!byParty) continue;
    const ordered = record<Position>();
    for (const party of catalog.parties) {
      const stored = byParty.get(party.id);
      if (!stored) continue;
      ordered[party.id] = presentPosition(stored);
      if (s.hypotheticalCount > 0) {
        const path = `positions.${term.id}.${party.id}`;
        overrides.push(...overrideOf(path, stored.claims, stored.basis, (a, b) => !sameContent(a, b)), ...concessionOverrides(path, stored, filter.policy ?? defaultPolicy));
      }
    }
    positions[term.id] = ordered;
  }
  // In stored (insertion) order for the gaps, which credit the last proposal both accepted.
  const storedOrder: Proposal[] = [];
  for (const p of s.proposals.values()) {
    storedOrder.push(presentWith(p, (x) => ({ ...x, eventIds: idsToArray(x.eventIds), responses: sortedRecord(x.responses, presentResponse) })));
    if (s.hypotheticalCount > 0) {
      for (const [party, r] of p.responses) overrides.push(...overrideOf(`proposals.${p.id}.responses.${party}`, r.claims, r.basis, (a, b) => a.response !== b.response || a.as !== b.as));
    }
  }
  const proposals = record<Proposal>();
  for (const p of [...storedOrder].sort((a, b) => byKey(a.tabled, b.tabled) || byKey(a.id, b.id))) proposals[p.id] = p;
  const phase = phaseOf(s.lifecycle);
  const phaseStarts = sortedRecord(new Map(Object.entries(s.phaseStarts)), (m) => present(m));
  const round = s.round && present(s.round);
  const agreement = s.agreement && present(s.agreement);
  return freezeDeep({
    date,
    knownAt: filter.knownAt ?? null,
    sources: filter.sources ? [...filter.sources].sort(byKey) : null,
    policy: filter.policy ?? defaultPolicy,
    phase,
    stage: stageOf(s.lifecycle),
    phaseSince: s.lifecycleMark && present(s.lifecycleMark),
    phaseStarts,
    clock: phaseClock(catalog.deal, phase, date, {
      phaseStarts,
      agreement,
      phaseTalks: sortedRecord(new Map(Object.entries(s.phaseTalks)), (m) => present(m)),
      extensions: sortedRecord(new Map(Object.entries(s.extensions)), (x) => present(x)),
    }),
    round: roundView(round, date, catalog.deal.roundStaleAfterDays),
    roundsOpened: s.roundsOpened,
    agreement,
    proposals,
    positions,
    gaps: presentGaps(catalog, positions, storedOrder, agreement),
    assessments: sortedRecord(s.assessments, (bySpeaker) =>
      [...bySpeaker.values()].sort((a, b) => byKey(a.date, b.date) || byKey(a.speaker, b.speaker)).map((a) => present(a)),
    ),
    figures: sortedRecord(s.figures, (bySource) => [...bySource.values()].sort((a, b) => byKey(a.source, b.source)).map((f) => present(f))),
    releases: presentReleases(catalog.deal, s.releases),
    anomalies: anomaliesToArray(s.anomalies),
    overrides,
    eventCount: s.eventCount,
    hypotheticalEventCount: s.hypotheticalCount,
    lastEventId: s.lastEventId,
  });
}
