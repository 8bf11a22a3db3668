// The statechart's layout, computed by ELK in Node exactly as in the browser:
// every transition that moves the machine is drawn and labelled with its
// event, no two arrows share an arrowhead, boxes hold their children and their
// names, and the layout follows the deal spec (a two-phase spec draws two phases).
import { describe, expect, it } from 'vitest';
import { dealSpecSchema } from '../src/domain/deal-spec.js';
import { defaultDealSpec } from '../src/domain/default-deal.js';
import { type MachineNode, machineStructure } from '../src/model/machine-structure.js';
import { type ChartFonts, type Direction, type Rect, type StatechartLayout, foldMachine, labelLines, layoutStatechart, stateWords, substateText } from '../src/web/app/statechart-layout.js';

// A generous stand-in for the browser's text measurement: the layout only needs a width per string.
const measure = (text: string, px: number) => text.length * px * 0.62;
const normal: ChartFonts = { name: 16, label: 14, marker: 14 };
const classroom: ChartFonts = { name: 22, label: 18, marker: 18 };

const twoPhases = dealSpecSchema.parse({
  id: 'two-phases',
  label: 'Two phases',
  phases: [
    { label: 'First', days: 60, nextPhaseTalksDueDay: 30, requires: 'agreement' },
    { label: 'Second', days: null, requires: 'phase-agreement' },
  ],
});

const layout = (machine: MachineNode, fonts = normal, direction: Direction = 'RIGHT') => layoutStatechart(machine, { fonts, measure, direction });

function allNodes(machine: MachineNode): MachineNode[] {
  return machine.children.flatMap((n) => [n, ...allNodes(n)]);
}

const inside = (inner: Rect, outer: Rect) => inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.w <= outer.x + outer.w + 0.5 && inner.y + inner.h <= outer.y + outer.h + 0.5;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function checkLayout(machine: MachineNode, l: StatechartLayout): void {
  const nodes = allNodes(machine);
  const placed = new Map(l.states.map((s) => [s.path, s]));
  // Every state is placed, children inside their parent, siblings apart.
  expect([...placed.keys()].sort()).toEqual(nodes.map((n) => n.path).sort());
  for (const n of nodes) {
    const box = placed.get(n.path)!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.w).toBeLessThanOrEqual(l.width + 0.5);
    expect(box.y + box.h).toBeLessThanOrEqual(l.height + 0.5);
    expect(measure(stateWords(n.key), l.fonts.name)).toBeLessThan(box.w);
    for (const c of n.children) expect(inside(placed.get(c.path)!, box), `${c.path} inside ${n.path}`).toBe(true);
    const siblings = (n.path.includes('.') ? nodes.filter((m) => m.path.split('.').length === n.path.split('.').length && m.path.split('.')[0] === n.path.split('.')[0]) : machine.children).filter((m) => m !== n);
    for (const m of siblings) expect(overlap(box, placed.get(m.path)!), `${n.path} and ${m.path} overlap`).toBe(false);
  }
  // Every moving transition is on an edge from its source to its target, labelled with its event and guard.
  for (const n of nodes) {
    for (const t of n.transitions.filter((x) => !x.inPlace)) {
      for (const to of t.targets) {
        const edge = l.edges.find((e) => e.from === n.path && e.to === to);
        expect(edge, `${n.path} → ${to}`).toBeDefined();
        expect(edge!.transitions).toContainEqual({ event: t.event, guard: t.guard });
        expect(edge!.label).not.toBeNull();
        expect(edge!.points.length).toBeGreaterThanOrEqual(2);
      }
    }
  }
  // No two arrows end at the same point: each arrowhead stands apart.
  const ends = l.edges.map((e) => ({ id: e.id, at: e.points.at(-1)! }));
  for (const a of ends) for (const b of ends) if (a.id < b.id) expect(Math.hypot(a.at.x - b.at.x, a.at.y - b.at.y), `${a.id} and ${b.id} end together`).toBeGreaterThan(6);
  // Labels do not cover any state's name or marker line (leaf boxes), nor each other.
  const leaves = l.states.filter((s) => !s.compound);
  const labels = l.edges.flatMap((e) => (e.label ? [{ id: e.id, r: e.label }] : []));
  for (const { id, r } of labels) {
    for (const s of leaves) expect(overlap(r, s), `label of ${id} over ${s.path}`).toBe(false);
    for (const o of labels) if (o.id > id) expect(overlap(r, o.r), `labels ${id} and ${o.id}`).toBe(false);
  }
}

