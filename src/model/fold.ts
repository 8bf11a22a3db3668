// What the per-type reducers share: the fold's context, provenance marks,
// anomalies, and moves through the statechart. Every reducer in
// src/event-types/ updates the replay state through these.
import type { Catalog } from '../domain/catalog-schema.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import type { Policy } from './claims.js';
import type { MachineEvent } from './deal-machine.js';
import { type LifecycleKey, type LifecycleStepper, phaseOf, stageOf } from './lifecycle.js';
import type { IdNode, ReplayState } from './replay-state.js';

export interface StoredMarked {
  readonly eventIds: IdNode;
  readonly hypothetical: boolean;
}

export type { LifecycleStepper };

export interface FoldContext {
  readonly catalog: Catalog;
  readonly step: LifecycleStepper;
  /** How positions and responses are derived from their claims. */
  readonly policy: Policy;
}

/** Provenance of a value one event produced. Pure. */
export const mark = (e: ParleyEvent): StoredMarked => ({ eventIds: { id: e.id, prev: null }, hypothetical: e.hypothetical });

/** Provenance of a value another event corroborates; O(1): the new id goes in front of the shared list. Pure. */
export const extend = (m: StoredMarked, e: ParleyEvent): StoredMarked => ({ eventIds: { id: e.id, prev: m.eventIds }, hypothetical: m.hypothetical || e.hypothetical });

/** "phase1 (in progress)": a lifecycle state in words. Pure. */
export function describeLifecycle(key: LifecycleKey): string {
  const stage = stageOf(key);
  const words: Record<string, string> = { betweenRounds: 'between rounds', roundInSession: 'round in session', inProgress: 'in progress', completed: 'completed' };
  return stage === null ? phaseOf(key) : `${phaseOf(key)} (${words[stage] ?? stage})`;
}

/** Records that `e` could not be placed; the state is otherwise left as it was. */
export function anomaly(s: ReplayState, e: ParleyEvent, reason: string): void {
  s.anomalies = { head: { eventId: e.id, type: e.type, date: e.occurred, reason, hypothetical: e.hypothetical }, tail: s.anomalies };
}

/** Moves the lifecycle; returns false (and records an anomaly) when the machine cannot place the event. */
export function move(s: ReplayState, e: ParleyEvent, event: MachineEvent, ctx: FoldContext, reason: () => string): boolean {
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

/** A second source reporting the act that set the current lifecycle mark: adds its id and returns true. */
export function corroboratesLifecycle(s: ReplayState, e: ParleyEvent): boolean {
  if (e.act === undefined || s.lifecycleMark?.act !== e.act) return false;
  s.lifecycleMark = { ...s.lifecycleMark, ...extend(s.lifecycleMark, e) };
  return true;
}
