// The deal's statechart laid out by ELK (the layered algorithm Stately's tools
// use): the machine's structure becomes an ELK graph whose boxes are sized for
// the fonts they will be drawn in, and ELK's answer becomes absolute boxes and
// edge routes. No DOM here, so the layout is unit-tested in Node; the browser
// module only draws what this returns.
import type { ELK as Elk, ElkExtendedEdge, ElkLabel, ElkNode } from 'elkjs/lib/elk-api.js';
import type { MachineNode } from '../../model/machine-structure.js';

/** Font sizes in px: state names, transition labels, and the "now" / "what-if" markers. */
export interface ChartFonts {
  readonly name: number;
  readonly label: number;
  readonly marker: number;
}

export type Direction = 'RIGHT' | 'DOWN';

export interface LayoutOptions {
  readonly fonts: ChartFonts;
  /** The width in px of `text` at `px` (the browser measures; tests approximate). */
  readonly measure: (text: string, px: number) => number;
  readonly direction: Direction;
  /**
   * For the folded, one-row chart: labels name events only (guards stay in the
   * tooltip), spacing is tight, the markers stack, and arrows with the same
   * events into one state share a trunk and its label.
   */
  readonly compact?: boolean;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect extends Point {
  readonly w: number;
  readonly h: number;
}

export interface PlacedState extends Rect {
  /** Dotted machine path, e.g. "negotiating.roundInSession". */
  readonly path: string;
  readonly name: string;
  readonly compound: boolean;
  readonly final: boolean;
  /** Events the state handles without leaving it, as "EVENT [guard]". */
  readonly inPlace: readonly string[];
  /** For a state drawn with its substates folded in: their dotted paths (else empty). */
  readonly folded: readonly string[];
}

export interface PlacedEdge {
  readonly id: string;
  /** A machine path, or `initial:` + the parent's path for the start dot's arrow. */
  readonly from: string;
  readonly to: string;
  /** One entry per transition drawn by this edge: the event, and its guard or null. */
  readonly transitions: readonly { readonly event: string; readonly guard: string | null }[];
  /** The route, start to arrowhead, in absolute coordinates. */
  readonly points: readonly Point[];
  readonly label: Rect | null;
}

export interface StatechartLayout {
  readonly width: number;
  readonly height: number;
  readonly fonts: ChartFonts;
  /** Whether labels leave guards out (LayoutOptions.compact). */
  readonly compact: boolean;
  readonly states: readonly PlacedState[];
  /** The start dots: one at the top level and one inside each compound state. */
  readonly initials: readonly (Point & { readonly r: number; readonly parent: string })[];
  readonly edges: readonly PlacedEdge[];
}

/** "roundInSession" → "round in session"; "phase1" → "phase 1". Pure. */
export const stateWords = (key: string) => key.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();

/** The marker line every leaf box reserves, so marking a state never moves the layout. */
export const markerText = { now: '● now', whatIf: '◆ what-if' } as const;

/**
 * The note under "● now" when the state is a round in session that no report
 * has placed in session on the date: "last reported 22 Aug". Pure.
 */
export const staleRoundNote = (day: string) => `last reported ${Number(day.slice(8, 10))} ${months[Number(day.slice(5, 7)) - 1] ?? ''}`;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Only a round in session can be stale, so only its box (or the box it is folded into) keeps a line for the note. */
const canBeStale = (path: string) => path.split('.').pop() === 'roundInSession';

const PAD = 10;
const DOT = 8;
/** A compound state's left margin, which holds its start dot and that dot's arrow. */
const INNER_START = 2 * DOT + 26;
const lineHeight = (px: number) => Math.ceil(px * 1.3);
const initialId = (parent: string) => `initial:${parent}`;
/**
 * The lines of an edge's label: each event with its [guard] under it, or in
 * a compact chart each event once, broken after its first underscore
 * ("AGREEMENT_" / "REACHED"), since a label's width widens the whole row. Pure.
 */
export const labelLines = (transitions: readonly { readonly event: string; readonly guard: string | null }[], compact: boolean): string[] =>
  compact
    ? [...new Set(transitions.map((t) => t.event))].flatMap((event) => event.replace(/^([^_]+_)(?=.)/, '$1\n').split('\n'))
    : transitions.flatMap((t) => (t.guard ? [t.event, `[${t.guard}]`] : [t.event]));

/**
 * A leaf box: its name, then (for a folded state) a line wide enough for any
 * of its substates' names, then the marker line, and for a round in session
 * a line for its staleRoundNote. A compact box, where width is dearer than
 * height, has room for the two markers one under the other.
 */
function leafSize(path: string, name: string, folded: readonly string[], { fonts, measure, compact }: LayoutOptions): { width: number; height: number } {
  const marker = compact ? Math.max(measure(markerText.now, fonts.marker), measure(markerText.whatIf, fonts.marker)) : measure(`${markerText.now}  ${markerText.whatIf}`, fonts.marker);
  const sub = folded.map((p) => measure(substateText(p), fonts.marker));
  const stale = [path, ...folded].some(canBeStale);
  const note = stale ? months.map((m) => measure(`last reported 28 ${m}`, fonts.marker)) : [];
  const lines = (folded.length > 0 ? 1 : 0) + (compact ? 2 : 1) + (stale ? 1 : 0);
  return { width: Math.ceil(Math.max(measure(name, fonts.name), marker, ...sub, ...note) + 2 * PAD), height: lineHeight(fonts.name) + lines * lineHeight(fonts.marker) + 2 * PAD };
}

/** How a folded substate is named under its parent's name: "negotiating.roundInSession" → "— round in session". Pure. */
export const substateText = (path: string) => `— ${path.split('.').slice(1).map(stateWords).join(', ')}`;

/** A machine whose top-level states have their substates folded in (see foldMachine). */
export interface FoldedMachine extends MachineNode {
  readonly children: readonly FoldedState[];
}

/** A top-level state with no children left: `folded` lists the dotted paths of the leaf states it stands for. */
export interface FoldedState extends MachineNode {
  readonly folded: readonly string[];
}

const topOf = (path: string) => path.split('.')[0]!;
const leavesOf = (node: MachineNode): string[] => node.children.flatMap((c) => (c.children.length === 0 ? [c.path] : leavesOf(c)));

/**
 * The machine with every top-level state's substates folded into it, for a
 * chart one row tall. Each transition is lifted to the top-level states it
 * connects, once per (source, target, event, guard); a transition whose ends
 * fold into the same state becomes one handled in place, unless the top-level
 * state itself declares it (a real re-entry). Every top-level state stays, in
 * the spec's order. Pure and deterministic.
 */
export function foldMachine(machine: MachineNode): FoldedMachine {
  const children = machine.children.map((top): FoldedState => {
    const moving = new Map<string, MachineNode['transitions'][number]>();
    const inPlace = new Map<string, MachineNode['transitions'][number]>();
    const visit = (node: MachineNode) => {
      for (const t of node.transitions) {
        const ownLoop = node === top && !t.inPlace;
        for (const to of [...new Set(t.targets.map(topOf))]) {
          const stays = to === top.path && !ownLoop;
          const key = `${to}\u0000${t.event}\u0000${t.guard ?? ''}`;
          const into = stays ? inPlace : moving;
          if (!into.has(key)) into.set(key, { event: t.event, guard: t.guard, targets: [to], inPlace: stays });
        }
      }
      node.children.forEach(visit);
    };
    visit(top);
    return { path: top.path, key: top.key, initial: null, final: top.final, children: [], transitions: [...moving.values(), ...inPlace.values()], folded: leavesOf(top) };
  });
  return { ...machine, children };
}

interface Grouped {
  readonly from: string;
  readonly to: string;
  readonly transitions: { event: string; guard: string | null }[];
}

/** Transitions that move the machine, one group per (source, target) pair, in the machine's order. */
function movingTransitions(machine: MachineNode): Grouped[] {
  const groups = new Map<string, Grouped>();
  const visit = (node: MachineNode) => {
    for (const t of node.transitions) {
      if (t.inPlace) continue;
      for (const to of t.targets) {
        const key = `${node.path}\u0000${to}`;
        if (!groups.has(key)) groups.set(key, { from: node.path, to, transitions: [] });
        groups.get(key)!.transitions.push({ event: t.event, guard: t.guard });
      }
    }
    node.children.forEach(visit);
  };
  machine.children.forEach(visit);
  return [...groups.values()];
}

/**
 * The ELK graph for a machine: a node per state (compound states hold their
 * children), a start dot per level, one edge per (source, target) pair with
 * its events as a label sized by `measure`. Pure.
 */
export function toElkGraph(machine: MachineNode, options: LayoutOptions): ElkNode {
  const { fonts, measure } = options;
  // Between layers the labels stand: a compact chart keeps only a little air around them.
  const air = options.compact ? 0.6 : 1;
  const edges: ElkExtendedEdge[] = [];
  const nodeOf = (node: MachineNode): ElkNode => {
    const name = stateWords(node.key);
    if (node.children.length === 0) return { id: node.path, ...leafSize(node.path, name, foldedOf(node), options) };
    const header = lineHeight(fonts.name) + PAD;
    return {
      id: node.path,
      layoutOptions: {
        'elk.padding': `[top=${header + PAD},left=${INNER_START},bottom=${PAD + 4},right=${PAD + 4}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${Math.ceil(measure(name, fonts.name) + 2 * PAD)}, ${header})`,
      },
      children: levelOf(node),
    };
  };
  const levelOf = (parent: MachineNode): ElkNode[] => {
    const nodes = parent.children.map(nodeOf);
    // Only the top level's start dot is a node; inside a compound state the dot sits in its left
    // margin (fromElk), since a node of its own would cost the box a whole layer.
    if (parent.initial !== null && parent.path === '') {
      const first = parent.children.find((c) => c.key === parent.initial);
      if (first) {
        nodes.unshift({ id: initialId(parent.path), width: 2 * DOT, height: 2 * DOT });
        edges.push({ id: `e${edges.length}`, sources: [initialId(parent.path)], targets: [first.path] });
      }
    }
    return nodes;
  };
  const children = levelOf(machine);
  // A compact chart merges the arrows into one target (ELK's mergeEdges), so arrows with the same
  // events into the same state end in one trunk, which carries their label once. Only arrows
  // running the same way (by the spec's order) share a trunk: a way back enters elsewhere.
  const order = new Map(machine.children.map((c, i) => [c.path, i]));
  const forward = (from: string, to: string) => (order.get(topOf(from)) ?? 0) < (order.get(topOf(to)) ?? 0);
  const labelled = new Set<string>();
  for (const g of movingTransitions(machine)) {
    const lines = labelLines(g.transitions, options.compact ?? false);
    const text = lines.join('\n');
    const shared = `${g.to}\u0000${forward(g.from, g.to)}\u0000${text}`;
    const labels: ElkLabel[] = options.compact && labelled.has(shared) ? [] : [{ text, width: Math.ceil(Math.max(...lines.map((l) => measure(l, fonts.label))) + 6), height: lines.length * lineHeight(fonts.label) + 4 }];
    labelled.add(shared);
    edges.push({ id: `e${edges.length}`, sources: [g.from], targets: [g.to], labels });
  }
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': options.direction,
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(Math.round(fonts.label * 2 * air)),
      'elk.layered.spacing.edgeNodeBetweenLayers': String(Math.round(fonts.label * air)),
      'elk.spacing.nodeNode': String(Math.round(fonts.label * 1.6 * air)),
      'elk.spacing.edgeEdge': String(Math.round(fonts.label * 0.8 * air)),
      'elk.spacing.edgeNode': String(Math.round(fonts.label * air)),
      'elk.spacing.edgeLabel': '4',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      // The spec's order (negotiating, agreed, phase 1 ...) is the story's: arrows against it are the way back.
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      ...(options.compact ? { 'elk.layered.mergeEdges': 'true', 'elk.layered.edgeLabels.sideSelection': 'ALWAYS_UP' } : {}),
    },
    children,
    edges,
  };
}

