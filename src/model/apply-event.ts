// The reducer: what one event does to the replay state. Shared by the fast
// replay and the reference replay, which differ only in how they move through
// the statechart and how they keep state between events.
import type { Catalog } from '../domain/catalog-schema.js';
import type { EventOf, ParleyEvent } from '../domain/event-schema.js';
import type { LogEntry } from '../domain/ordering.js';
import type { MachineEvent } from './deal-machine.js';
import { openTermsUnder } from './gaps.js';
import { type LifecycleKey, type LifecycleStep, phaseOf, stageOf } from './lifecycle.js';
import type { IdNode, Position, ReplayState, Stored, Tally } from './replay-state.js';

interface StoredMarked {
  readonly eventIds: IdNode;
  readonly hypothetical: boolean;
}

export type LifecycleStepper = (from: LifecycleKey, event: MachineEvent) => LifecycleStep;

export interface FoldContext {
  readonly catalog: Catalog;
  readonly step: LifecycleStepper;
}

const mark = (e: ParleyEvent): StoredMarked => ({ eventIds: { id: e.id, prev: null }, hypothetical: e.hypothetical });
/** O(1): the new id is put in front of the shared list. */
const extend = (m: StoredMarked, e: ParleyEvent): StoredMarked => ({ eventIds: { id: e.id, prev: m.eventIds }, hypothetical: m.hypothetical || e.hypothetical });

export function describeLifecycle(key: LifecycleKey): string {
  const stage = stageOf(key);
  const words: Record<string, string> = { betweenRounds: 'between rounds', roundInSession: 'round in session', inProgress: 'in progress', completed: 'completed' };
  return stage === null ? phaseOf(key) : `${phaseOf(key)} (${words[stage] ?? stage})`;
}

function anomaly(s: ReplayState, e: ParleyEvent, reason: string): void {
  s.anomalies = { head: { eventId: e.id, type: e.type, date: e.occurred, reason, hypothetical: e.hypothetical }, tail: s.anomalies };
}

/** Moves the lifecycle; returns false (and records an anomaly) when the machine cannot place the event. */
function move(s: ReplayState, e: ParleyEvent, event: MachineEvent, ctx: FoldContext, reason: () => string): boolean {
  const { next, handled } = ctx.step(s.lifecycle, event);
  if (!handled) {
    anomaly(s, e, reason());
    return false;
  }
  // Every move (a new phase or a new stage within one) records the event behind
  // it, so the current lifecycle state always has provenance and a second
  // source's report of the same move can corroborate it.
  if (next !== s.lifecycle) s.lifecycleMark = { date: e.occurred, act: e.act ?? null, ...mark(e) };
  s.lifecycle = next;
  return true;
}

/** A second source reporting the act that set the current lifecycle mark. */
function corroboratesLifecycle(s: ReplayState, e: ParleyEvent): boolean {
  if (e.act === undefined || s.lifecycleMark?.act !== e.act) return false;
  s.lifecycleMark = { ...s.lifecycleMark, ...extend(s.lifecycleMark, e) };
  return true;
}

const NO_CONDITIONS: Position['conditions'] = Object.freeze([]);

/** Options in ladder order without repeats; an already ordered list (the usual case) is reused, since events are never mutated. */
function inLadderOrder(ctx: FoldContext, term: string, options: readonly string[]): readonly string[] {
  if (options.length === 1) return options;
  const index = ctx.catalog.optionIndex.get(term)!;
  let ordered = true;
  for (let i = 1; i < options.length && ordered; i++) ordered = index.get(options[i - 1]!)! < index.get(options[i]!)!;
  return ordered ? options : [...new Set(options)].sort((a, b) => index.get(a)! - index.get(b)!);
}

