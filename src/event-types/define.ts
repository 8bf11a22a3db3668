// The shape of one event type's definition. Everything parley knows about an
// event type lives in one file of this folder: its schema (the single source of
// validation, TypeScript types and JSON Schema), its reference checks against
// the catalog, its reducer, the statechart event it sends, and its description.
// The registry (registry.ts) is typed so that a new type does not compile until
// every part exists.
import type { z } from 'zod';
import type { Catalog } from '../domain/catalog-schema.js';
import type { ReferenceProblem } from '../domain/event-references.js';
import type { LogEntry } from '../domain/ordering.js';
import type { MachineEvent } from '../model/deal-machine.js';
import type { FoldContext } from '../model/fold.js';
import type { ReplayState } from '../model/replay-state.js';

export interface EventTypeDefinition<E extends { readonly type: string }> {
  readonly type: E['type'];
  readonly schema: z.ZodType<E>;
  /** One line: what an event of this type records. */
  readonly description: string;
  /** The statechart event it sends, or null for events the machine never sees. */
  readonly machineEvent: ((event: E) => MachineEvent) | null;
  /** Checks beyond the event's shape: catalog ids, options of the right term. Pushes what it finds; allocates nothing otherwise. */
  readonly check: (event: E, catalog: Catalog, problems: ReferenceProblem[]) => void;
  /** What the event does to the replay state, in place; `at` is where its log entry sorts. */
  readonly apply: (state: ReplayState, event: E, ctx: FoldContext, at: LogEntry) => void;
  /** A neutral default summary, for hypothetical events written without one. */
  readonly summarise: (event: E) => string;
}

/** Identity, typed: keeps each definition's event type precise. Pure. */
export function defineEventType<E extends { readonly type: string }>(definition: EventTypeDefinition<E>): EventTypeDefinition<E> {
  return definition;
}
