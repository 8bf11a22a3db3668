// Gaps over time: for each day, how many terms stand at each gap status,
// stacked (the stack is always the number of terms), with a line for how many
// gaps are contested. Each status has its own fill pattern as well as colour,
// and a legend says what each means. With a scenario, the what-if gets its own
// chart below on the same axis. Drawn at the holder's pixel width, so text
// keeps its size whatever the screen; redrawn on a resize or class-mode switch.
import type { TimelineDay } from './api-client.js';
import { s, h } from './dom.js';
import { dayNumber, isoFromDayNumber } from '../../domain/dates.js';
import { gapWords } from './gap-words.js';
import './chart.css';

export interface GapsChartInput {
  readonly reported: readonly TimelineDay[];
  readonly whatIf: readonly TimelineDay[] | null;
  readonly range: { readonly first: string; readonly last: string };
  readonly selected: string;
  /** The number of terms, the top of the scale. */
  readonly terms: number;
}

/** Bottom to top of the stack: settled first, unknown last. */
const statuses = (['agreed', 'bridged', 'undetermined', 'open', 'unknown'] as const).map((status) => ({ status, ...gapWords[status] }));

const sizes = (classMode: boolean) => (classMode ? { font: 18, height: 300 } : { font: 13, height: 220 });
const short = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** The count at each status on each day, holding the last day's counts until the next. */
function valueOn(days: readonly TimelineDay[], date: string): TimelineDay | null {
  let last: TimelineDay | null = null;
  for (const d of days) if (d.date <= date) last = d;
  return last;
}

function patterns(id: string): SVGElement {
  const hatch = (name: string, angle: number, gap: number, width: number) =>
    s('pattern', { id: `${id}-${name}`, width: gap, height: gap, patternUnits: 'userSpaceOnUse', patternTransform: `rotate(${angle})` }, s('rect', { width: gap, height: gap, class: `fill-${name}` }), s('line', { x1: 0, y1: 0, x2: 0, y2: gap, class: `hatch-${name}`, 'stroke-width': width }));
  return s(
    'defs',
    {},
    s('pattern', { id: `${id}-agreed`, width: 8, height: 8, patternUnits: 'userSpaceOnUse' }, s('rect', { width: 8, height: 8, class: 'fill-agreed' })),
    hatch('bridged', 45, 8, 2),
    s('pattern', { id: `${id}-undetermined`, width: 8, height: 8, patternUnits: 'userSpaceOnUse' }, s('rect', { width: 8, height: 8, class: 'fill-undetermined' }), s('circle', { cx: 4, cy: 4, r: 1.6, class: 'dot-undetermined' })),
    hatch('open', -45, 7, 3),
    hatch('unknown', 0, 8, 1.5),
  );
}

