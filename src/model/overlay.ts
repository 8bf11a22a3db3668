// A what-if beside the reported log: the two logs a scenario compares, with the
// days its hypothetical events fall on. What every view of a scenario needs,
// whatever file it came from.
import { isoFromDayNumber } from '../domain/dates.js';
import type { EventLog } from '../domain/event-log.js';

export interface Overlay {
  readonly title: string;
  readonly description: string;
  /** Where it came from, as the user should see it. */
  readonly file: string;
  readonly baseline: EventLog;
  readonly whatIf: EventLog;
  /** The days the hypothetical events occur on, in order. */
  readonly dates: readonly string[];
  /** The days the scenario compares baseline and what-if on (its own `dates`, or the defaults), in order. */
  readonly compareOn: readonly string[];
}

export function hypotheticalDates(log: EventLog): string[] {
  return [...new Set(log.entries.filter((e) => e.event.hypothetical).map((e) => isoFromDayNumber(e.day)))];
}
