// Baseline and what-if side by side, for a terminal or a handout.
import type { NegotiationState, RoundView } from '../model/negotiation-state.js';
import type { Agreement } from '../model/replay-state.js';
import { describeAgreement } from '../report/describe-agreement.js';
import { describeRound } from '../report/describe-round.js';
import type { StateChange } from '../model/state-diff.js';
import type { ScenarioReport } from '../scenario/run-scenario.js';
import { describeOverride } from '../report/describe-claim.js';
import { describeGap } from '../report/describe-gap.js';
import { describeStance } from '../report/describe-stance.js';
import { HYPOTHETICAL_MARK, pad } from './format-state.js';
import type { Gap } from '../model/gaps.js';

function describeValue(path: string, value: unknown): string {
  if (value === null) return '(none)';
  if (path.startsWith('gaps.')) return describeGap(value as Gap);
  if (path.startsWith('positions.')) return describeStance(value as { accepts: string[]; rejects: string[] });
  if (path.includes('.responses.')) return (value as { response: string }).response;
  if (path.startsWith('assessments.')) return `${(value as { tone: string }).tone} (CAMEO ${(value as { cameo: string }).cameo})`;
  if (path.startsWith('figures.')) return String((value as { value: number }).value);
  if (path.startsWith('proposals.')) return `tabled by ${(value as { by: string }).by}`;
  if (path === 'phase' || typeof value !== 'object') return String(value);
  if (path === 'round') return describeRound(value as RoundView);
  if (path.startsWith('releases.')) return String((value as { count: number }).count);
  if (path === 'agreement') return describeAgreement(value as Agreement);
  return JSON.stringify(value);
}

function phaseLine(s: NegotiationState): string {
  return s.stage ? `${s.phase} (${s.stage})` : s.phase;
}


export function formatChanges(changes: readonly StateChange[], baseline: NegotiationState, whatIf: NegotiationState): string[] {
  const rows = [['', 'baseline (reported)', 'what-if']];
  rows.push(['phase', phaseLine(baseline), phaseLine(whatIf)]);
  for (const c of changes) {
    if (c.path === 'phase') continue;
    rows.push([c.path, describeValue(c.path, c.before), `${describeValue(c.path, c.after)}${c.hypothetical ? ` ${HYPOTHETICAL_MARK}` : ''}`]);
  }
  const w0 = Math.max(...rows.map((r) => r[0]!.length));
  const w1 = Math.max(...rows.map((r) => r[1]!.length));
  const lines = rows.map((r) => `    ${pad(r[0]!, w0)}  ${pad(r[1]!, w1)}  ${r[2]}`.trimEnd());
  if (changes.filter((c) => c.path !== 'phase').length === 0) lines.push('    (no other difference)');
  return lines;
}

export function formatScenarioReport(report: ScenarioReport): string {
  const lines: string[] = [];
  lines.push(`Scenario: ${report.title}${report.origin ? ` (${report.origin})` : ''}`);
  for (const l of report.description.trim().split('\n')) lines.push(`  ${l}`);
  const kept = report.keep === 'all' ? 'all kept' : report.keep && report.keep.length > 0 ? `dropped, except ${report.keep.join(', ')}` : 'dropped';
  lines.push('', `  Branch: ${report.branchAt ? `reported events after ${report.branchAt} ${kept}` : 'none (all reported events kept)'}; ${report.events.length} hypothetical event(s):`);
  for (const e of report.events) lines.push(`    ${e.occurred} ${e.type}: ${e.summary} ${HYPOTHETICAL_MARK}`);
  for (const c of report.comparisons) {
    lines.push('', `  On ${c.date}:`);
    lines.push(...formatChanges(c.changes, c.baseline, c.whatIf));
    for (const o of c.whatIf.overrides) lines.push(`    ! ${describeOverride(o)}`);
  }
  if (report.expectations.length > 0) {
    lines.push('', '  Expectations:');
    for (const x of report.expectations) {
      lines.push(`    ${x.passed ? 'PASS' : 'FAIL'} ${x.description}${x.passed ? '' : ` (expected ${JSON.stringify(x.expected)}, got ${JSON.stringify(x.actual)})`}`);
    }
    const failed = report.expectations.filter((x) => !x.passed).length;
    lines.push(`  ${report.expectations.length - failed} passed, ${failed} failed`);
  }
  return lines.join('\n');
}
