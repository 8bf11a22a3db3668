// The fast replay: a mutable fold over the ordered log, moving through the
// statechart by memoised lookups, with checkpoints so that a query on a date
// replays at most one checkpoint interval instead of the whole log.
import { isoFromDayNumber, requireDayNumber } from '../domain/dates.js';
import type { EventLog } from '../domain/event-log.js';
import { type LogEntry, publicDay, upperBoundByDay } from '../domain/ordering.js';
import { type FoldContext, applyEntry } from './apply-event.js';
import { defaultPolicy } from './claims.js';
import { memoisedTransition } from './lifecycle.js';
import { settlePositions } from './positions.js';
import { type NegotiationState, type StateFilter, presentChangesSince, presentState } from './negotiation-state.js';
import { type ReplayState, cloneReplayState, initialReplayState } from './replay-state.js';

/** The fold's context for the fast replay of `log` under `filter`'s policy. Pure. */
export function fastContext(log: EventLog, filter: StateFilter = {}): FoldContext {
  return { catalog: log.catalog, step: memoisedTransition(log.catalog.deal), policy: filter.policy ?? defaultPolicy };
}

/** Applies entries[from, to) to `state` in place and returns it. */
export function applyRange(state: ReplayState, entries: readonly LogEntry[], from: number, to: number, ctx: FoldContext): ReplayState {
  for (let i = from; i < to; i++) applyEntry(state, entries[i]!, ctx);
  return state;
}

export function filterEntries(log: EventLog, filter: StateFilter): readonly LogEntry[] {
  if (filter.knownAt === undefined && filter.sources === undefined) return log.entries;
  const knownAt = filter.knownAt === undefined ? Infinity : requireDayNumber(filter.knownAt);
  const sources = filter.sources === undefined ? undefined : new Set(filter.sources);
  return log.entries.filter(
    (e) => publicDay(e) <= knownAt && (sources === undefined || e.event.hypothetical || (e.event.source !== undefined && sources.has(e.event.source))),
  );
}

export interface ReplayIndex {
  readonly entries: readonly LogEntry[];
  readonly interval: number;
  /** checkpoints[k] is the state after the first k * interval entries. */
  readonly checkpoints: readonly ReplayState[];
}

// A checkpoint every 64 events: a query replays at most one interval, so its
// cost does not grow with the log, while memory grows linearly with a small
// constant (containers only: leaves, claim lists and the proposal table are
// persistent and shared; the README's performance section has the
// measurements). 128 held a quarter less memory and made the median query at
// 10^6 events a quarter slower.
const CHECKPOINT_INTERVAL = 64;

export function buildIndex(log: EventLog, filter: StateFilter = {}): ReplayIndex {
  const entries = filterEntries(log, filter);
  const ctx = fastContext(log, filter);
  // A fork shares its entries up to the branch with its base, and checkpoints
  // are never mutated: it takes over the base's checkpoints for that prefix
  // and replays only the rest.
  // A fork under another deal spec (a scenario's own) replays from the start.
  const reuse =
    log.forkOf !== undefined && isUnfiltered(filter) && log.forkOf.base.catalog.deal === log.catalog.deal
      ? { index: indexFor(log.forkOf.base, { policy: filter.policy }), shared: log.forkOf.sharedPrefix }
      : undefined;
  const interval = reuse ? reuse.index.interval : CHECKPOINT_INTERVAL;
  const checkpoints: ReplayState[] = reuse ? reuse.index.checkpoints.slice(0, Math.floor(reuse.shared / interval) + 1) : [cloneReplayState(initialReplayState())];
  // The state replayed becomes the checkpoint, and the replay goes on in a clone of it (which
  // owns nothing, so it copies what it changes): a checkpoint is never updated after it is taken.
  let state = cloneReplayState(checkpoints.at(-1)!);
  for (let from = (checkpoints.length - 1) * interval; from + interval <= entries.length; from += interval) {
    applyRange(state, entries, from, from + interval, ctx);
    settlePositions(state, checkpoints.at(-1));
    // Presented now, once per checkpoint, rather than by whichever query first starts from it.
    presentChangesSince(state, checkpoints.at(-1), log.catalog);
    checkpoints.push(state);
    state = cloneReplayState(state);
  }
  return { entries, interval, checkpoints };
}

/** No event left out (the policy may differ: a fork reuses its base's checkpoints under the same policy). */
const isUnfiltered = (filter: StateFilter) => filter.knownAt === undefined && filter.sources === undefined;

const indexes = new WeakMap<EventLog, Map<string, ReplayIndex>>();

function filterKey(filter: StateFilter): string {
  return JSON.stringify([filter.knownAt ?? null, filter.sources ? [...filter.sources].sort() : null, filter.policy ?? defaultPolicy]);
}

// Each filter (a knownAt date, a set of sources) has its own index; a viewer
// that is asked about many dates keeps only the most recently used few.
const INDEXES_PER_LOG = 16;

/** The checkpoint index of a log under a filter, built on first use and kept while the log lives (a few filters at a time). */
export function indexFor(log: EventLog, filter: StateFilter = {}): ReplayIndex {
  let byFilter = indexes.get(log);
  if (!byFilter) indexes.set(log, (byFilter = new Map()));
  const key = filterKey(filter);
  let index = byFilter.get(key);
  if (index) {
    byFilter.delete(key);
  } else {
    index = buildIndex(log, filter);
    if (byFilter.size >= INDEXES_PER_LOG) byFilter.delete(byFilter.keys().next().value!);
  }
  byFilter.set(key, index);
  return index;
}

/** The replay state after every entry that occurred on or before `date`. */
export function replayStateAt(log: EventLog, date: string, filter: StateFilter = {}): ReplayState {
  const index = indexFor(log, filter);
  const end = upperBoundByDay(index.entries, requireDayNumber(date));
  const k = Math.floor(end / index.interval);
  const state = cloneReplayState(index.checkpoints[k]!);
  return applyRange(state, index.entries, k * index.interval, end, fastContext(log, filter));
}

export interface StateQuery extends StateFilter {}

/** The reported state of the negotiation on `date` (YYYY-MM-DD). */
export function stateAt(log: EventLog, date: string, query: StateQuery = {}): NegotiationState {
  return presentState(replayStateAt(log, date, query), log.catalog, date, query);
}

/**
 * The state on `date`, as `stateAt` gives it, from one replay without the
 * checkpoint index: for a single question about a large log (the command
 * line's `state`), where building checkpoints costs more than it saves. Keeps
 * nothing. Pure.
 */
export function stateOnce(log: EventLog, date: string, query: StateQuery = {}): NegotiationState {
  return replayFromStart(log, query, (entries) => upperBoundByDay(entries, requireDayNumber(date)), date);
}

/** Replays the whole log without checkpoints: the state on the day of its last event. */
export function replay(log: EventLog, filter: StateFilter = {}): NegotiationState {
  return replayFromStart(log, filter, (entries) => entries.length, lastDate(log) ?? '1970-01-01');
}

/** The filtered entries before `end(entries)`, replayed from the initial state, presented as on `date`. */
function replayFromStart(log: EventLog, filter: StateFilter, end: (entries: readonly LogEntry[]) => number, date: string): NegotiationState {
  const entries = filterEntries(log, filter);
  return presentState(applyRange(initialReplayState(), entries, 0, end(entries), fastContext(log, filter)), log.catalog, date, filter);
}

/** The date of the last event, as a day (a month-precision event counts as its first day). */
export function lastDate(log: EventLog): string | undefined {
  const last = log.entries.at(-1);
  return last === undefined ? undefined : isoFromDayNumber(last.day);
}
