// The deal's statechart drawn from its ELK layout (statechart-layout.ts):
// states as boxes, each transition an arrow labelled with its event. The
// current state is outlined solid and marked "● now"; a scenario's what-if
// state is outlined dashed and marked "◆ what-if", so neither relies on colour.
// The drawing is redone when the page's width or class mode changes, since
// both change the fonts or the direction that fit. In class mode the chart is
// compact, one row of top-level states with their substates folded in
// (foldMachine), so that it fits one projector screen with the matrix.
import { s } from './dom.js';
import { type ChartFonts, type Direction, type StatechartLayout, foldMachine, labelLines, layoutStatechart, markerText, stateWords, substateText } from './statechart-layout.js';
import type { MachineNode } from './api-client.js';
import './statechart.css';

/** One chart: a machine, and which of its states are marked. Paths are dotted, e.g. "negotiating.roundInSession". */
export interface ChartMarks {
  readonly now: string | null;
  readonly whatIf: string | null;
  /** Said under "● now" when the round marked in session was last reported so on an earlier day (staleRoundNote). */
  readonly nowNote?: string | null;
}

const fontsFor = (classMode: boolean): ChartFonts => (classMode ? { name: 22, label: 18, marker: 18 } : { name: 16, label: 14, marker: 14 });
// Drawn up to this much larger than laid out, to use a wide screen; class mode's
// fonts are already sized for a projector, where enlarging would only cost height.
const maxScale = (fonts: ChartFonts) => (fonts.name > 16 ? 1 : 1.2);

let canvas: CanvasRenderingContext2D | null = null;
function measure(text: string, px: number): number {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return text.length * px * 0.62;
  canvas.font = `700 ${px}px ${getComputedStyle(document.body).fontFamily}`;
  return canvas.measureText(text).width;
}

const resolved = new WeakMap<Promise<StatechartLayout>, StatechartLayout>();
const layouts = new WeakMap<MachineNode, Map<string, Promise<StatechartLayout>>>();
const foldedMachines = new WeakMap<MachineNode, MachineNode>();
function layoutFor(machine: MachineNode, fonts: ChartFonts, direction: Direction, compact = false): Promise<StatechartLayout> {
  const byKey = layouts.get(machine) ?? new Map<string, Promise<StatechartLayout>>();
  layouts.set(machine, byKey);
  const key = `${fonts.name}/${direction}/${compact}`;
  if (!byKey.has(key)) {
    if (compact && !foldedMachines.has(machine)) foldedMachines.set(machine, foldMachine(machine));
    const p = layoutStatechart(compact ? foldedMachines.get(machine)! : machine, { fonts, measure, direction, compact });
    byKey.set(key, p);
    void p.then((l) => resolved.set(p, l));
  }
  return byKey.get(key)!;
}

const isUnder = (path: string | null, state: string) => path !== null && (path === state || path.startsWith(`${state}.`));
const spoken = (path: string) => path.split('.').map(stateWords).join(', ');

