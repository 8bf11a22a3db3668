// The time axis: the days the slider stops on (event days), the strip that
// draws them (rounds as bands, events as marks, the chosen date as a line) and
// the list of the chosen day's events and rounds. Event days are spaced evenly,
// so a busy fortnight gets as much room as it has days with news; a dashed
// stretch of axis stands for the quiet days skipped. Hypothetical events are
// diamonds and say "hypothetical"; reported ones are circles.
import type { RoundSpan, Timeline, TimelineEvent } from './api-client.js';
import { h, s } from './dom.js';
import { dayNumber } from '../../domain/dates.js';

/** The stop at or before `date` (the first stop when `date` is before them all). Pure. */
export function snapToStop(stops: readonly string[], date: string): string {
  let best = stops[0]!;
  for (const d of stops) if (d <= date) best = d;
  return best;
}

/** The neighbouring stops of `date`: null at either end. Pure. */
export function neighbours(stops: readonly string[], date: string): { prev: string | null; next: string | null } {
  return { prev: stops.filter((d) => d < date).at(-1) ?? null, next: stops.find((d) => d > date) ?? null };
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "19 Aug", with the year when it is the first label or the year changes. */
function shortDate(date: string, withYear: boolean): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${months[Number(m) - 1]}${withYear ? ` ${y}` : ''}`;
}

let measure: CanvasRenderingContext2D | null | undefined;
function textWidth(text: string, fontSize: number): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * fontSize * 0.62;
  measure.font = `${fontSize}px system-ui, -apple-system, 'Segoe UI', sans-serif`;
  // A margin for the font the page really gets.
  return measure.measureText(text).width * 1.08;
}

export interface StripOptions {
  /** The width to draw for, in CSS pixels: the strip is drawn 1:1, so its text is the size asked. */
  readonly width: number;
  readonly fontSize: number;
  /** Only what had been reported by `selected`: days after it are drawn as bare stops. */
  readonly hindsight: boolean;
}

interface Label {
  readonly at: number;
  readonly left: number;
  readonly right: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

/** Which stops get a label: the selected one first, then left to right, each only where it overlaps none already placed. */
function placeLabels(xs: readonly number[], texts: readonly string[], selected: number, fontSize: number, width: number): Map<number, Label> {
  const placed = new Map<number, Label>();
  const order = [selected, ...xs.map((_, i) => i).filter((i) => i !== selected)];
  for (const i of order) {
    if (i < 0) continue;
    const w = textWidth(texts[i]!, fontSize);
    let left = xs[i]! - w / 2;
    let anchor: Label['anchor'] = 'middle';
    if (left < 0) [left, anchor] = [0, 'start'];
    if (left + w > width) [left, anchor] = [width - w, 'end'];
    const label = { at: anchor === 'start' ? 0 : anchor === 'end' ? width : xs[i]!, left, right: left + w, anchor };
    const gap = fontSize * 0.6;
    if ([...placed.values()].every((p) => label.right + gap <= p.left || label.left >= p.right + gap)) placed.set(i, label);
  }
  return placed;
}

/** The strip for `stops` (sorted event days) with `selected` among them. Needs a document (it measures text). */
export function renderStrip(timeline: Timeline, stops: readonly string[], selected: string, options: StripOptions): SVGElement {
  const { width, fontSize } = options;
  const pad = Math.max(12, fontSize);
  const n = stops.length;
  const days = stops.map((d) => dayNumber(d)!);
  const xs = stops.map((_, i) => (n === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (n - 1)));
  /** Between two stops a date is placed in proportion to its days; outside them, at the end. */
  const x = (date: string): number => {
    const d = dayNumber(date)!;
    if (d <= days[0]!) return xs[0]!;
    for (let i = 1; i < n; i++) if (d <= days[i]!) return xs[i - 1]! + ((d - days[i - 1]!) / (days[i]! - days[i - 1]!)) * (xs[i]! - xs[i - 1]!);
    return xs[n - 1]!;
  };
  const bandH = Math.round(fontSize * 1.5);
  const axisY = bandH + Math.round(fontSize * 1.1);
  const labelY = axisY + Math.round(fontSize * 1.9);
  const countY = labelY + Math.round(fontSize * 1.25);
  const H = countY + Math.round(fontSize * 0.5);
  const perDay = new Map<string, TimelineEvent[]>();
  for (const e of timeline.events) perDay.set(e.day, [...(perDay.get(e.day) ?? []), e]);
  const known = timeline.events.length;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${H}`,
    width,
    height: H,
    role: 'img',
    'aria-label': `Timeline of ${n} event days from ${stops[0]} to ${stops.at(-1)}, evenly spaced (a dashed stretch skips days without events): ${timeline.rounds.length} round(s), ${known} event(s)${options.hindsight ? ` reported by ${selected}` : ''}; the line marks ${selected}`,
    class: 'strip',
  });

  const bandEnd = (r: RoundSpan) => r.closed ?? (options.hindsight ? selected : stops.at(-1)!);
  for (const r of timeline.rounds) {
    const left = x(r.opened);
    const w = Math.max(8, x(bandEnd(r)) - left);
    const g = s('g', { class: `round${r.hypothetical ? ' is-hyp' : ''}` }, s('title', {}, roundText(r, options.hindsight ? selected : null)));
    g.append(s('rect', { x: left, y: 2, width: w, height: bandH, rx: 4 }));
    if (textWidth(r.venue, fontSize) + 8 <= w) g.append(s('text', { x: left + 4, y: 2 + bandH * 0.72 }, r.venue));
    svg.append(g);
  }
  for (let i = 1; i < n; i++) {
    const quiet = days[i]! - days[i - 1]! > 7;
    svg.append(s('line', { x1: xs[i - 1]!, x2: xs[i]!, y1: axisY, y2: axisY, class: quiet ? 'axis quiet' : 'axis' }, quiet ? s('title', {}, `${days[i]! - days[i - 1]! - 1} days without events`) : null));
  }

  const selectedIndex = stops.indexOf(selected);
  const texts = stops.map((d, i) => shortDate(d, i === 0 || d.slice(0, 4) !== stops[i - 1]!.slice(0, 4)));
  const labels = placeLabels(xs, texts, selectedIndex, fontSize, width);
  const r = Math.max(4, fontSize * 0.3);
  stops.forEach((date, i) => {
    const events = perDay.get(date) ?? [];
    const cx = xs[i]!;
    const hyp = events.some((e) => e.hypothetical);
    const later = options.hindsight && date > selected;
    const what = events.length > 0 ? `${events.length} event${events.length === 1 ? '' : 's'}${hyp ? ', some hypothetical' : ''}` : later ? 'after the chosen date' : 'nothing reported by then';
    const title = s('title', {}, `${date}: ${what}`);
    const cls = `mark${events.length === 0 ? ' bare' : ''}${hyp ? ' is-hyp' : ''}${date === selected ? ' selected' : ''}`;
    svg.append(
      hyp
        ? s('path', { d: `M${cx},${axisY - r * 1.4} L${cx + r * 1.4},${axisY} L${cx},${axisY + r * 1.4} L${cx - r * 1.4},${axisY} z`, class: cls }, title)
        : s('circle', { cx, cy: axisY, r: events.length === 0 ? r * 0.7 : r, class: cls }, title),
    );
    const label = labels.get(i);
    if (!label) return;
    svg.append(s('text', { x: label.at, y: labelY, 'text-anchor': label.anchor, class: `tick${date === selected ? ' selected' : ''}` }, texts[i]!));
    if (events.length > 0) svg.append(s('text', { x: label.at, y: countY, 'text-anchor': label.anchor, class: 'count' }, `${events.length}`));
  });
  svg.append(s('line', { x1: x(selected), x2: x(selected), y1: 0, y2: axisY + r * 2, class: 'cursor' }));
  return svg;
}

