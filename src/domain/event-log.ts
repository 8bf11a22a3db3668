// An event log: validated events in the documented total order, with the
// catalog they were checked against. Immutable once built.
import type { Catalog } from './catalog-schema.js';
import type { ParleyEvent } from './event-schema.js';
import { type LogEntry, sortEntries, toEntry } from './ordering.js';

export interface EventLog {
  readonly catalog: Catalog;
  readonly entries: readonly LogEntry[];
  readonly byId: ReadonlyMap<string, LogEntry>;
}

export function createLog(catalog: Catalog, entries: readonly LogEntry[]): EventLog {
  const sorted = sortEntries(entries);
  return Object.freeze({ catalog, entries: Object.freeze(sorted), byId: new Map(sorted.map((e) => [e.event.id, e])) });
}

/** A log from events already validated, each positioned by its index. */
export function logFromEvents(catalog: Catalog, events: readonly ParleyEvent[]): EventLog {
  return createLog(catalog, events.map((e, i) => toEntry(e, i)));
}

export function lastDay(log: EventLog): number | undefined {
  return log.entries.at(-1)?.day;
}