function draw(l: StatechartLayout, marks: ChartMarks, scale: number, id: string): SVGElement {
  const { fonts } = l;
  const description = [marks.now ? `Current state: ${spoken(marks.now)}${marks.nowNote ? ` (${marks.nowNote})` : ''}.` : '', marks.whatIf ? `What-if state: ${spoken(marks.whatIf)}.` : ''].join(' ').trim();
  const svg = s('svg', { viewBox: `0 0 ${l.width} ${l.height}`, width: Math.round(l.width * scale), height: Math.round(l.height * scale), role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, class: 'statechart' });
  svg.append(
    s('title', { id: `${id}-title` }, 'The deal as a statechart'),
    s('desc', { id: `${id}-desc` }, description),
    s('defs', {}, s('marker', { id: `${id}-arrow`, viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '8', markerHeight: '8', markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }))),
  );
  for (const st of l.states) {
    const now = isUnder(marks.now, st.path);
    const whatIf = isUnder(marks.whatIf, st.path);
    const g = s('g', { class: `state${st.compound ? ' compound' : ''}${st.final ? ' final' : ''}${now ? ' active' : ''}${whatIf ? ' what-if' : ''}`, 'data-state': st.path });
    const tip = st.inPlace.length > 0 ? `${st.name}; handled here without leaving it: ${st.inPlace.join(', ')}` : st.name;
    g.append(s('title', {}, tip), s('rect', { x: st.x, y: st.y, width: st.w, height: st.h, rx: st.compound ? 12 : 8, class: 'box' }));
    if (st.final) g.append(s('rect', { x: st.x + 4, y: st.y + 4, width: st.w - 8, height: st.h - 8, rx: 5, class: 'inner' }));
    if (whatIf) g.append(s('rect', { x: st.x - 5, y: st.y - 5, width: st.w + 10, height: st.h + 10, rx: st.compound ? 15 : 11, class: 'what-if-ring' }));
    const cx = st.x + st.w / 2;
    const nameY = st.y + 10 + fonts.name;
    const line = Math.ceil(fonts.marker * 1.3);
    g.append(s('text', { x: cx, y: nameY, 'text-anchor': 'middle', class: 'name' }, st.name));
    // A folded state names the marked substate under its own name.
    const inside = [marks.now, marks.whatIf].find((m) => m !== null && m !== st.path && isUnder(m, st.path));
    if (st.folded.length > 0 && inside) g.append(s('text', { x: cx, y: nameY + line, 'text-anchor': 'middle', class: 'substate' }, substateText(inside)));
    if (!st.compound && (now || whatIf)) {
      // A compact box has room for the two markers one under the other, not side by side.
      const markers = [now ? markerText.now : '', whatIf ? markerText.whatIf : ''].filter(Boolean);
      const first = nameY + (st.folded.length > 0 ? 2 : 1) * line;
      const shown = l.compact ? markers : [markers.join('  ')];
      shown.forEach((marker, i) => g.append(s('text', { x: cx, y: first + i * line, 'text-anchor': 'middle', class: 'marker' }, marker)));
      if (now && marks.nowNote) g.append(s('text', { x: cx, y: first + shown.length * line, 'text-anchor': 'middle', class: 'marker-note' }, marks.nowNote));
    }
    svg.append(g);
  }
  for (const dot of l.initials) svg.append(s('circle', { cx: dot.x, cy: dot.y, r: dot.r, class: 'initial' }, s('title', {}, dot.parent ? `start of ${spoken(dot.parent)}` : 'start')));
  for (const e of l.edges) {
    const d = e.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
    const label = e.transitions.map((t) => (t.guard ? `${t.event} [${t.guard}]` : t.event)).join(', ');
    const g = s('g', { class: 'transition', 'data-from': e.from, 'data-to': e.to });
    g.append(s('path', { d, class: 'edge', 'marker-end': `url(#${id}-arrow)` }, s('title', {}, label || 'initial state')));
    if (e.label) {
      const lines = labelLines(e.transitions, l.compact);
      const lh = Math.ceil(fonts.label * 1.3);
      g.append(s('rect', { x: e.label.x, y: e.label.y, width: e.label.w, height: e.label.h, class: 'label-bg' }));
      const text = s('text', { class: 'label', x: e.label.x + e.label.w / 2, 'text-anchor': 'middle' });
      lines.forEach((line, i) => text.append(s('tspan', { x: e.label!.x + e.label!.w / 2, y: e.label!.y + 2 + fonts.label + i * lh, class: line.startsWith('[') ? 'guard' : 'event' }, line)));
      g.append(text);
    }
    svg.append(g);
  }
  return svg;
}

let lastWidth = 0;

/** The layout that fits `available` px: across the page if it fits, else down it if that is narrower. */
async function fitting(machine: MachineNode, fonts: ChartFonts, available: number): Promise<StatechartLayout> {
  const across = await layoutFor(machine, fonts, 'RIGHT');
  if (across.width <= available) return across;
  const down = await layoutFor(machine, fonts, 'DOWN');
  return down.width < across.width ? down : across;
}

/** The layout `paint` would draw, if ELK has already answered for it. */
function knownLayout(machine: MachineNode): StatechartLayout | undefined {
  const classMode = document.body.classList.contains('class-mode');
  const fonts = fontsFor(classMode);
  if (classMode) return resolved.get(layoutFor(machine, fonts, 'RIGHT', true));
  const [across, down] = [layoutFor(machine, fonts, 'RIGHT'), layoutFor(machine, fonts, 'DOWN')].map((p) => resolved.get(p));
  if (!across || across.width <= lastWidth) return across;
  return down && down.width < across.width ? down : across;
}