describe('the statechart layout', () => {
  const machine = machineStructure(defaultDealSpec);

  it('places every state and labels every transition of the bundled three-phase deal, in both directions', async () => {
    for (const direction of ['RIGHT', 'DOWN'] as const) checkLayout(machine, await layout(machine, normal, direction));
  });

  it('lays out the same machine the same way every time', async () => {
    expect(await layout(machine)).toEqual(await layout(machine));
  });

  it('follows the deal spec: a two-phase spec has phase 2 but no phase 3, and is laid out as cleanly', async () => {
    const two = machineStructure(twoPhases);
    const l = await layout(two);
    checkLayout(two, l);
    const paths = l.states.map((s) => s.path);
    expect(paths).toContain('phase2');
    expect(paths).not.toContain('phase3');
  });

  it('grows the boxes with the fonts, so classroom names still fit', async () => {
    const small = await layout(machine);
    const big = await layout(machine, classroom);
    checkLayout(machine, big);
    const box = (l: StatechartLayout, path: string) => l.states.find((s) => s.path === path)!;
    expect(box(big, 'agreed').h).toBeGreaterThan(box(small, 'agreed').h);
    expect(box(big, 'negotiating.roundInSession').w).toBeGreaterThan(box(small, 'negotiating.roundInSession').w);
  });

  it('lists the events a state handles in place instead of drawing them, and starts each level at a start dot', async () => {
    const l = await layout(machine);
    const agreed = l.states.find((s) => s.path === 'agreed')!;
    expect(agreed.inPlace).toContain('ROUND_OPENED [implementationRound]');
    expect(l.edges.some((e) => e.from === 'agreed' && e.to === 'agreed')).toBe(false);
    expect(l.initials.map((i) => i.parent).sort()).toEqual(['', ...machine.children.filter((c) => c.initial !== null).map((c) => c.path)].sort());
    const start = l.edges.find((e) => e.from === 'initial:')!;
    expect(start.to).toBe(machine.initial);
  });
});

/** The top-level state a dotted path belongs to. */
const top = (path: string) => path.split('.')[0]!;

/** Every transition of the machine that leaves a top-level state for another one, as "from→to event [guard]". */
function crossing(machine: MachineNode): Set<string> {
  const out = new Set<string>();
  for (const n of allNodes(machine)) for (const t of n.transitions) for (const to of t.targets) if (top(to) !== top(n.path)) out.add(`${top(n.path)}→${top(to)} ${t.event} [${t.guard ?? ''}]`);
  return out;
}

