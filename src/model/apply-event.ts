// The reducer: what one event does to the replay state. Each event type's own
// reducer lives with its definition (src/event-types/); this dispatches. Shared
// by the fast replay and the reference replay, which differ only in how they
// move through the statechart and how they keep state between events.
import type { LogEntry } from '../domain/ordering.js';
import { definitionOf } from '../event-types/registry.js';
import type { FoldContext } from './fold.js';
import type { ReplayState } from './replay-state.js';

export type { FoldContext, LifecycleStepper } from './fold.js';
export { describeLifecycle } from './fold.js';

/** Applies one entry to `state` in place. Never throws on a valid event: what cannot be placed becomes an anomaly. */
export function applyEntry(s: ReplayState, entry: LogEntry, ctx: FoldContext): void {
  const e = entry.event;
  s.eventCount++;
  if (e.hypothetical) s.hypotheticalCount++;
  s.lastEventId = e.id;
  definitionOf(e).apply(s, e, ctx, entry);
}
