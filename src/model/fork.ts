// A what-if fork: the base log up to a branch date plus hypothetical events.
// The base log is never touched; the fork is a new log.
import { dayNumber } from '../domain/dates.js';
import { type EventLog, logFromSortedEntries } from '../domain/event-log.js';
import type { DealSpec } from '../domain/deal-spec.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import { withDeal } from '../domain/parse-deal.js';
import { mergeSorted, sortEntries, toEntry } from '../domain/ordering.js';
import { type Problem, type Result, quoted } from '../domain/problem.js';
import { completeHypotheticalEvent, scenarioEventId } from '../scenario/complete-events.js';
import type { HypotheticalEventInput } from '../scenario/scenario-schema.js';

export interface ForkSpec {
  /** Reported events that occurred after this date are dropped (unless kept). */
  readonly branchAt?: string;
  /** Ids of reported events after the branch date to keep anyway, or true to keep them all. */
  readonly keep?: readonly string[] | true;
  /**
   * Hypothetical events to add, as a scenario file lists them: id, precision,
   * dateBasis and summary may be left out and are filled in the same way;
   * `hypothetical` may be left out, but not false.
   */
  readonly add: readonly (HypotheticalEventInput | ParleyEvent)[];
  /** Names the origin of the added events in problems (a scenario file, say); also the stem of generated ids. */
  readonly origin?: string;
  /** The field name the added events are listed under in problems (default "add"). */
  readonly label?: string;
  /** A deal spec for the fork instead of the base's ("what if phase 1 were 60 days?"). */
  readonly deal?: DealSpec;
}

/**
 * The base log cut at `branchAt` (keeping `keep`) plus the added events,
 * completed and validated against the base's catalog (with the fork's own deal spec, if given). Pure; never throws on
 * bad input: every problem comes back in the Result.
 */
export function fork(base: EventLog, spec: ForkSpec): Result<EventLog> {
  const origin = spec.origin ?? 'fork';
  const label = spec.label ?? 'add';
  const problems: Problem[] = [];
  const branchDay = spec.branchAt === undefined ? undefined : dayNumber(spec.branchAt);
  if (spec.branchAt !== undefined && branchDay === undefined) problems.push({ file: origin, code: 'bad-date', field: 'branchAt', message: `got ${quoted(spec.branchAt)}`, expected: 'a date YYYY-MM-DD' });
  const keep = spec.keep === true ? undefined : new Set(spec.keep ?? []);
  (spec.keep === true ? [] : spec.keep ?? []).forEach((id, i) => {
    if (!base.byId.has(id)) problems.push({ file: origin, code: 'unknown-event', field: `keep[${i}]`, message: `no event with id ${quoted(id)} in the base log` });
  });
  const catalog = spec.deal === undefined ? base.catalog : withDeal(base.catalog, spec.deal);
  const seen = new Set<string>();
  const added: ParleyEvent[] = [];
  spec.add.forEach((raw, i) => {
    const field = `${label}[${i}]`;
    const completed = completeHypotheticalEvent(raw, { catalog, file: origin, field, defaultId: scenarioEventId(origin, i) });
    if (!completed.ok) {
      problems.push(...completed.problems);
      return;
    }
    const event = completed.value;
    if (base.byId.has(event.id) || seen.has(event.id)) problems.push({ file: origin, eventId: event.id, code: 'duplicate-id', field: `${field}.id`, message: 'duplicate id' });
    seen.add(event.id);
    added.push(event);
  });
  if (problems.length > 0) return { ok: false, problems };
  const kept = base.entries.filter(
    (e) => branchDay === undefined || e.day <= branchDay || keep === undefined || keep.has(e.event.id),
  );
  // Added events sort after reported events of the same day and reported date.
  // Every added event has been validated, so its dates are real and toEntry cannot throw.
  const entries = sortEntries(added.map((e, i) => toEntry(e, Number.MAX_SAFE_INTEGER - added.length + i)));
  // The kept entries are in order already: merging is linear where sorting the log again is not.
  const merged = mergeSorted(kept, entries);
  let sharedPrefix = 0;
  while (sharedPrefix < merged.length && merged[sharedPrefix] === base.entries[sharedPrefix]) sharedPrefix++;
  return { ok: true, value: logFromSortedEntries(catalog, merged, { base, sharedPrefix }) };
}
