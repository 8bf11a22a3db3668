// A log cut into steps for a stepper: one event, one day or one round at a
// time, each with the state before and after it and what changed. The replay
// runs once, forward, carrying one replay state from step to step, so stepping
// through a log costs one replay however many steps it has.
import type { Source } from '../domain/catalog-schema.js';
import { isoFromDayNumber, requireDayNumber } from '../domain/dates.js';
import type { EventLog } from '../domain/event-log.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import { type LogEntry, upperBoundByDay } from '../domain/ordering.js';
import { type NegotiationState, type StateFilter, presentState } from './negotiation-state.js';
import { applyRange, fastContext, indexFor } from './replay.js';
import { cloneReplayState } from './replay-state.js';
import { type StateChange, diffStates } from './state-diff.js';
import type { StepUnit } from './step-units.js';

export { type StepUnit, stepUnits } from './step-units.js';

export interface StepEvent {
  readonly event: ParleyEvent;
  /** The catalog entry of the event's source; null for hypothetical or unsourced events. */
  readonly source: Source | null;
}

export interface Step {
  /** 0-based position in the sequence. */
  readonly index: number;
  /** First and last day of the step's events (a month-precision event counts as its first day). */
  readonly from: string;
  readonly to: string;
  /** The round a round step belongs to; null for other units and for events before the first round. */
  readonly round: string | null;
  readonly events: readonly StepEvent[];
  readonly before: NegotiationState;
  readonly after: NegotiationState;
  readonly changes: readonly StateChange[];
}

export interface StepOptions {
  readonly by?: StepUnit;
  /** Start with the first event on or after this date; earlier events make up the first `before`. */
  readonly from?: string;
  readonly filter?: StateFilter;
}

/** Where each step starts, as indexes into `entries`, from `start` on. */
function boundaries(entries: readonly LogEntry[], start: number, by: StepUnit): number[] {
  const starts: number[] = [];
  let round: string | null = null;
  for (let i = start; i < entries.length; i++) {
    const e = entries[i]!;
    const first = i === start;
    if (by === 'event') starts.push(i);
    else if (by === 'day') {
      if (first || e.day !== entries[i - 1]!.day) starts.push(i);
    } else if (e.event.type === 'round.opened' && e.event.round !== round) {
      // A second report of the same opening belongs to the round it opened.
      round = e.event.round;
      starts.push(i);
    } else if (first) starts.push(i);
  }
  return starts;
}

function roundOf(entries: readonly LogEntry[], at: number, by: StepUnit): string | null {
  const e = entries[at]!.event;
  return by === 'round' && e.type === 'round.opened' ? e.round : null;
}

export function steps(log: EventLog, options: StepOptions = {}): Step[] {
  const by = options.by ?? 'event';
  const filter = options.filter ?? {};
  const index = indexFor(log, filter);
  const { entries } = index;
  const start = options.from === undefined ? 0 : upperBoundByDay(entries, requireDayNumber(options.from) - 1);
  if (start >= entries.length) return [];
  const ctx = fastContext(log, filter);
  const k = Math.floor(start / index.interval);
  const state = applyRange(cloneReplayState(index.checkpoints[k]!), entries, k * index.interval, start, ctx);
  const present = (day: number) => presentState(state, log.catalog, isoFromDayNumber(day), filter);
  let before = present(entries[start]!.day - 1);
  const starts = boundaries(entries, start, by);
  return starts.map((from, i) => {
    const to = starts[i + 1] ?? entries.length;
    applyRange(state, entries, from, to, ctx);
    const after = present(entries[to - 1]!.day);
    const events = entries.slice(from, to).map(({ event }) => ({
      event,
      source: event.hypothetical || event.source === undefined ? null : log.catalog.sourceById.get(event.source) ?? null,
    }));
    const step: Step = {
      index: i,
      from: isoFromDayNumber(entries[from]!.day),
      to: isoFromDayNumber(entries[to - 1]!.day),
      round: roundOf(entries, from, by),
      events,
      before,
      after,
      changes: diffStates(before, after),
    };
    before = after;
    return step;
  });
}

/** The step showing `date`: the last one starting on or before it, else the first. */
export function stepIndexAt(sequence: readonly Step[], date: string): number {
  const day = requireDayNumber(date);
  let found = 0;
  for (const s of sequence) if (requireDayNumber(s.from) <= day) found = s.index;
  return found;
}
