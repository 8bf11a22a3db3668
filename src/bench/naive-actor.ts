// The design parley avoids, for comparison: one XState actor whose context
// holds the whole replay state, every event sent to it, and an action that
// applies the event with immer's produce (a new immutable state per event,
// XState's transition() asked for every lifecycle move, no memo, no
// checkpoints). It runs parley's own reducers, so it computes the same state;
// only the machinery around them differs.
import { enableMapSet, produce } from 'immer';
import { assign, createActor, setup } from 'xstate';
import type { EventLog } from '../domain/event-log.js';
import type { LogEntry } from '../domain/ordering.js';
import { applyEntry } from '../model/apply-event.js';
import { type Policy, defaultPolicy } from '../model/claims.js';
import { transitionPure } from '../model/lifecycle.js';
import { type NegotiationState, presentState } from '../model/negotiation-state.js';
import { lastDate } from '../model/replay.js';
import { type ReplayState, initialReplayState } from '../model/replay-state.js';

// The replay state keys its tables by Map.
enableMapSet();

/** Replays `log` through a naive XState actor with immer; the state on its last day. Pure (the actor lives only inside). */
export function naiveActorReplay(log: EventLog, policy: Policy = defaultPolicy): NegotiationState {
  const ctx = { catalog: log.catalog, step: transitionPure(log.catalog.deal), policy };
  const machine = setup({
    types: { context: {} as { state: ReplayState }, events: {} as { type: 'EVENT'; entry: LogEntry } },
  }).createMachine({
    context: { state: initialReplayState() },
    on: {
      EVENT: {
        actions: assign(({ context, event }) => ({ state: produce(context.state, (draft) => applyEntry(draft as ReplayState, event.entry, ctx)) })),
      },
    },
  });
  const actor = createActor(machine).start();
  for (const entry of log.entries) actor.send({ type: 'EVENT', entry });
  const state = actor.getSnapshot().context.state;
  actor.stop();
  return presentState(state, log.catalog, lastDate(log) ?? '1970-01-01', { policy });
}
