// Checks that go beyond one event's shape: names must exist in the catalog,
// and a reported event must say where it was reported.
import type { Catalog } from './catalog-schema.js';
import { occurredSortDay, dayNumber } from './dates.js';
import type { ParleyEvent, PositionCondition } from './event-schema.js';

export interface ReferenceProblem {
  readonly field: string;
  readonly message: string;
}

export function checkReferences(event: ParleyEvent, catalog: Catalog): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const fail = (field: string, message: string) => problems.push({ field, message });
  const party = (field: string, id: string | undefined) => {
    if (id !== undefined && !catalog.partyById.has(id)) fail(field, `unknown party "${id}"; expected one of ${[...catalog.partyById.keys()].join(', ')}`);
  };
  const term = (field: string, id: string): boolean => {
    if (catalog.termById.has(id)) return true;
    fail(field, `unknown term "${id}"; expected one of ${[...catalog.termById.keys()].join(', ')}`);
    return false;
  };
  const options = (field: string, termId: string, ids: readonly string[]) => {
    const ladder = catalog.optionIndex.get(termId);
    if (!ladder) return;
    ids.forEach((id, i) => {
      if (!ladder.has(id)) fail(`${field}[${i}]`, `"${id}" is not an option of term ${termId}; expected one of ${[...ladder.keys()].join(', ')}`);
    });
  };
  const conditions = (list: readonly PositionCondition[]) =>
    list.forEach((c, i) => {
      if (term(`conditions[${i}].term`, c.term)) options(`conditions[${i}].accepts`, c.term, c.accepts);
    });
  const termMap = (field: string, map: Readonly<Record<string, string>>) => {
    for (const [t, option] of Object.entries(map)) if (term(`${field}.${t}`, t)) options(`${field}.${t}`, t, [option]);
  };

  if (!event.hypothetical) {
    for (const required of ['source', 'quote', 'reported', 'attribution'] as const) {
      if (event[required] === undefined) fail(required, 'required for a reported event (only hypothetical events may omit it)');
    }
  }
  if (event.source !== undefined && !catalog.sourceById.has(event.source)) {
    fail('source', `unknown source "${event.source}"; expected an id from sources.json (${[...catalog.sourceById.keys()].join(', ')})`);
  }
  party('attribution.party', event.attribution?.party);
  if (event.reported !== undefined) {
    const occurred = occurredSortDay(event.occurred);
    const reported = dayNumber(event.reported);
    if (occurred !== undefined && reported !== undefined && reported < occurred) {
      fail('reported', `reported ${event.reported} is before it occurred (${event.occurred})`);
    }
  }

  switch (event.type) {
    case 'round.opened':
      event.mediators.forEach((m, i) => party(`mediators[${i}]`, m));
      break;
    case 'proposal.tabled':
      party('by', event.by);
      termMap('terms', event.terms);
      break;
    case 'proposal.accepted':
    case 'proposal.rejected':
      party('party', event.party);
      break;
    case 'position.stated':
      party('party', event.party);
      if (term('term', event.term)) {
        options('accepts', event.term, event.accepts);
        if (event.prefers !== undefined && !event.accepts.includes(event.prefers)) fail('prefers', `"${event.prefers}" must be one of the accepted options`);
      }
      conditions(event.conditions);
      break;
    case 'concession.offered':
      party('party', event.party);
      if (term('term', event.term)) options('adds', event.term, event.adds);
      conditions(event.conditions);
      break;
    case 'statement.made':
      event.about.forEach((p, i) => party(`about[${i}]`, p));
      break;
    case 'agreement.reached':
      termMap('terms', event.terms);
      break;
    default:
      break;
  }
  return problems;
}
