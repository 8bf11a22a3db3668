// Gaps over time as an inline SVG step chart: open gaps (solid) and bridged or
// agreed ones (dashed), with the what-if's open gaps when a scenario is shown.
import type { TimelineDay } from './api-client.js';
import { s } from './dom.js';
import { dayNumber } from '../../domain/dates.js';

export interface Series {
  readonly name: string;
  readonly className: string;
  readonly days: readonly TimelineDay[];
  readonly value: (d: TimelineDay) => number;
}

const W = 640;
const H = 180;
const PAD = { left: 34, right: 12, top: 14, bottom: 28 };

export function renderChart(series: readonly Series[], range: { first: string; last: string }, selected: string, maxY: number): SVGElement {
  const x0 = dayNumber(range.first)!;
  const x1 = Math.max(dayNumber(range.last)!, x0 + 1);
  const x = (date: string) => PAD.left + ((dayNumber(date)! - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / Math.max(1, maxY)) * (H - PAD.top - PAD.bottom);
  const described = series.map((ser) => `${ser.name}: ${ser.days.map((d) => `${ser.value(d)} on ${d.date}`).join(', ')}`).join('. ');
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'gaps-chart-title gaps-chart-desc', class: 'gaps-chart' });
  svg.append(s('title', { id: 'gaps-chart-title' }, 'Gaps over time'), s('desc', { id: 'gaps-chart-desc' }, described || 'No events.'));
  for (let v = 0; v <= maxY; v += Math.max(1, Math.ceil(maxY / 4))) {
    svg.append(s('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v), class: 'grid' }), s('text', { x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, String(v)));
  }
  svg.append(
    s('text', { x: PAD.left, y: H - 8, class: 'tick' }, range.first),
    s('text', { x: W - PAD.right, y: H - 8, 'text-anchor': 'end', class: 'tick' }, range.last),
  );
  for (const ser of series) {
    if (ser.days.length === 0) continue;
    let d = `M${x(range.first)},${y(0)}`;
    for (const day of ser.days) d += ` H${x(day.date)} V${y(ser.value(day))}`;
    d += ` H${x(range.last)}`;
    svg.append(s('path', { d, class: `series ${ser.className}` }, s('title', {}, ser.name)));
  }
  svg.append(s('line', { x1: x(selected), x2: x(selected), y1: PAD.top - 6, y2: H - PAD.bottom, class: 'cursor' }));
  return svg;
}
