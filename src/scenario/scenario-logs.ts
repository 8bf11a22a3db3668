// The two logs a scenario compares: the reported baseline, and the what-if
// fork (the baseline up to the branch date plus the hypothetical events).
import { dayNumber, isoFromDayNumber, occurredSortDay } from '../domain/dates.js';
import type { EventLog } from '../domain/event-log.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import { type Problem, type Result, quoted } from '../domain/problem.js';
import { type ReferenceProblem, checkOptions, checkParty, checkTerm, knownIds } from '../domain/reference-checks.js';
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

function checkExpectation(e: Expectation, i: number, log: EventLog, origin: string): Problem[] {
  const { catalog } = log;
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
  if (e.figure?.source !== undefined && !catalog.sourceById.has(e.figure.source)) at('figure.source', { code: 'unknown-source', message: `unknown source ${quoted(e.figure.source)}`, expected: `one of ${knownIds(catalog.sourceById)}` });
  return problems;
}

function defaultDates(scenario: Scenario, events: readonly ParleyEvent[], base: EventLog): string[] {
  const days = new Set<number>();
  if (scenario.branchAt) days.add(dayNumber(scenario.branchAt)!);
  for (const e of events) days.add(occurredSortDay(e.occurred)!);
  const last = lastDate(base);
  if (last) days.add(dayNumber(last)!);
  return [...days].sort((a, b) => a - b).map(isoFromDayNumber);
}

export function scenarioLogs(scenario: Scenario, base: EventLog): Result<ScenarioLogs> {
  const origin = scenario.origin ?? 'scenario';
  const completed = completeHypotheticalEvents(scenario, base.catalog);
  const problems: Problem[] = completed.ok ? [] : [...completed.problems];
  problems.push(...scenario.expect.flatMap((e, i) => checkExpectation(e, i, base, origin)));
  if (!completed.ok || problems.length > 0) return { ok: false, problems: locateProblems(scenario, problems) };
  const whatIf = fork(base, {
    add: completed.value,
    origin,
    label: 'events',
    ...(scenario.branchAt ? { branchAt: scenario.branchAt } : {}),
    ...(scenario.keep ? { keep: scenario.keep } : {}),
  });
  if (!whatIf.ok) return { ok: false, problems: locateProblems(scenario, whatIf.problems) };
  const dates = scenario.dates ? [...scenario.dates].sort() : defaultDates(scenario, completed.value, base);
  return { ok: true, value: { baseline: base, whatIf: whatIf.value, dates, events: completed.value } };
}