function show(holder: HTMLElement, l: StatechartLayout, marks: ChartMarks, id: string, available: number): void {
  // Never smaller than laid out (the holder scrolls instead), so text keeps its size.
  const scale = Math.max(1, Math.min(maxScale(l.fonts), available / l.width));
  const svg = draw(l, marks, scale, id);
  svg.style.width = `${Math.round(l.width * scale)}px`;
  svg.style.height = `${Math.round(l.height * scale)}px`;
  holder.replaceChildren(svg);
  holder.dataset.drawn = 'true';
  // When the chart is wider than the screen, start with the marked state in view.
  const marked = l.states.find((st) => !st.compound && (isUnder(marks.now, st.path) || isUnder(marks.whatIf, st.path)));
  if (marked && l.width * scale > available) holder.scrollLeft = Math.max(0, (marked.x + marked.w / 2) * scale - available / 2);
}

async function paint(holder: HTMLElement, machine: MachineNode, marks: ChartMarks, id: string): Promise<void> {
  if (!holder.isConnected) return;
  const classMode = document.body.classList.contains('class-mode');
  const fonts = fontsFor(classMode);
  const available = Math.max(200, holder.clientWidth - 4);
  lastWidth = available;
  const l = classMode ? await layoutFor(machine, fonts, 'RIGHT', true) : await fitting(machine, fonts, available);
  show(holder, l, marks, id, available);
}

// Charts on the page, repainted on a resize or a class-mode switch; dropped once replaced.
const live = new Map<HTMLElement, () => void>();
let watching = false;
function watch(): void {
  if (watching) return;
  watching = true;
  const repaint = () => {
    for (const [holder, again] of live) holder.isConnected ? again() : live.delete(holder);
  };
  new MutationObserver(repaint).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  let last = window.innerWidth;
  window.addEventListener('resize', () => {
    if (Math.abs(window.innerWidth - last) < 40) return;
    last = window.innerWidth;
    repaint();
  });
}

/**
 * A statechart of `machine` with the marked states, drawn once laid out
 * (the element is returned at once and filled in when ELK answers).
 */
export function renderStatechart(machine: MachineNode, marks: ChartMarks, id = 'statechart-svg'): HTMLElement {
  const holder = document.createElement('div');
  holder.className = 'statechart-holder';
  holder.tabIndex = 0;
  holder.setAttribute('role', 'group');
  holder.setAttribute('aria-label', 'Statechart (scrolls sideways when wider than the screen)');
  const again = () => void paint(holder, machine, marks, id);
  for (const old of live.keys()) if (!old.isConnected) live.delete(old);
  live.set(holder, again);
  watch();
  // Redrawn on every date change: when the layout is known, draw at once, so the page does not jump.
  const ready = knownLayout(machine);
  if (ready && lastWidth > 0) show(holder, ready, marks, id, lastWidth);
  requestAnimationFrame(again);
  return holder;
}

/**
 * The statecharts for one view: the reported log's, with the current state
 * and (when the what-if runs under the same spec) the what-if state; and,
 * when the scenario names its own deal spec, that spec's chart with the
 * what-if state, titled so.
 */
export function renderStatecharts(machine: MachineNode, now: string, whatIf: { readonly machine: MachineNode | null; readonly state: string } | null, nowNote: string | null = null): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'statecharts';
  const sameSpec = whatIf !== null && whatIf.machine === null;
  wrap.append(renderStatechart(machine, { now, whatIf: sameSpec ? whatIf.state : null, nowNote }));
  if (whatIf?.machine) {
    const h = document.createElement('h3');
    h.textContent = 'The what-if runs under the scenario’s own deal spec:';
    wrap.append(h, renderStatechart(whatIf.machine, { now: null, whatIf: whatIf.state }, 'statechart-whatif-svg'));
  }
  const key = document.createElement('p');
  key.className = 'statechart-key';
  // Both readings of the arrows are in the page; class mode's stylesheet shows the compact chart's.
  const full = document.createElement('span');
  full.className = 'key-full';
  full.textContent = ' Arrows are labelled with the event that moves the deal, and [a condition] it must meet; hover a state for the events it handles without leaving.';
  const compact = document.createElement('span');
  compact.className = 'key-compact';
  compact.textContent = ' The current stage names its step under its name; arrows are labelled with the events that move the deal from one stage to another.';
  key.append(`${markerText.now}: the state on this date (solid outline).${whatIf ? ` ${markerText.whatIf}: the what-if’s state (dashed outline).` : ''}`, full, compact);
  wrap.append(key);
  return wrap;
}
