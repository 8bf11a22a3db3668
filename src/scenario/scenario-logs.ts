// The two logs a scenario compares: the reported baseline, and the what-if
// fork (the baseline up to the branch date plus the hypothetical events).
import { dayNumber, isoFromDayNumber, occurredSortDay } from '../domain/dates.js';
import type { EventLog } from '../domain/event-log.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import { type Problem, type Result, quoted } from '../domain/problem.js';
import { type ReferenceProblem, checkOptions, checkParty, checkTerm, knownIds } from '../domain/reference-checks.js';
import type { Catalog } from '../domain/catalog-schema.js';
import { type DealSpec, phasesOf } from '../domain/deal-spec.js';
import { parseDealFile, withDeal } from '../domain/parse-deal.js';
import { fork } from '../model/fork.js';
import { lastDate } from '../model/replay.js';
import { completeHypotheticalEvents } from './complete-events.js';
import type { Expectation, Scenario } from './scenario-schema.js';

export interface ScenarioLogs {
  readonly baseline: EventLog;
  readonly whatIf: EventLog;
  /** The dates to compare on, ascending. */
  readonly dates: readonly string[];
  /** The hypothetical events, completed (ids, summaries). */
  readonly events: readonly ParleyEvent[];
  /** Where the what-if leaves the reported log: reported events after it are dropped unless kept. */
  readonly branchAt: string | null;
}

/**
 * The one branching rule of every what-if (scenario files, the builder,
 * `what-if`, `step --scenario`, the viewer): reported events that occurred
 * after the branch date are dropped unless the scenario keeps them; the branch
 * date is the scenario's `branchAt`, or else the day of its earliest
 * hypothetical event. Pure.
 */
export function branchDate(scenario: Scenario, events: readonly ParleyEvent[]): string | undefined {
  if (scenario.branchAt) return scenario.branchAt;
  const days = events.map((e) => occurredSortDay(e.occurred)!);
  return days.length === 0 ? undefined : isoFromDayNumber(Math.min(...days));
}

/** Adds the file line of each problem's field (or its nearest parent) when the scenario came from a file. */
export function locateProblems(scenario: Scenario, problems: readonly Problem[]): Problem[] {
  const lines = scenario.fieldLines;
  if (!lines) return [...problems];
  return problems.map((p) => {
    let field = p.field ?? '';
    while (field !== '' && lines[field] === undefined) field = field.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    const line = lines[field];
    return line === undefined ? p : { ...p, line };
  });
}

/** Checks an expectation's ids against the catalog, and its phase against the deal spec of the side it checks. */
function checkExpectation(e: Expectation, i: number, catalog: Catalog, whatIfDeal: DealSpec, origin: string): Problem[] {
  const problems: Problem[] = [];
  const at = (field: string, r: Omit<ReferenceProblem, 'field'>) => problems.push({ file: origin, field: `expect[${i}].${field}`, ...r });
  const collect = (check: (into: ReferenceProblem[]) => void) => {
    const found: ReferenceProblem[] = [];
    check(found);
    for (const r of found) problems.push({ file: origin, ...r, field: `expect[${i}].${r.field}` });
  };
  const term = (field: string, id: string) => collect((into) => checkTerm(into, catalog, field, id));
  const party = (field: string, id: string) => collect((into) => checkParty(into, catalog, field, id));
  if (e.gap) term('gap.term', e.gap.term);
  if (e.position) {
    party('position.party', e.position.party);
    term('position.term', e.position.term);
    for (const [key, options] of [['accepts', e.position.accepts], ['includes', e.position.includes]] as const) {
      if (options) collect((into) => checkOptions(into, catalog, `position.${key}`, e.position!.term, options));
    }
  }
  if (e.proposal) party('proposal.party', e.proposal.party);
  if (e.phase !== undefined) {
    const phases = phasesOf(e.on === 'baseline' ? catalog.deal : whatIfDeal);
    if (!phases.includes(e.phase)) at('phase', { code: 'bad-field', message: `${quoted(e.phase)} is not a state of the ${e.on === 'baseline' ? 'reported' : 'what-if'} deal`, expected: `one of ${phases.join(', ')}` });
  }
  if (e.figure?.source !== undefined && !catalog.sourceById.has(e.figure.source)) at('figure.source', { code: 'unknown-source', message: `unknown source ${quoted(e.figure.source)}`, expected: `one of ${knownIds(catalog.sourceById)}` });
  return problems;
}

function defaultDates(scenario: Scenario, events: readonly ParleyEvent[], base: EventLog): string[] {
  const days = new Set<number>();
  const branchAt = branchDate(scenario, events);
  if (branchAt) days.add(dayNumber(branchAt)!);
  for (const e of events) days.add(occurredSortDay(e.occurred)!);
  const last = lastDate(base);
  if (last) days.add(dayNumber(last)!);
  return [...days].sort((a, b) => a - b).map(isoFromDayNumber);
}

export function scenarioLogs(scenario: Scenario, base: EventLog): Result<ScenarioLogs> {
  const origin = scenario.origin ?? 'scenario';
  if (scenario.deal !== undefined && scenario.dealFile === undefined) {
    return { ok: false, problems: locateProblems(scenario, [{ file: origin, code: 'unreadable', field: 'deal', message: 'the deal file was not read (load the scenario with loadScenario)' }]) };
  }
  const deal = scenario.dealFile === undefined ? undefined : parseDealFile(scenario.dealFile, base.catalog);
  if (deal !== undefined && !deal.ok) return deal;
  // The what-if runs under the scenario's own deal spec; the baseline keeps the reported one.
  const catalog = deal === undefined ? base.catalog : withDeal(base.catalog, deal.value);
  const completed = completeHypotheticalEvents(scenario, catalog);
  const problems: Problem[] = completed.ok ? [] : [...completed.problems];
  problems.push(...scenario.expect.flatMap((e, i) => checkExpectation(e, i, base.catalog, catalog.deal, origin)));
  if (!completed.ok || problems.length > 0) return { ok: false, problems: locateProblems(scenario, problems) };
  const branchAt = branchDate(scenario, completed.value);
  const whatIf = fork(base, {
    add: completed.value,
    origin,
    label: 'events',
    ...(branchAt ? { branchAt } : {}),
    ...(scenario.keep ? { keep: scenario.keep === 'all' ? true : scenario.keep } : {}),
    ...(deal !== undefined ? { deal: deal.value } : {}),
  });
  if (!whatIf.ok) return { ok: false, problems: locateProblems(scenario, whatIf.problems) };
  const dates = scenario.dates ? [...scenario.dates].sort() : defaultDates(scenario, completed.value, base);
  return { ok: true, value: { baseline: base, whatIf: whatIf.value, dates, events: completed.value, branchAt: branchAt ?? null } };
}