function normaliseConditions(ctx: FoldContext, conditions: readonly { term: string; accepts: readonly string[] }[]): Position['conditions'] {
  if (conditions.length === 0) return NO_CONDITIONS;
  return conditions
    .map((c) => ({ term: c.term, accepts: inLadderOrder(ctx, c.term, c.accepts) }))
    .sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

const sameList = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
const sameConditions = (a: Position['conditions'], b: Position['conditions']) =>
  a === b || (a.length === b.length && a.every((c, i) => c.term === b[i]!.term && sameList(c.accepts, b[i]!.accepts)));

// Positions are the most frequent event: one object literal of a fixed shape
// per change, no intermediate objects.
function setPosition(
  s: ReplayState,
  e: ParleyEvent,
  term: string,
  party: string,
  accepts: readonly string[],
  prefers: string | null,
  conditions: Position['conditions'],
  widening: boolean,
): void {
  const byParty = (s.positions[term] ??= {});
  const current = byParty[party];
  if (current && sameList(current.accepts, accepts) && current.prefers === prefers && sameConditions(current.conditions, conditions)) {
    byParty[party] = { accepts: current.accepts, prefers, conditions: current.conditions, since: current.since, eventIds: { id: e.id, prev: current.eventIds }, hypothetical: current.hypothetical || e.hypothetical };
  } else if (current && widening) {
    byParty[party] = { accepts, prefers, conditions, since: e.occurred, eventIds: { id: e.id, prev: current.eventIds }, hypothetical: current.hypothetical || e.hypothetical };
  } else {
    byParty[party] = { accepts, prefers, conditions, since: e.occurred, eventIds: { id: e.id, prev: null }, hypothetical: e.hypothetical };
  }
}

function tally(current: Stored<Tally> | null, e: EventOf<'hostages.released' | 'prisoners.released'>): Stored<Tally> {
  if (current && e.act !== undefined && current.acts.includes(e.act)) return { ...current, ...extend(current, e) };
  const acts = e.act === undefined ? current?.acts ?? [] : [...(current?.acts ?? []), e.act];
  return { count: (current?.count ?? 0) + e.count, acts, ...(current ? extend(current, e) : mark(e)) };
}

export function applyEntry(s: ReplayState, entry: LogEntry, ctx: FoldContext): void {
  const e = entry.event;
  s.eventCount++;
  if (e.hypothetical) s.hypotheticalCount++;
  s.lastEventId = e.id;

  switch (e.type) {
    case 'round.opened': {
      if (s.round && s.round.id === e.round && s.round.closed === null) {
        s.round = { ...s.round, ...extend(s.round, e) };
        corroboratesLifecycle(s, e);
        return;
      }
      if (!move(s, e, { type: 'ROUND_OPENED' }, ctx, () => `a round cannot open while the deal is ${describeLifecycle(s.lifecycle)}`)) return;
      s.round = { id: e.round, venue: e.venue, mediators: e.mediators, opened: e.occurred, closed: null, ...mark(e) };
      s.roundsOpened++;
      return;
    }
    case 'round.closed': {
      const round = s.round;
      if (round && round.id === e.round && round.closed !== null) {
        s.round = { ...round, ...extend(round, e) };
        corroboratesLifecycle(s, e);
        return;
      }
      const matchesCurrentRound = round !== null && round.id === e.round && round.closed === null;
      const reason = () =>
        matchesCurrentRound ? `a round cannot close while the deal is ${describeLifecycle(s.lifecycle)}` : `round ${e.round} is not in session (current: ${round && round.closed === null ? round.id : 'none'})`;
      if (!move(s, e, { type: 'ROUND_CLOSED', matchesCurrentRound }, ctx, reason)) return;
      s.round = { ...round!, closed: e.occurred, ...extend(round!, e) };
      return;
    }
    case 'proposal.tabled': {
      const current = s.proposals[e.proposal];
      s.proposals[e.proposal] = current
        ? { ...current, terms: { ...current.terms, ...e.terms }, ...extend(current, e) }
        : { id: e.proposal, title: e.title, by: e.by, tabled: e.occurred, terms: e.terms, responses: {}, ...mark(e) };
      return;
    }
    case 'proposal.accepted':
    case 'proposal.rejected': {
      const proposal = s.proposals[e.proposal];
      if (!proposal) {
        anomaly(s, e, `proposal ${e.proposal} has not been tabled`);
        return;
      }
      const response = e.type === 'proposal.accepted' ? 'accepted' : 'rejected';
      const as = e.type === 'proposal.accepted' ? e.as : null;
      const current = proposal.responses[e.party];
      const next =
        current && current.response === response && current.as === as
          ? { ...current, ...extend(current, e) }
          : { response, as, date: e.occurred, ...mark(e) };
      s.proposals[e.proposal] = { ...proposal, responses: { ...proposal.responses, [e.party]: next } } as typeof proposal;
      return;
    }
    case 'position.stated':
      setPosition(s, e, e.term, e.party, inLadderOrder(ctx, e.term, e.accepts), e.prefers ?? null, normaliseConditions(ctx, e.conditions), false);
      return;
    case 'concession.offered': {
      const current = s.positions[e.term]?.[e.party];
      // A concession widens a stated position. Without one there is nothing to
      // widen, and treating it as a first statement could open a term (and so
      // block an agreement) instead of narrowing a gap.
      if (!current) {
        anomaly(s, e, `${e.party} has no stated position on ${e.term} to widen (state one with position.stated)`);
        return;
      }
      const conditions = e.conditions.length === 0 ? current.conditions : normaliseConditions(ctx, [...current.conditions, ...e.conditions]);
      setPosition(s, e, e.term, e.party, inLadderOrder(ctx, e.term, [...current.accepts, ...e.adds]), current.prefers, conditions, true);
      return;
    }
    case 'talks.assessed': {
      const speaker = e.attribution?.speaker ?? 'unattributed';
      const bySpeaker = (s.assessments[e.source ?? 'hypothetical'] ??= {});
      bySpeaker[speaker] = { speaker, tone: e.tone, cameo: e.tone === 'optimistic' ? '013' : '012', date: e.occurred, eventIds: { id: e.id, prev: null }, hypothetical: e.hypothetical };
      return;
    }
    case 'figure.reported': {
      const source = e.source ?? 'hypothetical';
      (s.figures[e.figure] ??= {})[source] = { source, value: e.value, qualifier: e.qualifier ?? null, date: e.occurred, eventIds: { id: e.id, prev: null }, hypothetical: e.hypothetical };
      return;
    }
    case 'statement.made':
      return;
    case 'agreement.reached': {
      if (corroboratesLifecycle(s, e)) {
        if (s.agreement) s.agreement = { ...s.agreement, ...extend(s.agreement, e) };
        return;
      }
      const open = openTermsUnder(s, ctx.catalog, e.terms);
      const placed = move(s, e, { type: 'AGREEMENT_REACHED', openTerms: open.length }, ctx, () =>
        open.length > 0 && (phaseOf(s.lifecycle) === 'negotiating' || phaseOf(s.lifecycle) === 'collapsed')
          ? `agreement reported while terms are open: ${open.join(', ')}`
          : `an agreement cannot be reached while the deal is ${describeLifecycle(s.lifecycle)}`,
      );
      if (placed) s.agreement = { date: e.occurred, terms: e.terms, ...mark(e) };
      return;
    }
    case 'phase.started':
    case 'phase.completed': {
      if (corroboratesLifecycle(s, e)) {
        const start = e.type === 'phase.started' ? s.phaseStarts[String(e.phase)] : undefined;
        if (start) s.phaseStarts[String(e.phase)] = { ...start, ...extend(start, e) };
        return;
      }
      const verb = e.type === 'phase.started' ? 'STARTED' : 'COMPLETED';
      const placed = move(s, e, { type: `PHASE${e.phase}_${verb}` } as MachineEvent, ctx, () =>
        `phase ${e.phase} cannot ${e.type === 'phase.started' ? 'start' : 'complete'} while the deal is ${describeLifecycle(s.lifecycle)}`,
      );
      if (placed && e.type === 'phase.started') s.phaseStarts[String(e.phase)] = { date: e.occurred, act: e.act ?? null, ...mark(e) };
      return;
    }
    case 'hostages.released':
    case 'prisoners.released': {
      if (!move(s, e, { type: 'RELEASE' }, ctx, () => `a release under the deal cannot happen while the deal is ${describeLifecycle(s.lifecycle)}`)) return;
      if (e.type === 'hostages.released') s.hostagesReleased = tally(s.hostagesReleased, e);
      else s.prisonersReleased = tally(s.prisonersReleased, e);
      return;
    }
    case 'hostilities.resumed':
      if (corroboratesLifecycle(s, e)) return;
      // A collapsed deal no longer settles terms: the gaps fall back to the
      // positions, and a new agreement must bridge them again.
      if (move(s, e, { type: 'HOSTILITIES_RESUMED' }, ctx, () => `hostilities cannot resume under the deal while it is ${describeLifecycle(s.lifecycle)}`)) s.agreement = null;
      return;
  }
}
