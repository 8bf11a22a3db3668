// The reported state of the negotiation on a date: what a query returns. Built
// from a replay state in a canonical order (catalog order for terms and
// parties, ids otherwise), so equal histories give deep-equal states.
import type { Catalog } from '../domain/catalog-schema.js';
import { requireDayNumber } from '../domain/dates.js';
import type { Phase } from './deal-machine.js';
import { type Gap, computeGaps } from './gaps.js';
import { phaseOf, stageOf } from './lifecycle.js';
import { type PhaseClock, phaseClock } from './phase-clock.js';
import { type PhaseReleaseTally, presentReleases } from './release-tally.js';
import {
  type Agreement,
  type Anomaly,
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
  /** Keep only events reported on or before this date ("what was public then?"); hypothetical events count from the day they occur. */
  readonly knownAt?: string;
  /** Keep only events from these sources (hypothetical events are always kept). */
  readonly sources?: readonly string[];
}

export interface NegotiationState {
  readonly date: string;
  readonly knownAt: string | null;
  readonly sources: readonly string[] | null;
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

function sortedRecord<T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U): Record<string, U> {
  const out: Record<string, U> = {};
  for (const key of Object.keys(record).sort(byKey)) out[key] = map(record[key]!);
  return out;
}

export function presentState(s: ReplayState, catalog: Catalog, date: string, filter: StateFilter = {}): NegotiationState {
  // The stored values keep their ids as shared lists; a query gets arrays.
  const positions: Record<string, Record<string, Position>> = {};
  for (const term of catalog.terms) {
    const byParty = s.positions[term.id];
    if (!byParty) continue;
    const ordered: Record<string, Position> = {};
    for (const party of catalog.parties) if (byParty[party.id]) ordered[party.id] = present(byParty[party.id]!);
    positions[term.id] = ordered;
  }
  // In stored (insertion) order for the gaps, which credit the last proposal both accepted.
  const storedOrder: Record<string, Proposal> = {};
  for (const id in s.proposals) {
    const p = s.proposals[id]!;
    storedOrder[id] = presentWith(p, (x) => ({ ...x, eventIds: idsToArray(x.eventIds), responses: sortedRecord(x.responses, (r) => present(r)) }));
  }
  const proposals: Record<string, Proposal> = {};
  for (const p of Object.values(storedOrder).sort((a, b) => byKey(a.tabled, b.tabled) || byKey(a.id, b.id))) proposals[p.id] = p;
  const phase = phaseOf(s.lifecycle);
  const phaseStarts = sortedRecord(s.phaseStarts, (m) => present(m));
  const round = s.round && present(s.round);
  const agreement = s.agreement && present(s.agreement);
  return {
    date,
    knownAt: filter.knownAt ?? null,
    sources: filter.sources ? [...filter.sources].sort(byKey) : null,
    phase,
    stage: stageOf(s.lifecycle),
    phaseSince: s.lifecycleMark && present(s.lifecycleMark),
    phaseStarts,
    clock: phaseClock(catalog.deal, phase, date, {
      phaseStarts,
      agreement,
      phaseTalks: sortedRecord(s.phaseTalks, (m) => present(m)),
      extensions: sortedRecord(s.extensions, (x) => present(x)),
    }),
    round: roundView(round, date, catalog.deal.roundStaleAfterDays),
    roundsOpened: s.roundsOpened,
    agreement,
    proposals,
    positions,
    gaps: computeGaps({ positions, proposals: storedOrder, agreement }, catalog),
    assessments: sortedRecord(s.assessments, (bySpeaker) =>
      Object.values(bySpeaker).sort((a, b) => byKey(a.date, b.date) || byKey(a.speaker, b.speaker)).map((a) => present(a)),
    ),
    figures: sortedRecord(s.figures, (bySource) => Object.values(bySource).sort((a, b) => byKey(a.source, b.source)).map((f) => present(f))),
    releases: presentReleases(catalog.deal, s.releases),
    anomalies: anomaliesToArray(s.anomalies),
    eventCount: s.eventCount,
    hypotheticalEventCount: s.hypotheticalCount,
    lastEventId: s.lastEventId,
  };
}
