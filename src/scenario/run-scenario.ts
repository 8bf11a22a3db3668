// Runs a scenario: the reported baseline and the what-if side by side on each
// chosen date, what changed, and each expectation checked.
import type { EventLog } from '../domain/event-log.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import type { Result } from '../domain/problem.js';
import type { NegotiationState } from '../model/negotiation-state.js';
import { defaultPolicy } from '../model/claims.js';
import { stateAt } from '../model/replay.js';
import { type StateChange, diffStates } from '../model/state-diff.js';
import { type ExpectationResult, evaluateExpectation } from './expectations.js';
import { scenarioLogs } from './scenario-logs.js';
import type { Scenario } from './scenario-schema.js';

export interface Comparison {
  readonly date: string;
  readonly baseline: NegotiationState;
  readonly whatIf: NegotiationState;
  /** Baseline -> what-if, value by value. */
  readonly changes: readonly StateChange[];
}

export interface ScenarioReport {
  readonly title: string;
  readonly description: string;
  readonly origin: string | null;
  /** Reported events after this date are dropped from the what-if unless kept. */
  readonly branchAt: string | null;
  readonly keep: 'all' | readonly string[] | null;
  readonly events: readonly ParleyEvent[];
  readonly comparisons: readonly Comparison[];
  readonly expectations: readonly ExpectationResult[];
  readonly passed: boolean;
}

export function runScenario(scenario: Scenario, base: EventLog): Result<ScenarioReport> {
  const logs = scenarioLogs(scenario, base);
  if (!logs.ok) return logs;
  const { baseline, whatIf, dates, events, branchAt } = logs.value;
  const query = { policy: scenario.policy ?? defaultPolicy };
  const comparisons = dates.map((date) => {
    const b = stateAt(baseline, date, query);
    const w = stateAt(whatIf, date, query);
    return { date, baseline: b, whatIf: w, changes: diffStates(b, w) };
  });
  const expectations = scenario.expect.map((e) => evaluateExpectation(e, stateAt(e.on === 'baseline' ? baseline : whatIf, e.at, query)));
  return {
    ok: true,
    value: {
      title: scenario.title,
      description: scenario.description,
      origin: scenario.origin ?? null,
      branchAt,
      keep: scenario.keep ?? null,
      events,
      comparisons,
      expectations,
      passed: expectations.every((e) => e.passed),
    },
  };
}
