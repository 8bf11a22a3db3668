// The deal's statechart as plain data (states, children, transitions), read
// from the machine generated for a deal spec, so that a drawing of it cannot
// drift from the model.
import type { AnyStateNode } from 'xstate';
import type { DealSpec } from '../domain/deal-spec.js';
import { dealMachineFor } from './deal-machine.js';

export interface MachineTransition {
  readonly event: string;
  readonly guard: string | null;
  /** Dotted paths of the targets; the source itself for a transition that stays put. */
  readonly targets: readonly string[];
  /** True for a targetless transition: the event is handled without leaving or re-entering the state. */
  readonly inPlace: boolean;
}

export interface MachineNode {
  /** Dotted path, e.g. "negotiating.roundInSession"; "" for the root. */
  readonly path: string;
  readonly key: string;
  readonly initial: string | null;
  readonly final: boolean;
  readonly children: readonly MachineNode[];
  readonly transitions: readonly MachineTransition[];
}

function guardName(guard: unknown): string | null {
  if (typeof guard === 'string') return guard;
  if (guard && typeof guard === 'object' && 'type' in guard) return String((guard as { type: unknown }).type);
  return null;
}

function nodeOf(node: AnyStateNode): MachineNode {
  const path = node.path.join('.');
  const transitions: MachineTransition[] = [];
  for (const [event, definitions] of node.transitions) {
    for (const t of definitions) {
      transitions.push({ event, guard: guardName(t.guard), targets: (t.target ?? [node]).map((target: AnyStateNode) => target.path.join('.')), inPlace: t.target === undefined });
    }
  }
  return {
    path,
    key: node.key,
    initial: node.config.initial === undefined ? null : String(node.config.initial),
    final: node.type === 'final',
    children: (Object.values(node.states) as AnyStateNode[]).map(nodeOf),
    transitions,
  };
}

/** The statechart of a deal spec as plain data, states in the spec's order. Pure. */
export function machineStructure(spec: DealSpec): MachineNode {
  return nodeOf(dealMachineFor(spec).root);
}
