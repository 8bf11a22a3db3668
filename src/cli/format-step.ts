// One step of the talks as text: the events with who said what according to
// whom, then what changed, then the terms as they stand. Styling is passed in,
// so the same lines serve a colour terminal and a plain handout; a change is
// always marked with text too, never by colour alone.
import type { EventLog } from '../domain/event-log.js';
import { describeLifecycle } from '../model/apply-event.js';
import type { Step, StepUnit } from '../model/steps.js';
import { describeChanges } from '../report/describe-change.js';
import { describeGap } from '../report/describe-gap.js';
import { HYPOTHETICAL_MARK } from './format-state.js';

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

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

function who(step: Step['events'][number]): string {
  const { event, source } = step;
  if (event.hypothetical) return `${HYPOTHETICAL_MARK}: a what-if event, reported by no source`;
  const a = event.attribution;
  const speaker = a ? `${a.speaker}${a.party ? ` (${a.party})` : ''}${a.via ? `, via ${a.via}` : ''}${a.onRecord ? '' : ', not on record'}` : 'unattributed';
  const cited = source ? `according to ${source.outlet}, "${source.title}", ${source.published}` : `source ${event.source ?? 'unknown'}`;
  return `${speaker}; ${cited}`;
}

export function formatStep(step: Step, total: number, by: StepUnit, log: EventLog, style: Style, width = 100): string[] {
  const range = step.from === step.to ? step.from : `${step.from} to ${step.to}`;
  const lines = [style.heading(`Step ${step.index + 1} of ${total} (by ${by}${step.round ? `, round ${step.round}` : ''}): ${range}`)];
  lines.push(`Phase: ${describeLifecycle(step.after.stage ? `${step.after.phase}.${step.after.stage}` : step.after.phase)}`);

  lines.push('', style.heading(`Events (${step.events.length}):`));
  for (const e of step.events) {
    const mark = e.event.hypothetical ? ` ${style.hypothetical(HYPOTHETICAL_MARK)}` : '';
    lines.push(`  ${e.event.occurred} ${e.event.type}: ${e.event.summary}${mark}`);
    if (e.event.quote) lines.push(...wrap(`“${e.event.quote}”`, width, '      '));
    lines.push(...wrap(`- ${who(e)}`, width, '      ').map(style.dim));
  }

  const changes = describeChanges(step.changes);
  lines.push('', style.heading(`What changed (${changes.length}):`));
  if (changes.length === 0) lines.push('  nothing in the modelled state');
  for (const c of changes) {
    const mark = c.hypothetical ? ` ${style.hypothetical(HYPOTHETICAL_MARK)}` : '';
    lines.push(`  * ${c.subject}: ${c.before} -> ${style.changed(c.after)}${mark}`);
  }

  const [a, b] = log.catalog.principals;
  lines.push('', style.heading(`Terms after this step (${a} / ${b} / gap; * = changed):`));
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
  const widths = [0, 1, 2].map((c) => Math.max(0, ...rows.map((r) => r[c]!.length)));
  for (const [i, r] of rows.entries()) {
    const text = r.map((x, c) => (c < 3 ? x.padEnd(widths[c]!) : x)).join('  ');
    lines.push(changedTerms.has(shown[i]!.id) ? `* ${style.changed(text)}` : `  ${text}`);
  }
  const silent = log.catalog.terms.length - shown.length;
  if (silent > 0) lines.push(style.dim(`  ${rows.length === 0 ? `all ${silent}` : `${silent} other`} term${silent === 1 ? '' : 's'}: no position reported from either side yet`));
  if (rows.some((r) => r.some((x) => x.endsWith('[H]')))) lines.push(`  [H] = rests on a hypothetical event`);
  return lines;
}
