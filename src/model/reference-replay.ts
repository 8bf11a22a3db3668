// The straightforward replay the fast path is checked against: an immutable
// state updated with immer, and XState's pure transition() asked for every
// lifecycle event. Slow on purpose: it has no memo and no checkpoints.
import { enableMapSet, produce } from 'immer';
import type { EventLog } from '../domain/event-log.js';
import { requireDayNumber } from '../domain/dates.js';
import { applyEntry } from './apply-event.js';
import { defaultPolicy } from './claims.js';
import { transitionPure } from './lifecycle.js';

// The replay state keys its tables by Map (ids are user data).
enableMapSet();
import { type NegotiationState, type StateFilter, presentState } from './negotiation-state.js';
import { filterEntries } from './replay.js';
import { type ReplayState, initialReplayState } from './replay-state.js';

export function referenceStateAt(log: EventLog, date: string, filter: StateFilter = {}): NegotiationState {
  const day = requireDayNumber(date);
  const ctx = { catalog: log.catalog, step: transitionPure(log.catalog.deal), policy: filter.policy ?? defaultPolicy };
  let state: ReplayState = initialReplayState();
  for (const entry of filterEntries(log, filter)) {
    if (entry.day > day) break;
    state = produce(state, (draft) => applyEntry(draft as ReplayState, entry, ctx));
  }
  return presentState(state, log.catalog, date, filter);
}
