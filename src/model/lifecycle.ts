// Moves through the statechart. `transitionPure` asks XState every time (the
// reference path); `memoisedTransition` asks once per (state, event) pair,
// which is sound because the machine has no context and its guards read only
// the event's discrete flags.
import { type StateValue, transition } from 'xstate';
import { type MachineEvent, type Phase, dealMachine } from './deal-machine.js';

/** A lifecycle state as a dotted path, e.g. "negotiating.roundInSession". */
export type LifecycleKey = string;

export interface LifecycleStep {
  readonly next: LifecycleKey;
  /** False when the machine has no transition for the event in this state. */
  readonly handled: boolean;
}

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

export function transitionPure(from: LifecycleKey, event: MachineEvent): LifecycleStep {
  const snapshot = dealMachine.resolveState({ value: valueOf(from) });
  // `can()` is false for targetless transitions (a release during phase 1),
  // which are handled all the same; the enabled transitions tell the truth.
  if (dealMachine.getTransitionData(snapshot, event).length === 0) return { next: from, handled: false };
  const [next] = transition(dealMachine, snapshot, event);
  return { next: keyOf(next.value), handled: true };
}

function eventKey(event: MachineEvent): string {
  switch (event.type) {
    case 'ROUND_CLOSED':
      return `${event.type}:${event.matchesCurrentRound}`;
    case 'AGREEMENT_REACHED':
      return `${event.type}:${event.openTerms === 0}`;
    default:
      return event.type;
  }
}

const memo = new Map<string, LifecycleStep>();

export function memoisedTransition(from: LifecycleKey, event: MachineEvent): LifecycleStep {
  const key = `${from}|${eventKey(event)}`;
  let step = memo.get(key);
  if (step === undefined) {
    step = transitionPure(from, event);
    memo.set(key, step);
  }
  return step;
}

export function phaseOf(key: LifecycleKey): Phase {
  const dot = key.indexOf('.');
  return (dot < 0 ? key : key.slice(0, dot)) as Phase;
}

export function stageOf(key: LifecycleKey): string | null {
  const dot = key.indexOf('.');
  return dot < 0 ? null : key.slice(dot + 1);
}
