// A what-if fork: the base log up to a branch date plus hypothetical events.
// The base log is never touched; the fork is a new log.
import { dayNumber } from '../domain/dates.js';
import type { DealSpec } from '../domain/deal-spec.js';
import { withDeal } from '../domain/parse-deal.js';
import { type EventLog, logFromSortedEntries } from '../domain/event-log.js';
import { checkReferences } from '../domain/event-references.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import { mergeSorted, sortEntries, toEntry } from '../domain/ordering.js';
import type { Problem, Result } from '../domain/problem.js';

export interface ForkSpec {
  /** Reported events that occurred after this date are dropped (unless kept). */
  readonly branchAt?: string;
  /** Ids of reported events after the branch date to keep anyway, or true to keep them all. */
  readonly keep?: readonly string[] | true;
  /** Hypothetical events to add; each must have `hypothetical: true`. */
  readonly add: readonly ParleyEvent[];
  /** Names the origin of the added events in problems (a scenario file, say). */
  readonly origin?: string;
  /** The field name the added events are listed under in problems (default "add"). */
  readonly label?: string;
  /** A deal spec for the fork instead of the base's ("what if phase 1 were 60 days?"). */
  readonly deal?: DealSpec;
}

export function fork(base: EventLog, spec: ForkSpec): Result<EventLog> {
  const origin = spec.origin ?? 'fork';
  const label = spec.label ?? 'add';
  const problems: Problem[] = [];
  const branchDay = spec.branchAt === undefined ? undefined : dayNumber(spec.branchAt);
  if (spec.branchAt !== undefined && branchDay === undefined) problems.push({ file: origin, field: 'branchAt', message: `expected a date YYYY-MM-DD, got "${spec.branchAt}"` });
  const keep = spec.keep === true ? undefined : new Set(spec.keep ?? []);
  (spec.keep === true ? [] : spec.keep ?? []).forEach((id, i) => {
    if (!base.byId.has(id)) problems.push({ file: origin, field: `keep[${i}]`, message: `no event with id "${id}" in the base log` });
  });
  const catalog = spec.deal === undefined ? base.catalog : withDeal(base.catalog, spec.deal);
  const seen = new Set<string>();
  spec.add.forEach((event, i) => {
    const at = { file: origin, eventId: event.id };
    if (!event.hypothetical) problems.push({ ...at, field: `${label}[${i}].hypothetical`, message: 'an added event must be hypothetical (true)' });
    if (base.byId.has(event.id) || seen.has(event.id)) problems.push({ ...at, field: `${label}[${i}].id`, message: 'duplicate id' });
    seen.add(event.id);
    for (const r of checkReferences(event, catalog)) problems.push({ ...at, field: `${label}[${i}].${r.field}`, message: r.message });
  });
  if (problems.length > 0) return { ok: false, problems };
  const kept = base.entries.filter(
    (e) => branchDay === undefined || e.day <= branchDay || keep === undefined || keep.has(e.event.id),
  );
  // Added events sort after reported events of the same day and reported date.
  const added = sortEntries(spec.add.map((e, i) => toEntry(e, Number.MAX_SAFE_INTEGER - spec.add.length + i)));
  // The kept entries are in order already: merging is linear where sorting the log again is not.
  const merged = mergeSorted(kept, added);
  let sharedPrefix = 0;
  while (sharedPrefix < merged.length && merged[sharedPrefix] === base.entries[sharedPrefix]) sharedPrefix++;
  return { ok: true, value: logFromSortedEntries(catalog, merged, { base, sharedPrefix }) };
}
