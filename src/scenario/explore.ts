// Which concessions, by whom, would bridge every term, and what is the
// cheapest way there? A concession step widens a principal's accepted set by
// one ladder option toward the other principal. The search reports every
// minimal set (no subset also works), cheapest first.
//
// Widening only ever adds options, so feasibility is monotone: a set is
// minimal exactly when taking away any single step breaks it. A linked
// condition asks something of one term's overlap only, so taking a step away
// from one term leaves every other term's overlap, and what is asked of it, as
// it was: a set is minimal exactly when each term's split is minimal for that
// term. Each term therefore offers its own list of minimal splits (an
// independent term those where neither side can give up a step and keep an
// overlap; a linked term those that meet what the conditions ask of its overlap
// and cannot give up a step and still meet it), and the sets are the
// combinations of one split per term, which explore-search.ts counts and ranks
// without building them.
import type { Catalog } from '../domain/catalog-schema.js';
import type { NegotiationState } from '../model/negotiation-state.js';
import { type CostCount, searchCheapest } from './explore-search.js';

/** The step limit unless asked otherwise, raised when a minimal set needs more (see `ExploreOptions.maxSteps`). */
export const DEFAULT_MAX_STEPS = 20;
/** Units of work a search may spend unless asked otherwise: about a second and some tens of MiB of tables (400 one-step terms take 43 million). */
export const DEFAULT_EXPLORE_BUDGET = 50_000_000;

export interface ExploreOptions {
  /**
   * Most concession steps in one set. Default: DEFAULT_MAX_STEPS, or the most
   * any minimal set takes (`stepBound`) when that is more, so every minimal set fits.
   */
  readonly maxSteps?: number;
  /** Most solutions returned (all are counted). */
  readonly limit?: number;
  /** Most units of work (table cells filled, splits tried while listing); default DEFAULT_EXPLORE_BUDGET. */
  readonly budget?: number;
  /** Called now and then with (units of work done, units expected). */
  readonly onProgress?: (done: number, total: number) => void;
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
  /** Most steps any minimal set takes, whatever maxSteps; null when no set bridges every term. */
  readonly stepBound: number | null;
  /** Minimal sets of at most maxSteps steps (exact below 2^53); null when the budget stopped the search before counting. */
  readonly solutionCount: number | null;
  /** How many of them take each number of steps, cheapest first; null as solutionCount. */
  readonly countsByCost: readonly CostCount[] | null;
  readonly cheapest: number | null;
  /** The best `limit` sets, in order; fewer when the budget stopped the listing. */
  readonly solutions: readonly Solution[];
  /** Units of work spent, and the budget they were counted against. */
  readonly work: number;
  readonly budget: number;
  /** Why the search stopped short of listing `limit` sets (when there are that many): null when it did not. */
  readonly stopped: null | { readonly phase: 'counting'; readonly needed: number } | { readonly phase: 'listing' };
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

/**
 * The minimal concession sets that would bridge every term from `state`,
 * cheapest first, the most evenly shared first among equals, then in search
 * order; the best `limit` are listed and all are counted. Pure and
 * deterministic: no clock, and the work budget stops it at the same point on
 * every machine, with what it listed so far (a prefix of the full listing).
 */
export function explore(state: NegotiationState, catalog: Catalog, options: ExploreOptions = {}): ExploreResult {
  const limit = options.limit ?? 50;
  const budget = options.budget ?? DEFAULT_EXPLORE_BUDGET;
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

  // Every split of every term, whatever the step limit: what a term can take is
  // bounded by its ladder, so the most steps a minimal set needs is known.
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
    models.push(termModel(t.id, ladder, a, b, linkedTerms.has(t.id), 2 * ladder.length));
  }
  const required = new Map<string, number[]>();
  for (const c of conditions) {
    if (!c.checkable) continue;
    const masks = required.get(c.requires.term) ?? [];
    masks.push(maskOf(c.requires.accepts.map((o) => catalog.optionIndex.get(c.requires.term)!.get(o)!)));
    required.set(c.requires.term, masks);
  }
  const minimalSplits = new Map(models.map((m) => [m, minimalFor(m, required.get(m.term) ?? [])]));
  const cost = (p: Pattern) => p.ka + p.kb;
  const splits = [...minimalSplits.values()];
  const stepBound = splits.some((ps) => ps.length === 0) ? null : splits.reduce((sum, ps) => sum + Math.max(...ps.map(cost)), 0);
  // The default stays 20 when that is enough: the order among equally good sets
  // follows the slot order below, which counts a linked term's splits within it.
  const maxSteps = options.maxSteps ?? Math.max(DEFAULT_MAX_STEPS, stepBound ?? 0);
  // Fewest choices first keeps the search narrow at the top, and fixes the search order among equals.
  const slots = models
    .map((m) => ({ model: m, width: m.patterns.filter((p) => cost(p) <= maxSteps).length, splits: minimalSplits.get(m)!.filter((p) => cost(p) <= maxSteps) }))
    .sort((x, y) => x.width - y.width);

