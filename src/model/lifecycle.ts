// Moves through a deal's statechart. `transitionPure(spec)` asks XState every
// time (the reference path); `memoisedTransition(spec)` asks once per
// (state, event) pair and spec, which is sound because the machine has no
// context and its guards read only the event's discrete flags.
import { type StateValue, transition } from 'xstate';
import type { DealSpec } from '../domain/deal-spec.js';
import { type MachineEvent, type Phase, dealMachineFor } from './deal-machine.js';

/** A lifecycle state as a dotted path, e.g. "negotiating.roundInSession". */
export type LifecycleKey = string;

export interface LifecycleStep {
  readonly next: LifecycleKey;
  /** False when the machine has no transition for the event in this state. */
  readonly handled: boolean;
}

export type LifecycleStepper = (from: LifecycleKey, event: MachineEvent) => LifecycleStep;

export const initialLifecycle: LifecycleKey = 'negotiating.betweenRounds';

function keyOf(value: unknown): LifecycleKey {
  if (typeof value === 'string') return value;
  const [k, v] = Object.entries(value as Record<string, unknown>)[0]!;
  return `${k}.${keyOf(v)}`;
}

function valueOf(key: LifecycleKey): StateValue {
  const dot = key.indexOf('.');
  return dot < 0 ? key : { [key.slice(0, dot)]: valueOf(key.slice(dot + 1)) };
}

/** The step XState's pure `transition()` gives, asked afresh on every call. Pure. */
export function transitionPure(spec: DealSpec): LifecycleStepper {
  const machine = dealMachineFor(spec);
  return (from, event) => {
    const snapshot = machine.resolveState({ value: valueOf(from) });
    // `can()` is false for targetless transitions (a release during phase 1),
    // which are handled all the same; the enabled transitions tell the truth.
    if (machine.getTransitionData(snapshot, event).length === 0) return { next: from, handled: false };
    const [next] = transition(machine, snapshot, event);
    return { next: keyOf(next.value), handled: true };
  };
}

/** The event's type and the discrete flags its guards read: all a transition depends on. */
function eventKey(event: MachineEvent): string {
  switch (event.type) {
    case 'ROUND_OPENED':
      return `${event.type}:${event.purpose}`;
    case 'ROUND_CLOSED':
      return `${event.type}:${event.matchesCurrentRound}`;
    case 'AGREEMENT_REACHED':
      return `${event.type}:${event.blocked}`;
    default:
      return 'covered' in event ? `${event.type}:${event.covered}` : event.type;
  }
}

const steppers = new WeakMap<DealSpec, LifecycleStepper>();

/** Like `transitionPure(spec)`, asking XState once per (state, event) pair of this spec. Pure (memoised). */
export function memoisedTransition(spec: DealSpec): LifecycleStepper {
  let stepper = steppers.get(spec);
  if (stepper === undefined) {
    const pure = transitionPure(spec);
    const memo = new Map<string, LifecycleStep>();
    stepper = (from, event) => {
      const key = `${from}|${eventKey(event)}`;
      let step = memo.get(key);
      if (step === undefined) memo.set(key, (step = pure(from, event)));
      return step;
    };
    steppers.set(spec, stepper);
  }
  return stepper;
}

/** The top-level phase of a lifecycle state. Pure. */
export function phaseOf(key: LifecycleKey): Phase {
  const dot = key.indexOf('.');
  return dot < 0 ? key : key.slice(0, dot);
}

/** The stage within the phase, or null for a phase without stages. Pure. */
export function stageOf(key: LifecycleKey): string | null {
  const dot = key.indexOf('.');
  return dot < 0 ? null : key.slice(dot + 1);
}
