import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Choice, searchCheapest } from '../src/scenario/explore-search.js';

const choice = fc.record({ a: fc.nat(3), b: fc.nat(3) });
const slotsArbitrary = fc.array(fc.array(choice, { maxLength: 4 }), { maxLength: 5 });

/** Every combination within `maxSteps`, built and sorted by the documented order: cost, imbalance, then lexicographic. */
function allCombinations(slots: readonly (readonly Choice[])[], maxSteps: number): { picks: number[]; cost: number; imbalance: number }[] {
  let combos: number[][] = [[]];
  for (const s of slots) combos = combos.flatMap((c) => s.map((_, j) => [...c, j]));
  return combos
    .map((picks) => {
      const a = picks.reduce((n, j, s) => n + slots[s]![j]!.a, 0);
      const b = picks.reduce((n, j, s) => n + slots[s]![j]!.b, 0);
      return { picks, cost: a + b, imbalance: Math.abs(a - b) };
    })
    .filter((c) => c.cost <= maxSteps)
    .sort((x, y) => x.cost - y.cost || x.imbalance - y.imbalance);
}

describe('searchCheapest', () => {
  it('counts and lists what building every combination gives, in the same order', () => {
    fc.assert(
      fc.property(slotsArbitrary, fc.nat(16), fc.integer({ min: 1, max: 60 }), (slots, maxSteps, limit) => {
        const out = searchCheapest({ slots, maxSteps, limit, budget: 1e6 });
        const all = allCombinations(slots, maxSteps);
        expect(out.stopped).toBeNull();
        expect(out.picks.map((p) => [...p])).toEqual(all.slice(0, limit).map((c) => c.picks));
        const counts = new Map<number, number>();
        for (const c of all) counts.set(c.cost, (counts.get(c.cost) ?? 0) + 1);
        expect(out.counts).toEqual([...counts].map(([steps, count]) => ({ steps, count })));
      }),
      { numRuns: 300 },
    );
  });

  it('never spends more than its budget, and what it listed before stopping is the start of the full listing', () => {
    fc.assert(
      fc.property(slotsArbitrary, fc.nat(16), fc.integer({ min: 1, max: 60 }), fc.nat(400), (slots, maxSteps, limit, budget) => {
        const out = searchCheapest({ slots, maxSteps, limit, budget });
        const full = searchCheapest({ slots, maxSteps, limit, budget: 1e6 });
        expect(out.work).toBeLessThanOrEqual(budget);
        expect(full.picks.slice(0, out.picks.length)).toEqual(out.picks);
        if (out.stopped?.phase === 'counting') expect([out.counts, out.picks, out.stopped.needed > budget]).toEqual([null, [], true]);
        if (out.stopped === null) expect(out.picks).toEqual(full.picks);
      }),
      { numRuns: 300 },
    );
  });

  it('with no slots, the one empty combination costs nothing', () => {
    expect(searchCheapest({ slots: [], maxSteps: 5, limit: 3, budget: 10 })).toEqual({ counts: [{ steps: 0, count: 1 }], picks: [new Int32Array(0)], work: 0, stopped: null });
  });
});