function draw(input: GapsChartInput, days: readonly TimelineDay[], width: number, classMode: boolean, id: string, title: string): SVGElement {
  const { font, height } = sizes(classMode);
  const pad = { left: Math.ceil(font * 2.2), right: 12, top: Math.ceil(font * 2), bottom: Math.ceil(font * 2.2) };
  const x0 = dayNumber(input.range.first)!;
  const x1 = Math.max(dayNumber(input.range.last)!, x0 + 1);
  const plotW = width - pad.left - pad.right;
  const x = (date: string) => pad.left + ((dayNumber(date)! - x0) / (x1 - x0)) * plotW;
  const y = (v: number) => height - pad.bottom - (v / Math.max(1, input.terms)) * (height - pad.top - pad.bottom);
  const selected = valueOn(days, input.selected);
  const summary = selected ? statuses.map((st) => `${selected.gaps[st.status] ?? 0} ${st.label.toLowerCase()}`).join(', ') + `; ${selected.contested} contested` : 'no events yet';
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, class: 'gaps-chart' });
  svg.append(s('title', { id: `${id}-title` }, title), s('desc', { id: `${id}-desc` }, `On ${input.selected}: ${summary}. Over time: ${days.map((d) => `${d.date}: ${d.gaps.open ?? 0} open, ${(d.gaps.bridged ?? 0) + (d.gaps.agreed ?? 0)} bridged or agreed`).join('; ')}.`), patterns(id));

  // A step per day: each status's band from the sum of those below it to that plus its own count.
  const points = days;
  const edgeX = (i: number) => x(points[i]!.date);
  const endX = x(input.range.last);
  for (const [k, st] of statuses.entries()) {
    const below = (d: TimelineDay) => statuses.slice(0, k).reduce((n, b) => n + (d.gaps[b.status] ?? 0), 0);
    if (points.length === 0) break;
    let top = '';
    let bottom = '';
    points.forEach((d, i) => {
      const xa = edgeX(i);
      const xb = i + 1 < points.length ? edgeX(i + 1) : endX;
      top += `${i === 0 ? 'M' : 'L'}${xa},${y(below(d) + (d.gaps[st.status] ?? 0))} L${xb},${y(below(d) + (d.gaps[st.status] ?? 0))} `;
      bottom = `L${xb},${y(below(d))} L${xa},${y(below(d))} ` + bottom;
    });
    svg.append(s('path', { d: `${top}${bottom}Z`, class: `band band-${st.status}`, fill: `url(#${id}-${st.status})` }, s('title', {}, st.label)));
  }
  // The grid and the scale over the bands, so they read through.
  const step = Math.max(1, Math.ceil(input.terms / 5));
  for (let v = 0; v <= input.terms; v += step) {
    svg.append(s('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v), class: 'grid' }), s('text', { x: pad.left - 6, y: y(v) + font * 0.35, 'text-anchor': 'end', class: 'tick' }, String(v)));
  }
  if (points.length > 0) {
    let d = '';
    points.forEach((p, i) => (d += `${i === 0 ? 'M' : 'L'}${edgeX(i)},${y(p.contested)} L${i + 1 < points.length ? edgeX(i + 1) : endX},${y(p.contested)} `));
    svg.append(s('path', { d, class: 'contested-line' }, s('title', {}, 'Contested gaps')));
  }
  // Date ticks spaced by their label's width, so none overlap.
  const labelW = font * 4.2;
  const every = Math.max(1, Math.ceil((x1 - x0) / Math.max(1, Math.floor(plotW / (labelW + font)))));
  let free = 0;
  for (let n = x0; n <= x1; n += every) {
    const date = isoFromDayNumber(n);
    const at = x(date);
    const w = short(date).length * font * 0.62;
    // Clear of the value scale on the left and of the edge on the right.
    const anchor = at - w / 2 < pad.left ? 'start' : at + w / 2 > width ? 'end' : 'middle';
    const left = anchor === 'start' ? at : anchor === 'end' ? at - w : at - w / 2;
    if (left < free) continue;
    free = left + w + font;
    svg.append(s('line', { x1: at, x2: at, y1: height - pad.bottom, y2: height - pad.bottom + 5, class: 'axis' }), s('text', { x: at, y: height - pad.bottom + font + 5, 'text-anchor': anchor, class: 'tick' }, short(date)));
  }
  // The cursor, labelled above the plot where no tick is.
  const cx = x(input.selected);
  const anchor = cx < pad.left + labelW ? 'start' : cx > width - pad.right - labelW ? 'end' : 'middle';
  svg.append(s('line', { x1: cx, x2: cx, y1: pad.top - 4, y2: height - pad.bottom, class: 'cursor' }), s('text', { x: cx, y: pad.top - 8, 'text-anchor': anchor, class: 'cursor-label' }, `▼ ${short(input.selected)}`));
  return svg;
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'gaps-legend' },
    ...statuses.map((st) => h('li', {}, h('span', { class: `swatch swatch-${st.status}`, 'aria-hidden': 'true' }), h('strong', {}, st.label), `: ${st.meaning}`)),
    h('li', {}, h('span', { class: 'line-swatch contested', 'aria-hidden': 'true' }), h('strong', {}, 'Contested'), ' (dotted line): how many gaps another current claim of a side would change'),
    h('li', {}, h('span', { class: 'line-swatch cursor', 'aria-hidden': 'true' }), h('strong', {}, 'Date shown'), ' (blue vertical line, ▼)'),
  );
}

const live = new Map<HTMLElement, () => void>();
let watching = false;
function watch(): void {
  if (watching) return;
  watching = true;
  const again = () => live.forEach((f, holder) => (holder.isConnected ? f() : live.delete(holder)));
  new MutationObserver(again).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  window.addEventListener('resize', again);
}

let lastWidth = 0;

/** The gaps chart(s) and their legend; drawn at once at the last known width, and again once placed. */
export function renderGapsChart(input: GapsChartInput): HTMLElement {
  const holder = h('div', { class: 'gaps-charts' });
  const paint = (width: number) => {
    if (width <= 0) return;
    lastWidth = width;
    const classMode = document.body.classList.contains('class-mode');
    const charts: Node[] = [draw(input, input.reported, width, classMode, 'gaps-reported', 'Gaps over time, reported')];
    if (input.whatIf) charts.push(h('h3', { class: 'whatif-h' }, '◆ What-if (hypothetical)'), draw(input, input.whatIf, width, classMode, 'gaps-whatif', 'Gaps over time, what-if'));
    holder.replaceChildren(...charts, legend());
    holder.dataset.width = String(width);
  };
  for (const old of live.keys()) if (!old.isConnected) live.delete(old);
  live.set(holder, () => paint(holder.clientWidth));
  watch();
  paint(lastWidth || 600);
  requestAnimationFrame(() => holder.clientWidth !== Number(holder.dataset.width) && paint(holder.clientWidth));
  return holder;
}
