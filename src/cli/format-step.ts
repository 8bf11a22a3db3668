// One step of the talks as text: the events with who said what according to
// whom, then what changed, then the terms as they stand. Styling is passed in,
// so the same lines serve a colour terminal and a plain handout; a change is
// always marked with text too, never by colour alone.
import type { EventLog } from '../domain/event-log.js';
import { describeLifecycle } from '../model/apply-event.js';
import { defaultPolicy } from '../model/claims.js';
import type { Step, StepUnit } from '../model/steps.js';
import { type Names, describeChanges, idNames } from '../report/describe-change.js';
import { describeGap } from '../report/describe-gap.js';
import { inQuotationMarks } from '../report/quote-marks.js';
import { HYPOTHETICAL_MARK } from './format-state.js';
import { displayWidth, padToWidth, terminalSafe, wrapIndented } from './screen-text.js';
import { describeSpeaker } from '../report/describe-speaker.js';

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
  const speaker = safe(describeSpeaker(a));
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

export interface StepLayout {
  /** Columns to wrap quotes and attributions to. */
  readonly width: number;
  /** Show the terms one under another when their table is wider than `width` (a screen); else always a table (the handout). */
  readonly fitTable: boolean;
}

/**
 * One step as text parts: quotes and attributions wrapped to the width; other
 * lines are left whole for the caller to fit. All log text is made safe for a
 * terminal. Pure.
 */
export function stepSections(step: Step, total: number, by: StepUnit, log: EventLog, style: Style, layout: StepLayout = { width: 100, fitTable: false }): StepSections {
  const { width } = layout;
  const range = step.from === step.to ? step.from : `${step.from} to ${step.to}`;
  const header = [
    style.heading(`Step ${step.index + 1} of ${total} (by ${by}${step.round ? `, round ${step.round}` : ''}${step.after.policy === defaultPolicy ? '' : `; positions by the ${step.after.policy} policy`}): ${range}`),
    `Phase: ${describeLifecycle(step.after.stage ? `${step.after.phase}.${step.after.stage}` : step.after.phase)}`,
  ];

  const events = [style.heading(`Events (${step.events.length}):`)];
  for (const e of step.events) {
    const mark = e.event.hypothetical ? ` ${style.hypothetical(HYPOTHETICAL_MARK)}` : '';
    events.push(`  ${e.event.occurred} ${e.event.type}: ${safe(e.event.summary)}${mark}`);
    if (e.event.quote) events.push(...wrap(inQuotationMarks(safe(e.event.quote)), width, 6));
    events.push(...wrap(`- ${who(e)}`, width, 6).map(style.dim));
  }

  // Parties by name ("tabled by United States", not by its id "us"); terms and options stay short ids, as in the table below.
  const names: Names = { ...idNames, party: (id) => log.catalog.partyById.get(id)?.name ?? id };
  const described = describeChanges(step.changes, names);
  const changes = [style.heading(`What changed (${described.length}):`)];
  if (described.length === 0) changes.push('  nothing in the modelled state');
  for (const c of described) {
    const mark = c.hypothetical ? ` ${style.hypothetical(HYPOTHETICAL_MARK)}` : '';
    changes.push(`  * ${safe(c.subject)}: ${safe(c.before)} -> ${style.changed(safe(c.after))}${mark}`);
  }

  const [a, b] = log.catalog.principals;
  const terms = [style.heading(`Terms after this step (${a} / ${b} / gap; * = changed):`)];
  const changedTerms = new Set(step.changes.filter((c) => /^(positions|gaps)\./.test(c.path)).map((c) => c.path.split('.')[1]));
  const cell = (term: string, party: string) => {
    const p = step.after.positions[term]?.[party];
    if (!p) return '-';
    // Refusals stay refusals ("not x"), and a position other claims dispute is marked, never shown as settled.
    const stance = [p.accepts.join('|'), p.rejects.length ? `not ${p.rejects.join('|')}` : ''].filter(Boolean).join(' ');
    return `${stance}${p.contested ? ' [C]' : ''}${p.hypothetical ? ' [H]' : ''}`;
  };
  // Terms nobody has spoken to yet would fill the screen with dashes; count them instead.
  const shown = log.catalog.terms.filter((t) => changedTerms.has(t.id) || step.after.gaps[t.id]!.status !== 'unknown' || step.after.positions[t.id]?.[a] || step.after.positions[t.id]?.[b]);
  const rows = shown.map((t) => {
    const gap = step.after.gaps[t.id]!;
    return [t.id, cell(t.id, a), cell(t.id, b), `${describeGap(gap)}${gap.hypothetical ? ' [H]' : ''}`];
  });
  const widths = [0, 1, 2].map((c) => Math.max(0, ...rows.map((r) => displayWidth(r[c]!))));
  // The mark, three padded columns and the gap, two spaces between columns.
  const tableWidth = 2 + widths[0]! + widths[1]! + widths[2]! + 6 + Math.max(0, ...rows.map((r) => displayWidth(r[3]!)));
  const asTable = !layout.fitTable || tableWidth <= layout.width;
  for (const [i, r] of rows.entries()) {
    const mark = changedTerms.has(shown[i]!.id) ? '* ' : '  ';
    const styled = (text: string) => (mark === '* ' ? style.changed(text) : text);
    if (asTable) {
      terms.push(mark + styled(r.map((x, c) => (c < 3 ? padToWidth(x, widths[c]!) : x)).join('  ')));
    } else {
      // Too wide for a table here: each term on its own, its gap first, the two positions under it.
      terms.push(mark + styled(`${r[0]}: ${r[3]}`), `    ${a}: ${r[1]}   ${b}: ${r[2]}`);
    }
  }
  const silent = log.catalog.terms.length - shown.length;
  if (silent > 0) terms.push(style.dim(`  ${rows.length === 0 ? `all ${silent}` : `${silent} other`} term${silent === 1 ? '' : 's'}: no position reported from either side yet`));
  if (rows.some((r) => r.some((x) => x.includes('[C]')))) terms.push(`  [C] = contested: other claims about this position differ (parley state --quotes lists them)`);
  if (rows.some((r) => r.some((x) => x.endsWith('[H]')))) terms.push(`  [H] = rests on a hypothetical event`);
  return { header, events, changes, terms };
}

/** One step as the plain handout prints it: header, events, what changed, terms. Pure. */
export function formatStep(step: Step, total: number, by: StepUnit, log: EventLog, style: Style): string[] {
  const s = stepSections(step, total, by, log, style);
  return [...s.header, '', ...s.events, '', ...s.changes, '', ...s.terms];
}
