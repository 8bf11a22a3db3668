// Small checks the event types share: does a party, term or ladder option
// exist in the catalog? Each pushes a problem and allocates nothing otherwise.
import type { Catalog } from './catalog-schema.js';
import type { PositionCondition } from './event-fields.js';
import { suggestionSuffix } from './did-you-mean.js';
import { type ProblemCode, quoted } from './problem.js';

export interface ReferenceProblem {
  readonly code: ProblemCode;
  readonly field: string;
  readonly message: string;
  readonly expected?: string;
}

const keys = (map: ReadonlyMap<string, unknown>) => [...map.keys()].join(', ');

/** `; did you mean "israel"?` for "Israel", or nothing when no id is near. */
const nearMiss = (id: string, map: ReadonlyMap<string, unknown>): string => suggestionSuffix(id, map.keys());

/** The catalog's ids of one kind, for "expected one of" messages. Pure. */
export const knownIds = keys;

export function checkParty(problems: ReferenceProblem[], catalog: Catalog, field: string, id: string | undefined): void {
  if (id !== undefined && !catalog.partyById.has(id)) problems.push({ code: 'unknown-party', field, message: `unknown party ${quoted(id)}${nearMiss(id, catalog.partyById)}`, expected: `one of ${keys(catalog.partyById)}` });
}

export function checkParties(problems: ReferenceProblem[], catalog: Catalog, field: string, ids: readonly string[]): void {
  for (let i = 0; i < ids.length; i++) checkParty(problems, catalog, `${field}[${i}]`, ids[i]);
}

/** True when the term exists. */
export function checkTerm(problems: ReferenceProblem[], catalog: Catalog, field: string, id: string): boolean {
  if (catalog.termById.has(id)) return true;
  problems.push({ code: 'unknown-term', field, message: `unknown term ${quoted(id)}${nearMiss(id, catalog.termById)}`, expected: `one of ${keys(catalog.termById)}` });
  return false;
}

export function checkOptions(problems: ReferenceProblem[], catalog: Catalog, field: string, termId: string, ids: readonly string[]): void {
  const ladder = catalog.optionIndex.get(termId);
  if (!ladder) return;
  for (let i = 0; i < ids.length; i++) {
    if (!ladder.has(ids[i]!)) problems.push({ code: 'unknown-option', field: `${field}[${i}]`, message: `${quoted(ids[i])} is not an option of term ${termId}${nearMiss(ids[i]!, ladder)}`, expected: `one of ${keys(ladder)}` });
  }
}

export function checkConditions(problems: ReferenceProblem[], catalog: Catalog, list: readonly PositionCondition[]): void {
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (checkTerm(problems, catalog, `conditions[${i}].term`, c.term)) checkOptions(problems, catalog, `conditions[${i}].accepts`, c.term, c.accepts);
  }
}

/** A term -> option map (a proposal's or an agreement's text). */
export function checkTermMap(problems: ReferenceProblem[], catalog: Catalog, field: string, map: Readonly<Record<string, string>>): void {
  for (const t of Object.keys(map)) if (checkTerm(problems, catalog, `${field}.${t}`, t)) checkOptions(problems, catalog, `${field}.${t}`, t, [map[t]!]);
}