const foldedOf = (node: MachineNode): readonly string[] => ('folded' in node ? (node as FoldedState).folded : []);

/** Every (path → node) pair of the machine. */
function machineNodes(machine: MachineNode): Map<string, MachineNode> {
  const all = new Map<string, MachineNode>();
  const visit = (n: MachineNode) => {
    all.set(n.path, n);
    n.children.forEach(visit);
  };
  machine.children.forEach(visit);
  return all;
}

/**
 * ELK's answer as absolute boxes and routes. ELK gives a node's position
 * relative to its parent and an edge's relative to its container. Pure.
 */
export function fromElk(machine: MachineNode, laidOut: ElkNode, fonts: ChartFonts, compact = false): StatechartLayout {
  const byPath = machineNodes(machine);
  const origin = new Map<string, Point>([['root', { x: 0, y: 0 }]]);
  const states: PlacedState[] = [];
  const initials: (Point & { r: number; parent: string })[] = [];
  const visit = (node: ElkNode, offset: Point) => {
    const x = offset.x + (node.x ?? 0);
    const y = offset.y + (node.y ?? 0);
    origin.set(node.id, { x, y });
    const m = byPath.get(node.id);
    if (m) {
      const inPlace = m.transitions.filter((t) => t.inPlace).map((t) => (t.guard ? `${t.event} [${t.guard}]` : t.event));
      states.push({ path: m.path, name: stateWords(m.key), x, y, w: node.width ?? 0, h: node.height ?? 0, compound: m.children.length > 0, final: m.final, inPlace, folded: foldedOf(m) });
    } else if (node.id.startsWith('initial:')) {
      initials.push({ x: x + DOT, y: y + DOT, r: DOT, parent: node.id.slice('initial:'.length) });
    }
    for (const child of node.children ?? []) visit(child, { x, y });
  };
  for (const child of laidOut.children ?? []) visit(child, { x: 0, y: 0 });
  const starts: PlacedEdge[] = [];
  for (const st of states) {
    const m = byPath.get(st.path)!;
    const first = m.initial === null ? undefined : states.find((c) => c.path === `${m.path}.${m.initial}`);
    if (!first) continue;
    const cy = first.y + first.h / 2;
    const dot = { x: first.x - 20, y: cy, r: DOT - 2, parent: m.path };
    initials.push(dot);
    starts.push({ id: `start:${m.path}`, from: initialId(m.path), to: first.path, transitions: [], points: [{ x: dot.x + dot.r, y: cy }, { x: first.x, y: cy }], label: null });
  }
  const edges = (laidOut.edges ?? []).map((e): PlacedEdge => {
    const at = origin.get(e.container ?? 'root') ?? { x: 0, y: 0 };
    const move = (p: Point): Point => ({ x: at.x + p.x, y: at.y + p.y });
    const points = (e.sections ?? []).flatMap((s, i) => [...(i === 0 ? [s.startPoint] : []), ...(s.bendPoints ?? []), s.endPoint]).map(move);
    const l = e.labels?.[0];
    const from = e.sources[0]!;
    const to = e.targets[0]!;
    const transitions = from.startsWith('initial:')
      ? []
      : (byPath.get(from)?.transitions ?? []).filter((t) => !t.inPlace && t.targets.includes(to)).map((t) => ({ event: t.event, guard: t.guard }));
    return { id: e.id, from, to, transitions, points, label: l ? { ...move({ x: l.x ?? 0, y: l.y ?? 0 }), w: l.width ?? 0, h: l.height ?? 0 } : null };
  });
  return { width: Math.ceil(laidOut.width ?? 0), height: Math.ceil(laidOut.height ?? 0), fonts, compact, states, initials, edges: [...edges, ...starts] };
}

// Loaded on first use: ELK is most of the page's code, and nothing else waits for it.
let elk: Promise<Elk> | null = null;
function loadElk(): Promise<Elk> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((bundle) => {
    // The bundle is CommonJS: Node's default export is its module.exports (the
    // constructor, which also carries itself as `default`), the bundler's the constructor.
    const exported = bundle.default as unknown as { default?: unknown };
    const ElkConstructor = (exported.default ?? exported) as new () => Elk;
    return new ElkConstructor();
  });
  return elk;
}

/** Lays out a machine's statechart. Deterministic: the same machine and options give the same layout. */
export async function layoutStatechart(machine: MachineNode, options: LayoutOptions): Promise<StatechartLayout> {
  return fromElk(machine, await (await loadElk()).layout(toElkGraph(machine, options)), options.fonts, options.compact ?? false);
}
