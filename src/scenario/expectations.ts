// Checks one expectation of a scenario against a state, reporting what was
// expected and what was found, so a failure explains itself.
import type { NegotiationState } from '../model/negotiation-state.js';
import type { Expectation } from './scenario-schema.js';

export interface ExpectationResult {
  readonly expectation: Expectation;
  /** e.g. "2024-08-23 what-if: gap on philadelphi is bridged" */
  readonly description: string;
  readonly passed: boolean;
  readonly expected: unknown;
  readonly actual: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function check(e: Expectation, s: NegotiationState): { what: string; expected: unknown; actual: unknown; passed: boolean } {
  if (e.phase !== undefined) return { what: `phase is ${e.phase}`, expected: e.phase, actual: s.phase, passed: s.phase === e.phase };
  if (e.gap) {
    const gap = s.gaps[e.gap.term];
    if (e.gap.distance !== undefined) {
      const actual = gap ? (gap.status === 'open' ? `open, ${gap.distance} steps` : gap.status) : null;
      const expected = `open, ${e.gap.distance} steps`;
      return { what: `gap on ${e.gap.term} is open by ${e.gap.distance} steps`, expected, actual, passed: actual === expected };
    }
    const actual = gap?.status ?? null;
    return { what: `gap on ${e.gap.term} is ${e.gap.status}`, expected: e.gap.status, actual, passed: actual === e.gap.status };
  }
  if (e.position) {
    const { party, term, accepts, includes } = e.position;
    const actual = s.positions[term]?.[party]?.accepts ?? null;
    if (accepts) {
      const expected = [...accepts].sort();
      return { what: `${party} accepts exactly ${accepts.join(', ')} on ${term}`, expected: accepts, actual, passed: actual !== null && same([...actual].sort(), expected) };
    }
    return { what: `${party} accepts ${includes!.join(', ')} on ${term}`, expected: includes, actual, passed: actual !== null && includes!.every((o) => actual.includes(o)) };
  }
  if (e.proposal) {
    const { proposal, party, response } = e.proposal;
    const actual = s.proposals[proposal]?.responses[party]?.response ?? 'none';
    return { what: `${party}'s response to ${proposal} is ${response}`, expected: response, actual, passed: actual === response };
  }
  if (e.figure) {
    const { figure, source, value } = e.figure;
    const reports = (s.figures[figure] ?? []).filter((f) => source === undefined || f.source === source);
    const actual = reports.map((f) => f.value);
    return { what: `${figure}${source ? ` according to ${source}` : ''} is ${value}`, expected: value, actual, passed: actual.includes(value) };
  }
  if (e.anomalies !== undefined) return { what: `${e.anomalies} anomalies`, expected: e.anomalies, actual: s.anomalies.length, passed: s.anomalies.length === e.anomalies };
  const clock = e.clock!;
  const actual = s.clock === null ? null : Object.fromEntries(Object.keys(clock).map((k) => [k, s.clock![k as keyof typeof s.clock]]));
  const what = Object.entries(clock).map(([k, v]) => `${k} ${String(v)}`).join(', ');
  return { what: `clock: ${what}`, expected: clock, actual, passed: actual !== null && same(actual, clock) };
}

export function evaluateExpectation(e: Expectation, state: NegotiationState): ExpectationResult {
  const { what, expected, actual, passed } = check(e, state);
  return { expectation: e, description: `${e.at} ${e.on}: ${what}`, passed, expected, actual };
}
