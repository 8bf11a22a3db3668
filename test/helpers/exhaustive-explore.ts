// The concession search as it was before it was bounded: every combination of
// one split per term is built, checked for feasibility and minimality by the
// definitions, kept, and sorted. Exponential; a reference for small inputs only.
import type { Catalog, NegotiationState } from '../../src/index.js';

interface Split {
  readonly ka: number;
  readonly kb: number;
  readonly mask: number;
}

/** A listed set as comparable text: its steps, and each concession as party:term:steps in catalog order. */
export interface ReferenceSet {
  readonly steps: number;
  readonly concessions: readonly string[];
  readonly overlaps: Readonly<Record<string, readonly string[]>>;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const maskOf = (xs: readonly number[]) => xs.reduce((m, x) => m | (1 << x), 0);

function widened(set: readonly number[], k: number, up: boolean, size: number): number | null {
  let mask = maskOf(set);
  let edge = up ? Math.max(...set) : Math.min(...set);
  for (let i = 0; i < k; i++) {
    edge += up ? 1 : -1;
    if (edge < 0 || edge >= size) return null;
    mask |= 1 << edge;
  }
  return mask;
}

/** The sets of at most `maxSteps` steps that bridge every term and lose that when any one step is taken away, ranked as explore ranks them. */
export function exhaustiveExplore(state: NegotiationState, catalog: Catalog, maxSteps: number, limit: number): { count: number; sets: ReferenceSet[] } {
  const [pa, pb] = catalog.principals;
  const accepts = (term: string, party: string) => state.positions[term]?.[party]?.accepts ?? [];
  const settled = (term: string) => ['agreed', 'bridged'].includes(state.gaps[term]!.status);
  const terms = catalog.terms.filter((t) => settled(t.id) || (accepts(t.id, pa).length > 0 && accepts(t.id, pb).length > 0));
  const ids = new Set(terms.map((t) => t.id));
  const checks: { term: string; mask: number }[] = [];
  const linked = new Set<string>();
  for (const party of [pa, pb]) {
    for (const t of catalog.terms) {
      for (const c of state.positions[t.id]?.[party]?.conditions ?? []) {
        if (!ids.has(c.term)) continue;
        checks.push({ term: c.term, mask: maskOf(c.accepts.map((o) => catalog.optionIndex.get(c.term)!.get(o)!)) });
        linked.add(t.id).add(c.term);
      }
    }
  }
  const models = terms.map((t) => {
    const index = catalog.optionIndex.get(t.id)!;
    const gap = state.gaps[t.id]!;
    if (gap.status === 'agreed') return { term: t.id, ladder: t.ladder.map((o) => o.id), splits: [{ ka: 0, kb: 0, mask: 1 << index.get(gap.option)! }], all: new Map<string, Split>() };
    const a = accepts(t.id, pa).map((o) => index.get(o)!);
    const b = accepts(t.id, pb).map((o) => index.get(o)!);
    const all = new Map<string, Split>();
    for (let ka = 0; ka <= maxSteps; ka++) {
      for (let kb = 0; ka + kb <= maxSteps; kb++) {
        const wa = widened(a, ka, mean(b) > mean(a), t.ladder.length);
        const wb = widened(b, kb, mean(a) > mean(b), t.ladder.length);
        if (wa !== null && wb !== null && (wa & wb) !== 0) all.set(`${ka},${kb}`, { ka, kb, mask: wa & wb });
      }
    }
    const minimalHere = (p: Split) => !all.has(`${p.ka - 1},${p.kb}`) && !all.has(`${p.ka},${p.kb - 1}`);
    const splits = [...all.values()].filter((p) => linked.has(t.id) || minimalHere(p)).sort((x, y) => x.ka + x.kb - (y.ka + y.kb) || x.ka - y.ka);
    return { term: t.id, ladder: t.ladder.map((o) => o.id), splits, all };
  });
  models.sort((x, y) => x.splits.length - y.splits.length);

  const masks = new Map<string, number>();
  const holds = () => checks.every((c) => (masks.get(c.term)! & c.mask) !== 0);
  const found: { cost: number; imbalance: number; picks: Split[] }[] = [];
  const picks: Split[] = [];
  const search = (slot: number, cost: number): void => {
    if (slot === models.length) {
      if (!holds()) return;
      // Minimal: taking any one step away leaves some term unbridged or some condition unmet.
      for (const [i, m] of models.entries()) {
        for (const key of [`${picks[i]!.ka - 1},${picks[i]!.kb}`, `${picks[i]!.ka},${picks[i]!.kb - 1}`]) {
          const reduced = m.all.get(key);
          if (!reduced) continue;
          masks.set(m.term, reduced.mask);
          const still = holds();
          masks.set(m.term, picks[i]!.mask);
          if (still) return;
        }
      }
      const a = picks.reduce((n, p) => n + p.ka, 0);
      found.push({ cost, imbalance: Math.abs(2 * a - cost), picks: [...picks] });
      return;
    }
    for (const p of models[slot]!.splits) {
      if (cost + p.ka + p.kb > maxSteps) continue;
      picks[slot] = p;
      masks.set(models[slot]!.term, p.mask);
      search(slot + 1, cost + p.ka + p.kb);
    }
  };
  search(0, 0);
  found.sort((x, y) => x.cost - y.cost || x.imbalance - y.imbalance);
  const order = (term: string) => catalog.terms.findIndex((t) => t.id === term);
  const sets = found.slice(0, limit).map(({ cost, picks: ps }) => {
    const concessions: [string, string, number][] = [];
    const overlaps: Record<string, string[]> = {};
    models.forEach((m, i) => {
      if (ps[i]!.ka > 0) concessions.push([m.term, pa, ps[i]!.ka]);
      if (ps[i]!.kb > 0) concessions.push([m.term, pb, ps[i]!.kb]);
      overlaps[m.term] = m.ladder.filter((_, j) => (ps[i]!.mask & (1 << j)) !== 0);
    });
    concessions.sort((x, y) => order(x[0]) - order(y[0]) || (x[1] < y[1] ? -1 : 1));
    return { steps: cost, concessions: concessions.map(([term, party, steps]) => `${party}:${term}:${steps}`), overlaps };
  });
  return { count: found.length, sets };
}
