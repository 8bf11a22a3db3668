// An event log: validated events in the documented total order, with the
// catalog they were checked against. Immutable once built.
import type { Catalog } from './catalog-schema.js';
import type { ParleyEvent } from './event-schema.js';
import { type LogEntry, sortEntries, toEntry } from './ordering.js';

export interface EventLog {
  readonly catalog: Catalog;
  readonly entries: readonly LogEntry[];
  readonly byId: ReadonlyMap<string, LogEntry>;
  /** For a fork: the log it came from and how many leading entries the two share. */
  readonly forkOf?: { readonly base: EventLog; readonly sharedPrefix: number };
}

export function createLog(catalog: Catalog, entries: readonly LogEntry[]): EventLog {
  return logFromSortedEntries(catalog, sortEntries(entries));
}

/**
 * A log from entries already in the total order (a fork merges sorted runs
 * instead of sorting again). The id index is built on first use, unless the
 * caller has one (loading builds it to find duplicate ids): many logs (forks
 * above all) are only replayed, never looked up by id. Pure.
 */
export function logFromSortedEntries(catalog: Catalog, sorted: LogEntry[], forkOf?: EventLog['forkOf'], index?: ReadonlyMap<string, LogEntry>): EventLog {
  let byId: ReadonlyMap<string, LogEntry> | undefined = index;
  return Object.freeze({
    catalog,
    entries: Object.freeze(sorted),
    ...(forkOf ? { forkOf } : {}),
    get byId(): ReadonlyMap<string, LogEntry> {
      return (byId ??= new Map(sorted.map((e) => [e.event.id, e])));
    },
  });
}

/** A log from events already validated, each positioned by its index. */
export function logFromEvents(catalog: Catalog, events: readonly ParleyEvent[]): EventLog {
  return createLog(catalog, events.map((e, i) => toEntry(e, i)));
}
