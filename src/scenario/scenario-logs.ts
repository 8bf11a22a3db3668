// The two logs a scenario compares: the reported baseline, and the what-if
// fork (the baseline up to the branch date plus the hypothetical events).
import { dayNumber, isoFromDayNumber, occurredSortDay } from '../domain/dates.js';
import type { EventLog } from '../domain/event-log.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import type { Problem, Result } from '../domain/problem.js';
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

function checkExpectation(e: Expectation, i: number, log: EventLog, origin: string): Problem[] {
  const { catalog } = log;
  const problems: Problem[] = [];
  const at = (field: string, message: string) => problems.push({ file: origin, field: `expect[${i}].${field}`, message });
  const term = (field: string, id: string) => {
    if (!catalog.termById.has(id)) at(field, `unknown term "${id}"; expected one of ${[...catalog.termById.keys()].join(', ')}`);
  };
  const party = (field: string, id: string) => {
    if (!catalog.partyById.has(id)) at(field, `unknown party "${id}"; expected one of ${[...catalog.partyById.keys()].join(', ')}`);
  };
  if (e.gap) term('gap.term', e.gap.term);
  if (e.position) {
    party('position.party', e.position.party);
    term('position.term', e.position.term);
    const ladder = catalog.optionIndex.get(e.position.term);
    for (const [key, options] of [['accepts', e.position.accepts], ['includes', e.position.includes]] as const) {
      options?.forEach((o, j) => {
        if (ladder && !ladder.has(o)) at(`position.${key}[${j}]`, `"${o}" is not an option of term ${e.position!.term}; expected one of ${[...ladder.keys()].join(', ')}`);
      });
    }
  }
  if (e.proposal) party('proposal.party', e.proposal.party);
  if (e.figure?.source !== undefined && !catalog.sourceById.has(e.figure.source)) at('figure.source', `unknown source "${e.figure.source}"`);
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
  const completed = completeHypotheticalEvents(scenario, base.catalog);
  const problems: Problem[] = completed.ok ? [] : [...completed.problems];
  problems.push(...scenario.expect.flatMap((e, i) => checkExpectation(e, i, base, origin)));
  if (!completed.ok || problems.length > 0) return { ok: false, problems: locateProblems(scenario, problems) };
  const branchAt = branchDate(scenario, completed.value);
  const whatIf = fork(base, {
    add: completed.value,
    origin,
    label: 'events',
    ...(branchAt ? { branchAt } : {}),
    ...(scenario.keep ? { keep: scenario.keep === 'all' ? true : scenario.keep } : {}),
  });
  if (!whatIf.ok) return { ok: false, problems: locateProblems(scenario, whatIf.problems) };
  const dates = scenario.dates ? [...scenario.dates].sort() : defaultDates(scenario, completed.value, base);
  return { ok: true, value: { baseline: base, whatIf: whatIf.value, dates, events: completed.value, branchAt: branchAt ?? null } };
}