describe('the folded statechart (class mode: one row of top-level states)', () => {
  for (const [name, spec] of [['bundled three-phase deal', defaultDealSpec], ['two-phase spec', twoPhases]] as const) {
    const machine = machineStructure(spec);
    const folded = foldMachine(machine);

    it(`keeps every top-level state of the ${name}, in the spec's order, each standing for its leaf substates`, () => {
      expect(folded.children.map((c) => c.path)).toEqual(machine.children.map((c) => c.path));
      for (const c of folded.children) {
        expect(c.children).toEqual([]);
        const original = machine.children.find((m) => m.path === c.path)!;
        const leaves = allNodes(original).filter((n) => n.children.length === 0).map((n) => n.path);
        expect(c.folded).toEqual(leaves);
      }
    });

    it(`keeps every transition of the ${name} whose ends differ after folding, once, and turns the rest into events handled in place`, () => {
      const moving = folded.children.flatMap((c) => c.transitions.filter((t) => !t.inPlace).flatMap((t) => t.targets.map((to) => `${c.path}→${to} ${t.event} [${t.guard ?? ''}]`)));
      // Once each: no duplicates.
      expect(moving.length).toBe(new Set(moving).size);
      // None lost: every crossing transition is there.
      for (const c of crossing(machine)) expect(moving).toContain(c);
      // Nothing invented: the only self-loops kept are ones the top-level state itself declares.
      for (const m of moving) {
        const [pair] = m.split(' ');
        const [from, to] = pair!.split('→');
        if (from === to) expect(machine.children.find((c) => c.path === from)!.transitions.some((t) => !t.inPlace && t.targets.includes(from!))).toBe(true);
        else expect(crossing(machine).has(m)).toBe(true);
      }
      // An event handled inside a folded state stays listed on it (its tooltip).
      for (const c of folded.children.filter((x) => x.folded.length > 0)) {
        const inside = allNodes(machine.children.find((m) => m.path === c.path)!).flatMap((n) => n.transitions.filter((t) => t.targets.every((to) => top(to) === c.path)).map((t) => t.event));
        for (const e of inside) expect(c.transitions.some((t) => t.inPlace && t.event === e)).toBe(true);
      }
    });

    it(`folds the ${name} the same way every time, and lays it out in one row the same way every time`, async () => {
      expect(foldMachine(machine)).toEqual(folded);
      const a = await layoutStatechart(folded, { fonts: classroom, measure, direction: 'RIGHT', compact: true });
      expect(await layoutStatechart(foldMachine(machine), { fonts: classroom, measure, direction: 'RIGHT', compact: true })).toEqual(a);
    });

    it(`lays the folded ${name} out as one short row: every state placed apart, every arrow drawn, its events labelled once per trunk`, async () => {
      const l = await layoutStatechart(folded, { fonts: classroom, measure, direction: 'RIGHT', compact: true });
      expect(l.compact).toBe(true);
      expect(l.states.map((s) => s.path)).toEqual(folded.children.map((c) => c.path));
      for (const a of l.states) for (const b of l.states) if (a !== b) expect(overlap(a, b), `${a.path} and ${b.path}`).toBe(false);
      // One row: short next to its width, and about one box tall plus the arrows' tracks.
      expect(l.height).toBeLessThan(l.width / 3);
      expect(l.height).toBeLessThanOrEqual(320);
      for (const c of folded.children) {
        const box = l.states.find((s) => s.path === c.path)!;
        expect(box.folded).toEqual(c.folded);
        for (const sub of c.folded) expect(measure(substateText(sub), classroom.marker)).toBeLessThan(box.w);
        for (const t of c.transitions.filter((x) => !x.inPlace)) {
          const edge = l.edges.find((e) => e.from === c.path && e.to === t.targets[0]);
          expect(edge, `${c.path} → ${t.targets[0]}`).toBeDefined();
          expect(edge!.transitions).toContainEqual({ event: t.event, guard: t.guard });
          expect(edge!.points.length).toBeGreaterThanOrEqual(2);
        }
      }
      // An arrow merged into a trunk carries no label of its own: another labelled arrow into the same state names its events.
      for (const e of l.edges.filter((x) => x.transitions.length > 0 && x.label === null)) {
        const text = labelLines(e.transitions, true).join(' ');
        expect(l.edges.some((o) => o !== e && o.to === e.to && o.label !== null && labelLines(o.transitions, true).join(' ') === text), `label for ${e.from} → ${e.to}`).toBe(true);
      }
    });
  }

  it('names a folded substate under its parent, and breaks event names after their first underscore for compact labels', () => {
    expect(substateText('negotiating.roundInSession')).toBe('— round in session');
    expect(labelLines([{ event: 'AGREEMENT_REACHED', guard: 'settlesWhatItMust' }, { event: 'AGREEMENT_REACHED', guard: 'other' }], true)).toEqual(['AGREEMENT_', 'REACHED']);
    expect(labelLines([{ event: 'RELEASE', guard: null }], true)).toEqual(['RELEASE']);
    expect(labelLines([{ event: 'AGREEMENT_REACHED', guard: 'settlesWhatItMust' }], false)).toEqual(['AGREEMENT_REACHED', '[settlesWhatItMust]']);
  });
});
