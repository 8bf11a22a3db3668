// Which concessions, by whom, would bridge every term, and what is the
// cheapest way there? A concession step widens a principal's accepted set by
// one ladder option toward the other principal. The search reports every
// minimal set (no subset also works), cheapest first.
//
// Widening only ever adds options, so feasibility is monotone: a set is
// minimal exactly when taking away any single step breaks it. That lets an
// independent term (no recorded condition touches it) be searched over its
// own minimal splits only; a linked term is searched over every split within
// the step budget, because a condition elsewhere may need a wider overlap.
import type { Catalog } from '../domain/catalog-schema.js';
import type { NegotiationState } from '../model/negotiation-state.js';

export interface ExploreOptions {
  /** Most concession steps in one set. */
  readonly maxSteps?: number;
  /** Most solutions returned (all are counted). */
  readonly limit?: number;
  /** Called now and then with (combinations checked, combinations in all). */
  readonly onProgress?: (checked: number, total: number) => void;
}

export interface ConcessionSteps {
  readonly party: string;
  readonly term: string;
  readonly steps: number;
  readonly from: readonly string[];
  readonly to: readonly string[];
}

export interface Solution {
  readonly steps: number;
  readonly concessions: readonly ConcessionSteps[];
  /** Term -> options both principals would accept. */
  readonly overlaps: Readonly<Record<string, readonly string[]>>;
}

export interface LinkedCondition {
  readonly party: string;
  readonly term: string;
  readonly requires: { readonly term: string; readonly accepts: readonly string[] };
  /** False when the required term has no position from a principal, so the condition cannot be checked. */
  readonly checkable: boolean;
}

export interface ExploreResult {
  readonly date: string;
  readonly principals: readonly [string, string];
  /** Terms not yet bridged (open or undetermined) where both principals accept some option. */
  readonly openTerms: readonly string[];
  readonly settledTerms: readonly string[];
  readonly unknownTerms: readonly { readonly term: string; readonly missing: readonly string[] }[];
  readonly conditions: readonly LinkedCondition[];
  readonly maxSteps: number;
  /** Fewest steps any set needs (the open terms' distances added up); more than maxSteps means none fits. */
  readonly lowerBound: number;
  readonly solutionCount: number;
  readonly cheapest: number | null;
  readonly solutions: readonly Solution[];
  readonly combinations: number;
}

interface Pattern {
  readonly ka: number;
  readonly kb: number;
  readonly mask: number;
  /** Index of the pattern with one step fewer for a / b, -1 if that pattern bridges nothing. */
  reduceA: number;
  reduceB: number;
}

