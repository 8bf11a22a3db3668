// A Mermaid state diagram generated from the machine of a deal spec, so the
// picture in the README cannot drift from the model (a test compares the two,
// and another renders it with the real mermaid library).
import type { AnyStateNode } from 'xstate';
import type { DealSpec } from '../domain/deal-spec.js';
import { dealMachineFor } from './deal-machine.js';

const idOf = (node: AnyStateNode) => node.path.join('_');

function guardName(guard: unknown): string | undefined {
  if (typeof guard === 'string') return guard;
  if (guard && typeof guard === 'object' && 'type' in guard) return String((guard as { type: unknown }).type);
  return undefined;
}

function transitionsOf(node: AnyStateNode): string[] {
  const lines: string[] = [];
  const inPlace: string[] = [];
  for (const [eventType, definitions] of node.transitions) {
    for (const t of definitions) {
      const guard = guardName(t.guard);
      const label = guard ? `${eventType} [${guard}]` : eventType;
      if (t.target === undefined) inPlace.push(label);
      else for (const target of t.target) lines.push(`${idOf(node)} --> ${idOf(target)}: ${label}`);
    }
  }
  // Targetless transitions handle an event without leaving the state; a note
  // reads better than a self-loop per event. Mermaid ends a one-line note's
  // text at a second colon, so the note has only the one after its target.
  if (inPlace.length > 0) lines.push(`note right of ${idOf(node)} : handled in place - ${inPlace.join(', ')}`);
  return lines;
}

function block(node: AnyStateNode, indent: string): string[] {
  const lines: string[] = [];
  const children = Object.values(node.states) as AnyStateNode[];
  const initial = node.config.initial;
  if (initial !== undefined) lines.push(`${indent}[*] --> ${idOf(node.states[String(initial)]!)}`);
  for (const child of children) {
    if (Object.keys(child.states).length > 0) {
      lines.push(`${indent}state "${child.key}" as ${idOf(child)} {`, ...block(child, `${indent}  `), `${indent}}`);
    } else if (child.path.length > 1) {
      lines.push(`${indent}state "${child.key}" as ${idOf(child)}`);
    }
  }
  for (const child of children) {
    lines.push(...transitionsOf(child).map((l) => indent + l));
    if (child.type === 'final') lines.push(`${indent}${idOf(child)} --> [*]`);
  }
  return lines;
}

/** The Mermaid `stateDiagram-v2` source of a deal spec's machine. Pure. */
export function machineDiagram(spec: DealSpec): string {
  return ['stateDiagram-v2', ...block(dealMachineFor(spec).root, '  ')].join('\n');
}
