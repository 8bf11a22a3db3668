// Checks that go beyond one event's shape: names must exist in the catalog,
// and a reported event must say where it was reported. Runs once per event
// on load, so it allocates nothing unless it finds a problem.
import type { Catalog } from './catalog-schema.js';
import { occurredSortDay, dayNumber } from './dates.js';
import type { ParleyEvent, PositionCondition } from './event-schema.js';

export interface ReferenceProblem {
  readonly field: string;
  readonly message: string;
}

type Problems = ReferenceProblem[];

const keys = (map: ReadonlyMap<string, unknown>) => [...map.keys()].join(', ');

function party(problems: Problems, catalog: Catalog, field: string, id: string | undefined): void {
  if (id !== undefined && !catalog.partyById.has(id)) problems.push({ field, message: `unknown party "${id}"; expected one of ${keys(catalog.partyById)}` });
}

function term(problems: Problems, catalog: Catalog, field: string, id: string): boolean {
  if (catalog.termById.has(id)) return true;
  problems.push({ field, message: `unknown term "${id}"; expected one of ${keys(catalog.termById)}` });
  return false;
}

function options(problems: Problems, catalog: Catalog, field: string, termId: string, ids: readonly string[]): void {
  const ladder = catalog.optionIndex.get(termId);
  if (!ladder) return;
  for (let i = 0; i < ids.length; i++) {
    if (!ladder.has(ids[i]!)) problems.push({ field: `${field}[${i}]`, message: `"${ids[i]}" is not an option of term ${termId}; expected one of ${keys(ladder)}` });
  }
}

function conditions(problems: Problems, catalog: Catalog, list: readonly PositionCondition[]): void {
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (term(problems, catalog, `conditions[${i}].term`, c.term)) options(problems, catalog, `conditions[${i}].accepts`, c.term, c.accepts);
  }
}

function termMap(problems: Problems, catalog: Catalog, field: string, map: Readonly<Record<string, string>>): void {
  for (const t in map) if (term(problems, catalog, `${field}.${t}`, t)) options(problems, catalog, `${field}.${t}`, t, [map[t]!]);
}

/** Month precision is written YYYY-MM, and only month precision is. */
function precisionProblem(problems: Problems, event: ParleyEvent): void {
  const isMonth = event.occurred.length === 7;
  if (isMonth && event.precision !== 'month') problems.push({ field: 'precision', message: `a date written YYYY-MM (${event.occurred}) has month precision; write "month"` });
  if (!isMonth && event.precision === 'month') problems.push({ field: 'occurred', message: `month precision is written YYYY-MM (e.g. ${event.occurred.slice(0, 7)})` });
}

/**
 * A sortDate places a week- or month-precision event within its period: the
 * month it names, or for week precision the six days either side of the
 * best-guess day in `occurred`. It cannot be after the report.
 */
function sortDateProblem(problems: Problems, event: ParleyEvent): void {
  const sort = dayNumber(event.sortDate!);
  const start = occurredSortDay(event.occurred);
  if (sort === undefined || start === undefined) return;
  if (event.precision === 'day') {
    problems.push({ field: 'sortDate', message: 'only for week or month precision; a day-precision event sorts on its own date' });
  } else if (event.occurred.length === 7 ? !event.sortDate!.startsWith(event.occurred) : Math.abs(sort - start) > 6) {
    problems.push({ field: 'sortDate', message: `${event.sortDate} is outside the period of ${event.occurred} (${event.precision} precision: ${event.occurred.length === 7 ? 'the same month' : 'within six days'})` });
  } else if (event.reported !== undefined && sort > (dayNumber(event.reported) ?? Infinity)) {
    problems.push({ field: 'sortDate', message: `${event.sortDate} is after the event was reported (${event.reported})` });
  }
}

const REQUIRED_WHEN_REPORTED = ['source', 'quote', 'reported', 'attribution'] as const;

export function checkReferences(event: ParleyEvent, catalog: Catalog): ReferenceProblem[] {
  const problems: Problems = [];
  if (!event.hypothetical) {
    for (const required of REQUIRED_WHEN_REPORTED) {
      if (event[required] === undefined) problems.push({ field: required, message: 'required for a reported event (only hypothetical events may omit it)' });
    }
  }
  if (event.source !== undefined && !catalog.sourceById.has(event.source)) {
    problems.push({ field: 'source', message: `unknown source "${event.source}"; expected an id from sources.json (${keys(catalog.sourceById)})` });
  }
  party(problems, catalog, 'attribution.party', event.attribution?.party);
  precisionProblem(problems, event);
  if (event.sortDate !== undefined) sortDateProblem(problems, event);
  if (event.reported !== undefined) {
    const occurred = occurredSortDay(event.occurred);
    const reported = dayNumber(event.reported);
    if (occurred !== undefined && reported !== undefined && reported < occurred) {
      problems.push({ field: 'reported', message: `reported ${event.reported} is before it occurred (${event.occurred})` });
    }
  }

  switch (event.type) {
    case 'round.opened':
      for (let i = 0; i < event.mediators.length; i++) party(problems, catalog, `mediators[${i}]`, event.mediators[i]);
      break;
    case 'proposal.tabled':
      party(problems, catalog, 'by', event.by);
      termMap(problems, catalog, 'terms', event.terms);
      break;
    case 'proposal.accepted':
    case 'proposal.rejected':
      party(problems, catalog, 'party', event.party);
      break;
    case 'position.stated':
      party(problems, catalog, 'party', event.party);
      if (term(problems, catalog, 'term', event.term)) {
        options(problems, catalog, 'accepts', event.term, event.accepts);
        if (event.prefers !== undefined && !event.accepts.includes(event.prefers)) problems.push({ field: 'prefers', message: `"${event.prefers}" must be one of the accepted options` });
      }
      conditions(problems, catalog, event.conditions);
      break;
    case 'concession.offered':
      party(problems, catalog, 'party', event.party);
      if (term(problems, catalog, 'term', event.term)) options(problems, catalog, 'adds', event.term, event.adds);
      conditions(problems, catalog, event.conditions);
      break;
    case 'statement.made':
      for (let i = 0; i < event.about.length; i++) party(problems, catalog, `about[${i}]`, event.about[i]);
      break;
    case 'agreement.reached':
      termMap(problems, catalog, 'terms', event.terms);
      break;
    default:
      break;
  }
  return problems;
}