interface TermModel {
  readonly term: string;
  readonly ladder: readonly string[];
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly upA: boolean;
  readonly upB: boolean;
  readonly patterns: Pattern[];
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const maskOf = (xs: readonly number[]) => xs.reduce((m, x) => m | (1 << x), 0);

function widen(set: readonly number[], k: number, up: boolean, size: number): number[] | null {
  const out = [...set];
  let edge = up ? Math.max(...set) : Math.min(...set);
  for (let i = 0; i < k; i++) {
    edge += up ? 1 : -1;
    if (edge < 0 || edge >= size) return null;
    if (!out.includes(edge)) out.push(edge);
  }
  return out;
}

function termModel(term: string, ladder: readonly string[], a: readonly number[], b: readonly number[], linked: boolean, budget: number): TermModel {
  const upA = mean(b) > mean(a);
  const upB = mean(a) > mean(b);
  const size = ladder.length;
  const all = new Map<string, Pattern>();
  for (let ka = 0; ka <= Math.min(budget, size); ka++) {
    const wa = widen(a, ka, upA, size);
    if (!wa) break;
    for (let kb = 0; ka + kb <= budget && kb <= size; kb++) {
      const wb = widen(b, kb, upB, size);
      if (!wb) break;
      const mask = maskOf(wa) & maskOf(wb);
      if (mask !== 0) all.set(`${ka},${kb}`, { ka, kb, mask, reduceA: -1, reduceB: -1 });
    }
  }
  // A pattern is minimal for its term when neither party can take a step back.
  const minimalHere = (p: Pattern) => !(p.ka > 0 && all.has(`${p.ka - 1},${p.kb}`)) && !(p.kb > 0 && all.has(`${p.ka},${p.kb - 1}`));
  const patterns = [...all.values()].filter((p) => linked || minimalHere(p)).sort((x, y) => x.ka + x.kb - (y.ka + y.kb) || x.ka - y.ka);
  const index = new Map(patterns.map((p, i) => [`${p.ka},${p.kb}`, i]));
  for (const p of patterns) {
    p.reduceA = p.ka > 0 ? index.get(`${p.ka - 1},${p.kb}`) ?? -1 : -1;
    p.reduceB = p.kb > 0 ? index.get(`${p.ka},${p.kb - 1}`) ?? -1 : -1;
  }
  return { term, ladder, a, b, upA, upB, patterns };
}

export function explore(state: NegotiationState, catalog: Catalog, options: ExploreOptions = {}): ExploreResult {
  const maxSteps = options.maxSteps ?? 20;
  const limit = options.limit ?? 50;
  const [pa, pb] = catalog.principals;
  const openTerms: string[] = [];
  const settledTerms: string[] = [];
  const unknownTerms: { term: string; missing: readonly string[] }[] = [];
  const distances = new Map<string, number>();
  for (const t of catalog.terms) {
    const gap = state.gaps[t.id]!;
    if (gap.status === 'agreed' || gap.status === 'bridged') {
      settledTerms.push(t.id);
      continue;
    }
    // Concessions widen what a principal accepts toward the other: a side that
    // names no accepted option (only refusals, or nothing) has nothing to widen.
    const missing = [pa, pb].filter((p) => (state.positions[t.id]?.[p]?.accepts.length ?? 0) === 0);
    if (missing.length > 0) {
      unknownTerms.push({ term: t.id, missing });
      continue;
    }
    openTerms.push(t.id);
    const index = catalog.optionIndex.get(t.id)!;
    let d = Infinity;
    for (const x of state.positions[t.id]![pa]!.accepts) for (const y of state.positions[t.id]![pb]!.accepts) d = Math.min(d, Math.abs(index.get(x)! - index.get(y)!));
    distances.set(t.id, d);
  }
  const modelled = new Set([...openTerms, ...settledTerms]);
  const conditions: LinkedCondition[] = [];
  for (const party of [pa, pb]) {
    for (const t of catalog.terms) {
      for (const c of state.positions[t.id]?.[party]?.conditions ?? []) {
        conditions.push({ party, term: t.id, requires: c, checkable: modelled.has(c.term) });
      }
    }
  }
  const linkedTerms = new Set(conditions.filter((c) => c.checkable).flatMap((c) => [c.term, c.requires.term]));

  const models: TermModel[] = [];
  for (const t of catalog.terms) {
    if (!modelled.has(t.id)) continue;
    const gap = state.gaps[t.id]!;
    const ladder = t.ladder.map((o) => o.id);
    const index = catalog.optionIndex.get(t.id)!;
    if (gap.status === 'agreed') {
      const i = index.get(gap.option)!;
      models.push({ term: t.id, ladder, a: [i], b: [i], upA: true, upB: true, patterns: [{ ka: 0, kb: 0, mask: 1 << i, reduceA: -1, reduceB: -1 }] });
      continue;
    }
    const a = state.positions[t.id]![pa]!.accepts.map((o) => index.get(o)!);
    const b = state.positions[t.id]![pb]!.accepts.map((o) => index.get(o)!);
    models.push(termModel(t.id, ladder, a, b, linkedTerms.has(t.id), maxSteps));
  }
  // Fewest choices first keeps the search tree narrow at the top.
  models.sort((x, y) => x.patterns.length - y.patterns.length);
  const termSlot = new Map(models.map((m, i) => [m.term, i]));
  const checks = conditions
    .filter((c) => c.checkable)
    .map((c) => ({ slot: termSlot.get(c.requires.term)!, mask: maskOf(c.requires.accepts.map((o) => catalog.optionIndex.get(c.requires.term)!.get(o)!)) }));

  // Each open term needs at least its ladder distance in steps, whoever takes them.
  const lowerBound = openTerms.reduce((sum, t) => sum + distances.get(t)!, 0);
  const total = models.reduce((n, m) => n * Math.max(1, m.patterns.length), 1);
  const chosen = new Int32Array(models.length);
  const masks = new Int32Array(models.length);
  const found: { cost: number; imbalance: number; picks: Int32Array }[] = [];
  let combinations = 0;
  let solutionCount = 0;

  const conditionsHold = () => checks.every((c) => (masks[c.slot]! & c.mask) !== 0);
  const minimal = () => {
    for (let s = 0; s < models.length; s++) {
      const p = models[s]!.patterns[chosen[s]!]!;
      for (const r of [p.reduceA, p.reduceB]) {
        if (r < 0) continue;
        const saved = masks[s]!;
        masks[s] = models[s]!.patterns[r]!.mask;
        const holds = conditionsHold();
        masks[s] = saved;
        if (holds) return false;
      }
    }
    return true;
  };

  const search = (slot: number, cost: number): void => {
    if (slot === models.length) {
      combinations++;
      if (options.onProgress && (combinations & 0xfff) === 0) options.onProgress(combinations, total);
      if (conditionsHold() && minimal()) {
        solutionCount++;
        let a = 0;
        for (let s = 0; s < models.length; s++) a += models[s]!.patterns[chosen[s]!]!.ka;
        found.push({ cost, imbalance: Math.abs(2 * a - cost), picks: chosen.slice() });
      }
      return;
    }
    const patterns = models[slot]!.patterns;
    for (let i = 0; i < patterns.length; i++) {
      const p = patterns[i]!;
      const next = cost + p.ka + p.kb;
      if (next > maxSteps) {
        combinations++;
        continue;
      }
      chosen[slot] = i;
      masks[slot] = p.mask;
      search(slot + 1, next);
    }
  };
  if (lowerBound <= maxSteps) search(0, 0);
  options.onProgress?.(combinations, total);

  // Equal cost: the sets shared most evenly between the principals first, so
  // the listing does not favour either side's concessions; then search order.
  found.sort((x, y) => x.cost - y.cost || x.imbalance - y.imbalance);
  const solutions = found.slice(0, limit).map(({ cost, picks }) => toSolution(models, picks, cost, pa, pb));
  const ordered = solutions.map((s) => ({ ...s, concessions: [...s.concessions].sort((x, y) => catalogOrder(catalog, x.term) - catalogOrder(catalog, y.term) || (x.party < y.party ? -1 : 1)) }));
  return {
    date: state.date,
    principals: [pa, pb],
    openTerms,
    settledTerms,
    unknownTerms,
    conditions,
    maxSteps,
    lowerBound,
    solutionCount,
    cheapest: found[0]?.cost ?? null,
    solutions: ordered,
    combinations,
  };
}

const catalogOrder = (catalog: Catalog, term: string) => catalog.terms.findIndex((t) => t.id === term);

function toSolution(models: readonly TermModel[], picks: Int32Array, cost: number, pa: string, pb: string): Solution {
  const concessions: ConcessionSteps[] = [];
  const overlaps: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  models.forEach((m, s) => {
    const p = m.patterns[picks[s]!]!;
    const names = (xs: readonly number[]) => [...xs].sort((x, y) => x - y).map((i) => m.ladder[i]!);
    if (p.ka > 0) concessions.push({ party: pa, term: m.term, steps: p.ka, from: names(m.a), to: names(widen(m.a, p.ka, m.upA, m.ladder.length)!) });
    if (p.kb > 0) concessions.push({ party: pb, term: m.term, steps: p.kb, from: names(m.b), to: names(widen(m.b, p.kb, m.upB, m.ladder.length)!) });
    overlaps[m.term] = m.ladder.filter((_, i) => (p.mask & (1 << i)) !== 0);
  });
  return { steps: cost, concessions, overlaps };
}
