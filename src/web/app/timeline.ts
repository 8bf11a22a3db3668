// The timeline strip (rounds as bands, events as marks, the chosen date as a
// line) and the list of the chosen day's events. Hypothetical events are
// diamonds and say "hypothetical"; reported ones are circles.
import type { RoundSpan, Timeline, TimelineEvent } from './api-client.js';
import { h, s } from './dom.js';
import { dayNumber } from '../../domain/dates.js';

const W = 960;
const H = 86;
const PAD = 16;

export function renderStrip(timeline: Timeline, range: { first: string; last: string }, selected: string): SVGElement {
  const x0 = dayNumber(range.first)!;
  const x1 = Math.max(dayNumber(range.last)!, x0 + 1);
  const x = (date: string) => PAD + ((dayNumber(date.length === 7 ? `${date}-01` : date)! - x0) / (x1 - x0)) * (W - 2 * PAD);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Timeline from ${range.first} to ${range.last}: ${timeline.rounds.length} round(s), ${timeline.events.length} event(s)`, class: 'strip' });
  for (const r of timeline.rounds) {
    const end = r.closed ?? range.last;
    const left = x(r.opened);
    const g = s('g', { class: `round${r.hypothetical ? ' is-hyp' : ''}` }, s('title', {}, roundText(r)));
    g.append(s('rect', { x: left, y: 8, width: Math.max(6, x(end) - left), height: 22, rx: 4 }), s('text', { x: left + 4, y: 23 }, r.venue));
    svg.append(g);
  }
  svg.append(s('line', { x1: PAD, x2: W - PAD, y1: 52, y2: 52, class: 'axis' }));
  // One mark per day, with the day's count: busy days would otherwise pile up into the round bands.
  const perDay = new Map<string, TimelineEvent[]>();
  for (const e of timeline.events) perDay.set(e.occurred, [...(perDay.get(e.occurred) ?? []), e]);
  for (const [date, events] of perDay) {
    const cx = x(date);
    const cy = 52;
    const hyp = events.some((e) => e.hypothetical);
    const title = s('title', {}, `${date}: ${events.length} event${events.length === 1 ? '' : 's'}${hyp ? ', some hypothetical' : ''}`);
    svg.append(
      hyp
        ? s('path', { d: `M${cx},${cy - 6} L${cx + 6},${cy} L${cx},${cy + 6} L${cx - 6},${cy} z`, class: 'mark is-hyp' }, title)
        : s('circle', { cx, cy, r: 4, class: 'mark' }, title),
    );
    if (events.length > 1) svg.append(s('text', { x: cx, y: cy + 18, 'text-anchor': 'middle', class: 'count' }, String(events.length)));
  }
  svg.append(
    s('text', { x: PAD, y: H - 6, class: 'tick' }, range.first),
    s('text', { x: W - PAD, y: H - 6, 'text-anchor': 'end', class: 'tick' }, range.last),
    s('line', { x1: x(selected), x2: x(selected), y1: 2, y2: 62, class: 'cursor' }),
  );
  return svg;
}

export function roundText(r: RoundSpan): string {
  return `${r.venue} round (${r.id}): opened ${r.opened}${r.closed ? `, closed ${r.closed}` : ', no closing reported'}${r.hypothetical ? ' (hypothetical)' : ''}`;
}

export function renderDayEvents(events: readonly TimelineEvent[], date: string, outlet: (source: string | null) => string, onOpen: (e: TimelineEvent) => void): HTMLElement {
  const today = events.filter((e) => e.occurred === date || e.occurred === date.slice(0, 7));
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
        h('span', { class: 'meta' }, `${e.type} · ${e.hypothetical ? 'scenario' : `according to ${outlet(e.source)}`}`),
        e.hypothetical ? h('span', { class: 'badge hyp' }, '◆ hypothetical') : null,
      ),
    ),
  );
}
