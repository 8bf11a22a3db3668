// The one total order of a log. Every replay, on every machine, walks events in
// this order, so the state of a log never depends on file order or locale.
//
//   1. occurred date (a month-precision date sorts at the first of its month,
//      unless the event gives a `sortDate` within its period);
//   2. reported date (a hypothetical event with none sorts after every reported
//      event of its day: a what-if "on 22 Aug" acts on the whole reported day);
//   3. position in its file (0-based line of a JSONL file, index in a scenario);
//   4. id, compared by UTF-16 code units.
import { dayNumber, occurredSortDay } from './dates.js';
import type { ParleyEvent } from './event-schema.js';
import { ProblemError, quoted } from './problem.js';

/**
 * Sort key of a hypothetical event that has no reported date: after every
 * real day (year 9999 is day 2,932,896), and still a small integer for V8, so
 * the day fields of every entry stay unboxed.
 */
const UNREPORTED = 2 ** 30 - 1;

export interface LogEntry {
  readonly event: ParleyEvent;
  /** Position of the event in the file it came from. */
  readonly position: number;
  /** Sort day of `occurred` (days since 1970-01-01). */
  readonly day: number;
  /** Sort day of `reported`; for a hypothetical event without one, after every real date. */
  readonly reportedDay: number;
}

/** The day an entry became public: its reported day, or for a hypothetical event the day it occurs. */
export function publicDay(e: LogEntry): number {
  return e.event.hypothetical && e.event.reported === undefined ? e.day : e.reportedDay;
}

/**
 * The sort keys of a validated event. Validation has checked every date, so
 * events from parseLog, scenarios and fork never reach the throw; a library
 * caller building entries from unvalidated events gets a ProblemError
 * (code bad-date), never a bare RangeError. Pure.
 */
export function toEntry(event: ParleyEvent, position: number): LogEntry {
  const day = event.sortDate === undefined ? occurredSortDay(event.occurred) : dayNumber(event.sortDate);
  if (day === undefined) throw badDate(event, event.sortDate === undefined ? 'occurred' : 'sortDate', event.sortDate ?? event.occurred);
  const reportedDay = event.reported === undefined ? (event.hypothetical ? UNREPORTED : day) : dayNumber(event.reported);
  if (reportedDay === undefined) throw badDate(event, 'reported', event.reported!);
  return { event, position, day, reportedDay };
}

function badDate(event: ParleyEvent, field: string, value: string): ProblemError {
  return new ProblemError([{ file: 'event', eventId: event.id, code: 'bad-date', field, message: `not a real date: ${quoted(value)}`, expected: 'YYYY-MM-DD (or YYYY-MM for occurred)' }]);
}

export function compareEntries(a: LogEntry, b: LogEntry): number {
  return (
    a.day - b.day ||
    a.reportedDay - b.reportedDay ||
    a.position - b.position ||
    (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0)
  );
}

export function sortEntries(entries: readonly LogEntry[]): LogEntry[] {
  return [...entries].sort(compareEntries);
}

/** Merges sorted runs into one sorted run; stable for equal keys (which only equal ids produce). */
export function mergeSorted(a: readonly LogEntry[], b: readonly LogEntry[]): LogEntry[] {
  const out: LogEntry[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareEntries(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Index of the first entry whose day is after `day` (binary search). */
export function upperBoundByDay(entries: readonly LogEntry[], day: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[mid]!.day <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