/** "Cairo round (cairo-2024-08): opened 2024-08-22, no closing reported by 2024-08-23"; with `by`, a later closing is not shown. Pure. */
export function roundText(r: RoundSpan, by: string | null): string {
  const closed = r.closed !== null && (by === null || r.closed <= by) ? `, closed ${r.closed}` : `, no closing reported${by ? ` by ${by}` : ''}`;
  return `${r.venue} round (${r.id}): opened ${r.opened}${closed}${r.hypothetical ? ' (hypothetical)' : ''}`;
}

/** The rounds opened by `date`. Pure. */
export function roundsBy(rounds: readonly RoundSpan[], date: string): RoundSpan[] {
  return rounds.filter((r) => r.opened <= date);
}

/** Who said it and where: "Hamas, according to Al Mayadeen, reported 2024-08-19"; an outlet's own words say so. */
function attribution(e: TimelineEvent, outlet: (source: string | null) => string): string {
  if (e.hypothetical) return 'scenario event, reported by no source';
  const by = outlet(e.source);
  const who = e.speaker && e.speaker !== by ? `${e.speaker}, according to ${by}` : `${by}, in its own words`;
  return `${who}${e.reported ? `, reported ${e.reported}` : ''}`;
}

/** The events of `date`, each a button that opens its statement, with who said it, the outlet and when it reported it. */
export function renderDayEvents(events: readonly TimelineEvent[], date: string, outlet: (source: string | null) => string, onOpen: (e: TimelineEvent) => void): HTMLElement {
  const today = events.filter((e) => e.day === date);
  if (today.length === 0) return h('p', { class: 'none' }, `No events on ${date}.`);
  return h(
    'ul',
    { class: 'day-events' },
    ...today.map((e) =>
      h(
        'li',
        { class: e.hypothetical ? 'is-hyp' : '', 'data-event': e.id },
        h('button', { type: 'button', class: 'link', onclick: () => onOpen(e) }, e.summary),
        ' ',
        h('span', { class: 'meta said-by' }, attribution(e, outlet)),
        e.hypothetical ? h('span', { class: 'badge hyp' }, '◆ hypothetical') : null,
      ),
    ),
  );
}
