// Checks that go beyond one event's shape: names must exist in the catalog,
// and a reported event must say where it was reported. Runs once per event
// on load, so it allocates nothing unless it finds a problem.
import { definitionOf } from '../event-types/registry.js';
import type { Catalog } from './catalog-schema.js';
import { occurredSortDay, dayNumber } from './dates.js';
import type { ParleyEvent } from './event-schema.js';
import { quoted } from './problem.js';
import { type ReferenceProblem, checkParty, knownIds } from './reference-checks.js';

export type { ReferenceProblem } from './reference-checks.js';

/** Month precision is written YYYY-MM, and only month precision is. */
function precisionProblem(problems: ReferenceProblem[], event: ParleyEvent): void {
  const isMonth = event.occurred.length === 7;
  if (isMonth && event.precision !== 'month') problems.push({ code: 'bad-field', field: 'precision', message: `a date written YYYY-MM (${event.occurred}) has month precision; write "month"` });
  if (!isMonth && event.precision === 'month') problems.push({ code: 'bad-date', field: 'occurred', message: `month precision is written YYYY-MM (e.g. ${event.occurred.slice(0, 7)})` });
}

/**
 * A sortDate places a week- or month-precision event within its period: the
 * month it names, or for week precision the six days either side of the
 * best-guess day in `occurred`. It cannot be after the report.
 */
function sortDateProblem(problems: ReferenceProblem[], event: ParleyEvent): void {
  const sort = dayNumber(event.sortDate!);
  const start = occurredSortDay(event.occurred);
  if (sort === undefined || start === undefined) return;
  if (event.precision === 'day') {
    problems.push({ code: 'bad-field', field: 'sortDate', message: 'only for week or month precision; a day-precision event sorts on its own date' });
  } else if (event.occurred.length === 7 ? !event.sortDate!.startsWith(event.occurred) : Math.abs(sort - start) > 6) {
    problems.push({ code: 'bad-date', field: 'sortDate', message: `${event.sortDate} is outside the period of ${event.occurred} (${event.precision} precision: ${event.occurred.length === 7 ? 'the same month' : 'within six days'})` });
  } else if (event.reported !== undefined && sort > (dayNumber(event.reported) ?? Infinity)) {
    problems.push({ code: 'bad-date', field: 'sortDate', message: `${event.sortDate} is after the event was reported (${event.reported})` });
  }
}

export const REQUIRED_WHEN_REPORTED = ['source', 'quote', 'reported', 'attribution'] as const;

export function checkReferences(event: ParleyEvent, catalog: Catalog): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  if (!event.hypothetical) {
    for (const required of REQUIRED_WHEN_REPORTED) {
      if (event[required] === undefined) problems.push({ code: 'missing-field', field: required, message: 'required for a reported event (only hypothetical events may omit it)' });
    }
  }
  if (event.source !== undefined && !catalog.sourceById.has(event.source)) {
    problems.push({ code: 'unknown-source', field: 'source', message: `unknown source ${quoted(event.source)}`, expected: `an id from sources.json (${knownIds(catalog.sourceById)})` });
  }
  checkParty(problems, catalog, 'attribution.party', event.attribution?.party);
  precisionProblem(problems, event);
  if (event.sortDate !== undefined) sortDateProblem(problems, event);
  if (event.reported !== undefined) {
    const occurred = occurredSortDay(event.occurred);
    const reported = dayNumber(event.reported);
    if (occurred !== undefined && reported !== undefined && reported < occurred) {
      problems.push({ code: 'bad-date', field: 'reported', message: `reported ${event.reported} is before it occurred (${event.occurred})` });
    }
  }

  definitionOf(event).check(event, catalog, problems);
  return problems;
}