  // Each open term needs at least its ladder distance in steps, whoever takes them.
  const lowerBound = openTerms.reduce((sum, t) => sum + distances.get(t)!, 0);
  const outcome =
    lowerBound <= maxSteps
      ? searchCheapest({ slots: slots.map((s) => s.splits.map((p) => ({ a: p.ka, b: p.kb }))), maxSteps, limit, budget, ...(options.onProgress ? { onProgress: options.onProgress } : {}) })
      : { counts: [], picks: [], work: 0, stopped: null };
  const solutions = outcome.picks.map((picks) => {
    const s = toSolution(slots.map((slot, i) => ({ model: slot.model, pattern: slot.splits[picks[i]!]! })), pa, pb);
    return { ...s, concessions: [...s.concessions].sort((x, y) => catalogOrder(catalog, x.term) - catalogOrder(catalog, y.term) || (x.party < y.party ? -1 : 1)) };
  });
  return {
    date: state.date,
    principals: [pa, pb],
    openTerms,
    settledTerms,
    unknownTerms,
    conditions,
    maxSteps,
    lowerBound,
    stepBound,
    solutionCount: outcome.counts?.reduce((n, c) => n + c.count, 0) ?? null,
    countsByCost: outcome.counts,
    cheapest: outcome.counts?.[0]?.steps ?? null,
    solutions,
    work: outcome.work,
    budget,
    stopped: outcome.stopped,
  };
}

/**
 * A term's splits that belong to some minimal set: the overlap meets what the
 * linked conditions ask of this term, and no principal can take a step back
 * and still meet it.
 */
function minimalFor(m: TermModel, required: readonly number[]): Pattern[] {
  const holds = (mask: number) => required.every((r) => (mask & r) !== 0);
  const back = (r: number) => r >= 0 && holds(m.patterns[r]!.mask);
  return m.patterns.filter((p) => holds(p.mask) && !back(p.reduceA) && !back(p.reduceB));
}

const catalogOrder = (catalog: Catalog, term: string) => catalog.terms.findIndex((t) => t.id === term);

function toSolution(picks: readonly { readonly model: TermModel; readonly pattern: Pattern }[], pa: string, pb: string): Solution {
  const concessions: ConcessionSteps[] = [];
  const overlaps: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  let steps = 0;
  for (const { model: m, pattern: p } of picks) {
    const names = (xs: readonly number[]) => [...xs].sort((x, y) => x - y).map((i) => m.ladder[i]!);
    if (p.ka > 0) concessions.push({ party: pa, term: m.term, steps: p.ka, from: names(m.a), to: names(widen(m.a, p.ka, m.upA, m.ladder.length)!) });
    if (p.kb > 0) concessions.push({ party: pb, term: m.term, steps: p.kb, from: names(m.b), to: names(widen(m.b, p.kb, m.upB, m.ladder.length)!) });
    overlaps[m.term] = m.ladder.filter((_, i) => (p.mask & (1 << i)) !== 0);
    steps += p.ka + p.kb;
  }
  return { steps, concessions, overlaps };
}
