// Positions as the replay stores them: one per (term, party), in ladder order.
import type { Catalog } from '../domain/catalog-schema.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import type { Position, ReplayState } from './replay-state.js';

const NO_CONDITIONS: Position['conditions'] = Object.freeze([]);

/** Options in ladder order without repeats; an already ordered list (the usual case) is reused, since events are never mutated. Pure. */
export function inLadderOrder(catalog: Catalog, term: string, options: readonly string[]): readonly string[] {
  if (options.length === 1) return options;
  const index = catalog.optionIndex.get(term)!;
  let ordered = true;
  for (let i = 1; i < options.length && ordered; i++) ordered = index.get(options[i - 1]!)! < index.get(options[i]!)!;
  return ordered ? options : [...new Set(options)].sort((a, b) => index.get(a)! - index.get(b)!);
}

/** Conditions sorted by term, each in ladder order. Pure. */
export function normaliseConditions(catalog: Catalog, conditions: readonly { term: string; accepts: readonly string[] }[]): Position['conditions'] {
  if (conditions.length === 0) return NO_CONDITIONS;
  return conditions
    .map((c) => ({ term: c.term, accepts: inLadderOrder(catalog, c.term, c.accepts) }))
    .sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

const sameList = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
const sameConditions = (a: Position['conditions'], b: Position['conditions']) =>
  a === b || (a.length === b.length && a.every((c, i) => c.term === b[i]!.term && sameList(c.accepts, b[i]!.accepts)));

// Positions are the most frequent event: one object literal of a fixed shape
// per change, no intermediate objects.
export function setPosition(
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

/** A proposal response (accepted or rejected), corroborated when a second report says the same. */
export function setResponse(s: ReplayState, e: ParleyEvent & { proposal: string; party: string }, response: 'accepted' | 'rejected', as: 'text' | 'basis' | null): boolean {
  const proposal = s.proposals[e.proposal];
  if (!proposal) return false;
  const current = proposal.responses[e.party];
  const next =
    current && current.response === response && current.as === as
      ? { ...current, eventIds: { id: e.id, prev: current.eventIds }, hypothetical: current.hypothetical || e.hypothetical }
      : { response, as, date: e.occurred, eventIds: { id: e.id, prev: null }, hypothetical: e.hypothetical };
  s.proposals[e.proposal] = { ...proposal, responses: { ...proposal.responses, [e.party]: next } } as typeof proposal;
  return true;
}
