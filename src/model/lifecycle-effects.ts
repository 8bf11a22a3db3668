// What lifecycle events do besides moving the statechart: an agreement or a
// collapse ends any round still open, and says so; the agreement's coverage
// of phases decides whether a phase may start.
import type { ParleyEvent } from '../domain/event-schema.js';
import { type DealSpec, phaseNumberOf, phaseSpec } from '../domain/deal-spec.js';
import { extend } from './fold.js';
import { phaseOf } from './lifecycle.js';
import type { ReplayState } from './replay-state.js';

/** Closes the round in session, if any, recording the event and that it was `by` it rather than a report. In place. */
export function closeOpenRound(s: ReplayState, e: ParleyEvent, by: 'agreement' | 'collapse'): void {
  if (s.round && s.round.closed === null) s.round = { ...s.round, closed: e.occurred, closedBy: by, ...extend(s.round, e) };
}

/** The number of the phase the deal is in, or null outside the phases. Pure. */
export const currentPhaseNumber = (s: ReplayState): number | null => phaseNumberOf(phaseOf(s.lifecycle));

/** True when an agreement covering phase `n` has been reached (for phase 1: the deal's agreement). Pure. */
export function phaseCovered(s: ReplayState, spec: DealSpec, n: number): boolean {
  const phase = phaseSpec(spec, n);
  if (phase === undefined || s.agreement === null) return false;
  return phase.requires === 'agreement' || s.agreement.covers[String(n)] !== undefined;
}
