// The deal's statechart drawn from the machine's own structure: top-level
// states in a row, a compound state's children stacked inside it, transitions
// between top-level states as arcs (forward above, backward below). The
// current state is outlined, filled and labelled "current", not coloured only.
import type { MachineNode } from './api-client.js';
import { s } from './dom.js';

const W = 130;
const GAP = 40;
const LEAF_H = 42;
const HEAD_H = 28;
const TOP = 64;
const MAX_LIFT = 52;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const words = (key: string) => key.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();

function heightOf(node: MachineNode): number {
  return node.children.length === 0 ? LEAF_H + 16 : HEAD_H + node.children.length * (LEAF_H + 10) + 6;
}

/** `active` is a dotted lifecycle path such as "negotiating.roundInSession". */
export function renderStatechart(machine: MachineNode, active: string): SVGElement {
  const tops = machine.children;
  const boxes = new Map<string, Box>();
  const height = Math.max(...tops.map(heightOf));
  tops.forEach((node, i) => {
    const box = { x: 10 + i * (W + GAP), y: TOP, w: W, h: heightOf(node) };
    boxes.set(node.path, box);
    node.children.forEach((child, j) => boxes.set(child.path, { x: box.x + 8, y: box.y + HEAD_H + j * (LEAF_H + 10), w: W - 16, h: LEAF_H }));
  });
  const width = 20 + tops.length * (W + GAP) - GAP;
  const total = TOP + height + MAX_LIFT + 8;
  const isActive = (path: string) => active === path || active.startsWith(`${path}.`);
  const svg = s('svg', { viewBox: `0 0 ${width} ${total}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc', class: 'statechart' });
  svg.append(
    s('title', { id: 'chart-title' }, 'The deal as a statechart'),
    s('desc', { id: 'chart-desc' }, `Current state: ${active.split('.').map(words).join(', ')}.`),
    s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }))),
  );

  const seen = new Set<string>();
  const edges = tops.flatMap((node) => [node, ...node.children].flatMap((n) => n.transitions.flatMap((t) => t.targets.map((target) => ({ from: n.path, to: target, event: t.event, guard: t.guard })))));
  for (const e of edges) {
    const fromTop = e.from.split('.')[0]!;
    const toTop = e.to.split('.')[0]!;
    const a = boxes.get(e.from)!;
    const b = boxes.get(e.to)!;
    if (e.from === e.to) continue;
    if (fromTop === toTop) {
      // Between siblings inside a compound state: a short vertical arrow.
      const down = b.y > a.y;
      const x = a.x + a.w / 2 + (down ? -14 : 14);
      const path = down ? `M${x},${a.y + a.h} L${x},${b.y}` : `M${x},${a.y} L${x},${b.y + b.h}`;
      svg.append(s('path', { d: path, class: 'edge', 'marker-end': 'url(#arrow)' }, s('title', {}, `${e.event}${e.guard ? ` [${e.guard}]` : ''}`)));
      continue;
    }
    const key = `${fromTop}>${toTop}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const A = boxes.get(fromTop)!;
    const B = boxes.get(toTop)!;
    const forward = B.x > A.x;
    const adjacent = Math.abs(B.x - A.x) === W + GAP;
    const label = edges.filter((x) => x.from.split('.')[0] === fromTop && x.to.split('.')[0] === toTop).map((x) => x.event).filter((v, i, all) => all.indexOf(v) === i).join(', ');
    if (forward && adjacent) {
      const y = A.y + 20;
      svg.append(
        s('path', { d: `M${A.x + A.w},${y} L${B.x},${y}`, class: 'edge', 'marker-end': 'url(#arrow)' }, s('title', {}, label)),
      );
      continue;
    }
    const x1 = A.x + A.w / 2 + (forward ? 10 : -10);
    const x2 = B.x + B.w / 2 + (forward ? -10 : 10);
    const lift = Math.min(MAX_LIFT, 16 + Math.abs(B.x - A.x) / 12);
    const path = forward
      ? `M${x1},${A.y} C${x1},${A.y - lift} ${x2},${B.y - lift} ${x2},${B.y}`
      : `M${x1},${A.y + A.h} C${x1},${A.y + A.h + lift} ${x2},${B.y + B.h + lift} ${x2},${B.y + B.h}`;
    svg.append(s('path', { d: path, class: 'edge arc', 'marker-end': 'url(#arrow)' }, s('title', {}, label)));
  }

  for (const node of tops) {
    for (const n of [node, ...node.children]) {
      const box = boxes.get(n.path)!;
      const on = isActive(n.path);
      const compound = n.children.length > 0;
      const g = s('g', { class: `state${on ? ' active' : ''}${compound ? ' compound' : ''}${n.final ? ' final' : ''}`, 'data-state': n.path });
      g.append(s('rect', { x: box.x, y: box.y, width: box.w, height: box.h, rx: compound ? 10 : 8 }));
      g.append(s('text', { x: box.x + box.w / 2, y: box.y + (compound ? 18 : box.h / 2 + (on && !compound ? -3 : 5)), 'text-anchor': 'middle' }, words(n.key)));
      if (on && !compound) g.append(s('text', { x: box.x + box.w / 2, y: box.y + box.h / 2 + 13, 'text-anchor': 'middle', class: 'now' }, '● current'));
      svg.append(g);
    }
  }
  return svg;
}
