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
import { HYPOTHETICAL_MARK } from './format-state.js';
import type { Gap } from '../model/gaps.js';
import { displayWidth, padToWidth, wrapIndented } from './screen-text.js';

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


/** The width a scenario's comparison is laid out for: a terminal's usual one, so a pipe or a handout gets it too. */
export const COMPARISON_WIDTH = 80;

/**
 * What changed on one date, baseline against what-if: side by side when that
 * fits in `width` columns, else one block per change with each side's value
 * wrapped under its label, so no line is wider than `width`. Pure.
 */
export function formatChanges(changes: readonly StateChange[], baseline: NegotiationState, whatIf: NegotiationState, width = COMPARISON_WIDTH): string[] {
  const rows: [string, string, string][] = [['phase', phaseLine(baseline), phaseLine(whatIf)]];
  for (const c of changes) {
    if (c.path === 'phase') continue;
    rows.push([c.path, describeValue(c.path, c.before), `${describeValue(c.path, c.after)}${c.hypothetical ? ` ${HYPOTHETICAL_MARK}` : ''}`]);
  }
  const lines = sideBySide(rows, width) ?? stacked(rows, width);
  if (rows.length === 1) lines.push('    (no other difference)');
  return lines;
}

const BASELINE = 'baseline (reported)';
const WHAT_IF = 'what-if';

function sideBySide(rows: readonly [string, string, string][], width: number): string[] | undefined {
  const table: [string, string, string][] = [['', BASELINE, WHAT_IF], ...rows];
  const w0 = Math.max(...table.map((r) => displayWidth(r[0])));
  const w1 = Math.max(...table.map((r) => displayWidth(r[1])));
  const lines = table.map((r) => `    ${padToWidth(r[0], w0)}  ${padToWidth(r[1], w1)}  ${r[2]}`.trimEnd());
  return lines.every((l) => displayWidth(l) <= width) ? lines : undefined;
}

function stacked(rows: readonly [string, string, string][], width: number): string[] {
  const label = Math.max(displayWidth('baseline'), displayWidth(WHAT_IF)) + 2;
  const side = (name: string, value: string) => {
    const [first = '', ...rest] = wrapIndented(value, width, 6 + label, 6 + label);
    return [`      ${padToWidth(name, label)}${first.trimStart()}`, ...rest];
  };
  return rows.flatMap(([path, before, after]) => [...wrapIndented(path, width, 4, 6), ...side('baseline', before), ...side(WHAT_IF, after)]);
}

/** A scenario run in words, every line at most `width` columns (the file's own lines are wrapped where longer). Pure. */
export function formatScenarioReport(report: ScenarioReport, { width = COMPARISON_WIDTH }: { readonly width?: number } = {}): string {
  const lines: string[] = [];
  const wrapped = (text: string, indent: number, hanging = indent + 2) => lines.push(...wrapIndented(text, width, indent, hanging));
  wrapped(`Scenario: ${report.title}${report.origin ? ` (${report.origin})` : ''}`, 0);
  // A paragraph keeps its author's line breaks when they fit; one that does not is filled again.
  for (const [k, paragraph] of report.description.trim().split(/\n\s*\n/).entries()) {
    if (k > 0) lines.push('');
    const own = paragraph.split('\n');
    if (own.every((l) => displayWidth(l) + 2 <= width)) lines.push(...own.map((l) => `  ${l}`));
    else wrapped(own.map((l) => l.trim()).join(' '), 2, 2);
  }
  const kept = report.keep === 'all' ? 'all kept' : report.keep && report.keep.length > 0 ? `dropped, except ${report.keep.join(', ')}` : 'dropped';
  lines.push('', `  Branch: ${report.branchAt ? `reported events after ${report.branchAt} ${kept}` : 'none (all reported events kept)'}; ${report.events.length} hypothetical event(s):`);
  for (const e of report.events) wrapped(`${e.occurred} ${e.type}: ${e.summary} ${HYPOTHETICAL_MARK}`, 4, 6);
  for (const c of report.comparisons) {
    lines.push('', `  On ${c.date}:`);
    lines.push(...formatChanges(c.changes, c.baseline, c.whatIf, width));
    for (const o of c.whatIf.overrides) wrapped(`! ${describeOverride(o)}`, 4, 6);
  }
  if (report.expectations.length > 0) {
    lines.push('', '  Expectations:');
    for (const x of report.expectations) {
      wrapped(`${x.passed ? 'PASS' : 'FAIL'} ${x.description}${x.passed ? '' : ` (expected ${JSON.stringify(x.expected)}, got ${JSON.stringify(x.actual)})`}`, 4, 9);
    }
    const failed = report.expectations.filter((x) => !x.passed).length;
    lines.push(`  ${report.expectations.length - failed} passed, ${failed} failed`);
  }
  return lines.join('\n');
}
