// One step of the talks as text: the events with who said what according to
// whom, then what changed, then the terms as they stand. Styling is passed in,
// so the same lines serve a colour terminal and a plain handout; a change is
// always marked with text too, never by colour alone.
import type { EventLog } from '../domain/event-log.js';
import { describeLifecycle } from '../model/apply-event.js';
import type { Step, StepUnit } from '../model/steps.js';
import { describeChanges } from '../report/describe-change.js';
import { describeGap } from '../report/describe-gap.js';
import { inQuotationMarks } from '../report/quote-marks.js';
import { HYPOTHETICAL_MARK } from './format-state.js';
import { displayWidth, terminalSafe, wrapIndented } from './screen-text.js';

export interface Style {
  readonly heading: (s: string) => string;
  readonly changed: (s: string) => string;
  readonly hypothetical: (s: string) => string;
  readonly dim: (s: string) => string;
}

export const plainStyle: Style = { heading: (s) => s, changed: (s) => s, hypothetical: (s) => s, dim: (s) => s };

const sgr = (open: string) => (s: string) => `\x1b[${open}m${s}\x1b[0m`;

/** Bold for structure; colour on top unless NO_COLOR asks for none. */
export function ansiStyle(colour: boolean): Style {
  return colour
    ? { heading: sgr('1'), changed: sgr('1;33'), hypothetical: sgr('1;35'), dim: sgr('2') }
    : { heading: sgr('1'), changed: sgr('1'), hypothetical: sgr('1'), dim: (s) => s };
}

const wrap = (text: string, width: number, indent: number) => wrapIndented(text, width, indent, indent);
const safe = terminalSafe;

function who(step: Step['events'][number]): string {
  const { event, source } = step;
  if (event.hypothetical) return `${HYPOTHETICAL_MARK}: a what-if event, reported by no source`;
  const a = event.attribution;
  const speaker = a ? `${safe(a.speaker)}${a.party ? ` (${a.party})` : ''}${a.via ? `, via ${safe(a.via)}` : ''}${a.onRecord ? '' : ', not on record'}` : 'unattributed';
  const cited = source ? `according to ${safe(source.outlet)}, "${safe(source.title)}", ${source.published}` : `source ${event.source ?? 'unknown'}`;
  return `${speaker}; ${cited}`;
}

/** A step's text in parts, so a screen can fix the header and reorder the rest. */
export interface StepSections {
  /** "Step N of M ..." and the phase. */
  readonly header: readonly string[];
  readonly events: readonly string[];
  readonly changes: readonly string[];
  readonly terms: readonly string[];
}

/**
 * One step as text parts: quotes and attributions wrapped to `width` columns;
 * other lines are left whole for the caller to fit. All log text is made safe
 * for a terminal. Pure.
 */
export function stepSections(step: Step, total: number, by: StepUnit, log: EventLog, style: Style, width = 100): StepSections {
  const range = step.from === step.to ? step.from : `${step.from} to ${step.to}`;
  const header = [
    style.heading(`Step ${step.index + 1} of ${total} (by ${by}${step.round ? `, round ${step.round}` : ''}): ${range}`),
    `Phase: ${describeLifecycle(step.after.stage ? `${step.after.phase}.${step.after.stage}` : step.after.phase)}`,
  ];

  const events = [style.heading(`Events (${step.events.length}):`)];
  for (const e of step.events) {
    const mark = e.event.hypothetical ? ` ${style.hypothetical(HYPOTHETICAL_MARK)}` : '';
    events.push(`  ${e.event.occurred} ${e.event.type}: ${safe(e.event.summary)}${mark}`);
    if (e.event.quote) events.push(...wrap(inQuotationMarks(safe(e.event.quote)), width, 6));
    events.push(...wrap(`- ${who(e)}`, width, 6).map(style.dim));
  }

  const described = describeChanges(step.changes);
  const changes = [style.heading(`What changed (${described.length}):`)];
  if (described.length === 0) changes.push('  nothing in the modelled state');
  for (const c of described) {
    const mark = c.hypothetical ? ` ${style.hypothetical(HYPOTHETICAL_MARK)}` : '';
    changes.push(`  * ${c.subject}: ${c.before} -> ${style.changed(c.after)}${mark}`);
  }

  const [a, b] = log.catalog.principals;
  const terms = [style.heading(`Terms after this step (${a} / ${b} / gap; * = changed):`)];
  const changedTerms = new Set(step.changes.filter((c) => /^(positions|gaps)\./.test(c.path)).map((c) => c.path.split('.')[1]));
  const cell = (term: string, party: string) => {
    const p = step.after.positions[term]?.[party];
    return p ? `${p.accepts.join('|')}${p.hypothetical ? ' [H]' : ''}` : '-';
  };
  // Terms nobody has spoken to yet would fill the screen with dashes; count them instead.
  const shown = log.catalog.terms.filter((t) => changedTerms.has(t.id) || step.after.gaps[t.id]!.status !== 'unknown' || step.after.positions[t.id]?.[a] || step.after.positions[t.id]?.[b]);
  const rows = shown.map((t) => {
    const gap = step.after.gaps[t.id]!;
    return [t.id, cell(t.id, a), cell(t.id, b), `${describeGap(gap)}${gap.hypothetical ? ' [H]' : ''}`];
  });
  const widths = [0, 1, 2].map((c) => Math.max(0, ...rows.map((r) => displayWidth(r[c]!))));
  for (const [i, r] of rows.entries()) {
    const text = r.map((x, c) => (c < 3 ? x + ' '.repeat(widths[c]! - displayWidth(x)) : x)).join('  ');
    terms.push(changedTerms.has(shown[i]!.id) ? `* ${style.changed(text)}` : `  ${text}`);
  }
  const silent = log.catalog.terms.length - shown.length;
  if (silent > 0) terms.push(style.dim(`  ${rows.length === 0 ? `all ${silent}` : `${silent} other`} term${silent === 1 ? '' : 's'}: no position reported from either side yet`));
  if (rows.some((r) => r.some((x) => x.endsWith('[H]')))) terms.push(`  [H] = rests on a hypothetical event`);
  return { header, events, changes, terms };
}

/** One step as the plain handout prints it: header, events, what changed, terms. Pure. */
export function formatStep(step: Step, total: number, by: StepUnit, log: EventLog, style: Style, width = 100): string[] {
  const s = stepSections(step, total, by, log, style, width);
  return [...s.header, '', ...s.events, '', ...s.changes, '', ...s.terms];
}
