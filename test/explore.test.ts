import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Catalog, createCatalog, logFromEvents, type NegotiationState, stateAt, type Term } from '../src/index.js';
import { explore, type ExploreResult } from '../src/scenario/explore.js';
import { isoDateArbitrary, logArbitrary, sampleCatalog } from '../src/testing/index.js';
import { position, reported, sampleLog } from './helpers/events.js';
import { exhaustiveExplore } from './helpers/exhaustive-explore.js';

describe('explore', () => {
  it('lists every split of the steps on independent terms, all equally cheap', () => {
    const log = sampleLog([
      reported('2024-08-01', position('north', 'corridor', ['control'])),
      reported('2024-08-01', position('south', 'corridor', ['phased'])),
      reported('2024-08-01', position('north', 'ceasefire', ['resume'])),
      reported('2024-08-01', position('south', 'ceasefire', ['permanent'])),
    ]);
    const r = explore(stateAt(log, '2024-08-01'), sampleCatalog);
    expect(r.openTerms).toEqual(['corridor', 'ceasefire']);
    expect(r.unknownTerms).toEqual([{ term: 'crossing', missing: ['north', 'south'] }]);
    // corridor: 2 steps split 3 ways; ceasefire: 1 step split 2 ways.
    expect(r.solutionCount).toBe(6);
    expect(r.solutions.every((s) => s.steps === 3)).toBe(true);
    // The evenly shared sets come first: neither side is listed as conceding first by default.
    const first = r.solutions[0]!;
    const byParty = (p: string) => first.concessions.filter((c) => c.party === p).reduce((n, c) => n + c.steps, 0);
    expect(Math.abs(byParty('north') - byParty('south'))).toBe(1);
  });

  it('respects a linked position: the overlap on the other term must meet the condition', () => {
    const log = sampleLog([
      reported('2024-08-01', { ...position('north', 'corridor', ['control', 'reduced']), conditions: [{ term: 'crossing', accepts: ['mission'] }] }),
      reported('2024-08-01', position('south', 'corridor', ['reduced', 'phased'])),
      reported('2024-08-01', position('north', 'crossing', ['control'])),
      reported('2024-08-01', position('south', 'crossing', ['local'])),
    ]);
    const r = explore(stateAt(log, '2024-08-01'), sampleCatalog);
    expect(r.conditions).toEqual([{ party: 'north', term: 'corridor', requires: { term: 'crossing', accepts: ['mission'] }, checkable: true }]);
    // Only one step each on the crossing lands on the mission; one side taking both steps lands elsewhere.
    expect(r.solutionCount).toBe(1);
    expect(r.solutions[0]!.concessions).toEqual([
      { party: 'north', term: 'crossing', steps: 1, from: ['control'], to: ['control', 'mission'] },
      { party: 'south', term: 'crossing', steps: 1, from: ['local'], to: ['mission', 'local'] },
    ]);
    expect(r.solutions[0]!.overlaps).toMatchObject({ crossing: ['mission'], corridor: ['reduced'] });
  });

  it('reports when no set fits within the step budget', () => {
    const log = sampleLog([
      reported('2024-08-01', position('north', 'corridor', ['control'])),
      reported('2024-08-01', position('south', 'corridor', ['withdrawal'])),
    ]);
    const r = explore(stateAt(log, '2024-08-01'), sampleCatalog, { maxSteps: 2 });
    expect(r).toMatchObject({ solutionCount: 0, cheapest: null, lowerBound: 3 });
  });

  it('counts 16 independent open terms without building them: 65,536 minimal sets of 16 steps', () => {
    const { state, catalog } = binaryWorld(16);
    const r = explore(state, catalog, { limit: 3 });
    expect(r.solutionCount).toBe(65_536);
    expect(r.countsByCost).toEqual([{ steps: 16, count: 65_536 }]);
    expect(r.cheapest).toBe(16);
    expect(r.solutions).toHaveLength(3);
    expect(r.stopped).toBeNull();
    // Tabulating 16 binary terms (17 x 17 totals at most per term) and listing 3 sets is some thousands of units, not one per combination.
    expect(r.work).toBeLessThan(65_536 / 10);
  });

  it('raises the default step limit to what the terms need: 24 one-step terms are all counted', () => {
    const { state, catalog } = binaryWorld(24);
    const r = explore(state, catalog, { limit: 2 });
    expect(r).toMatchObject({ maxSteps: 24, stepBound: 24, lowerBound: 24, solutionCount: 2 ** 24, cheapest: 24, stopped: null });
    // The evenest split (12 steps each) comes first.
    for (const s of r.solutions) expect(s.concessions.filter((c) => c.party === 'north')).toHaveLength(12);
  });

  it('stops at the work budget, saying where: before counting when the tables need more, or while listing', () => {
    const { state, catalog } = binaryWorld(12);
    const counting = explore(state, catalog, { budget: 100 });
    expect(counting).toMatchObject({ solutionCount: null, countsByCost: null, cheapest: null, solutions: [], work: 0, stopped: { phase: 'counting' } });
    expect(counting.stopped).toMatchObject({ needed: expect.any(Number) });
    const needed = (counting.stopped as { needed: number }).needed;
    expect(needed).toBeGreaterThan(100);
    const listing = explore(state, catalog, { budget: needed + 30, limit: 50 });
    expect(listing.stopped).toEqual({ phase: 'listing' });
    expect(listing.solutionCount).toBe(4096);
    expect(listing.work).toBe(needed + 30);
    const full = explore(state, catalog, { limit: 50 });
    expect(listing.solutions.length).toBeGreaterThan(0);
    expect(listing.solutions.length).toBeLessThan(50);
    expect(full.solutions.slice(0, listing.solutions.length)).toEqual(listing.solutions);
  });

  it('reports progress in units of work: rising, within the expected total, ending at the work done', () => {
    const { state, catalog } = binaryWorld(20);
    const reports: [number, number][] = [];
    const r = explore(state, catalog, { limit: 5, onProgress: (done, total) => reports.push([done, total]) });
    expect(reports.length).toBeGreaterThan(10);
    expect(reports.length).toBeLessThanOrEqual(102);
    for (const [i, [done, total]] of reports.entries()) {
      expect(done).toBeLessThanOrEqual(total);
      if (i > 0) expect(done).toBeGreaterThanOrEqual(reports[i - 1]![0]);
    }
    expect(reports.at(-1)).toEqual([r.work, r.work]);
  });
});

/** `count` two-option terms, North at the low end and South at the high end of each: every term open one step apart. */
function binaryWorld(count: number): { state: NegotiationState; catalog: Catalog } {
  const terms: Term[] = Array.from({ length: count }, (_, i) => ({ id: `term-${i}`, label: `T${i}`, axis: 'a', ladder: [{ id: 'low', label: 'l' }, { id: 'high', label: 'h' }] }));
  const catalog = createCatalog(terms, sampleCatalog.parties, sampleCatalog.sources);
  const events = terms.flatMap((t) => [reported('2024-08-01', position('north', t.id, ['low'], catalog)), reported('2024-08-01', position('south', t.id, ['high'], catalog))]);
  return { state: stateAt(logFromEvents(catalog, events), '2024-08-01'), catalog };
}

/**
 * Small random negotiations: up to five terms with ladders of two to five
 * options, each principal with or without a position, now and then linked to
 * another term (so ties, settled terms, unknown terms and conditions all occur).
 */
const worldArbitrary = fc
  .array(
    fc.integer({ min: 2, max: 5 }).chain((size) => {
      // Mostly one or two neighbouring options (so sides often sit apart and many sets tie), now and then any subset.
      const interval = fc.tuple(fc.integer({ min: 0, max: size - 1 }), fc.boolean()).map(([lo, two]) => (two && lo + 1 < size ? [lo, lo + 1] : [lo]));
      const options = fc.oneof({ weight: 3, arbitrary: interval }, { weight: 1, arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: size - 1 }), { minLength: 1, maxLength: size }) });
      const condition = fc.record({ term: fc.nat(4), accepts: fc.uniqueArray(fc.nat(4), { minLength: 1, maxLength: 3 }) });
      const side = fc.option(fc.record({ accepts: options, condition: fc.option(condition, { freq: 3 }) }), { freq: 5 });
      return fc.record({ size: fc.constant(size), north: side, south: side });
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((specs) => {
    const terms: Term[] = specs.map((t, i) => ({ id: `term-${i}`, label: `T${i}`, axis: 'a', ladder: Array.from({ length: t.size }, (_, j) => ({ id: `o${j}`, label: `o${j}` })) }));
    const catalog = createCatalog(terms, sampleCatalog.parties, sampleCatalog.sources);
    const events = specs.flatMap((t, i) =>
      (['north', 'south'] as const).flatMap((party) => {
        const side = t[party];
        if (!side) return [];
        const target = side.condition ? terms[side.condition.term % terms.length]! : undefined;
        const conditions = side.condition && target && target.id !== terms[i]!.id ? [{ term: target.id, accepts: [...new Set(side.condition.accepts.map((j) => `o${j % target.ladder.length}`))] }] : [];
        return [reported('2024-08-01', { ...position(party, terms[i]!.id, side.accepts.map((j) => `o${j}`), catalog), conditions })];
      }),
    );
    return { state: stateAt(logFromEvents(catalog, events), '2024-08-01'), catalog };
  });

/** A result's listed sets in the reference's terms. */
const asReference = (r: ExploreResult) =>
  r.solutions.map((s) => ({ steps: s.steps, concessions: s.concessions.map((c) => `${c.party}:${c.term}:${c.steps}`), overlaps: { ...s.overlaps } }));

/** The result matches the exhaustive search at its own step limit: the same count, the same sets in the same order. */
function expectSameAsExhaustive(r: ExploreResult, state: NegotiationState, catalog: Catalog, limit: number): void {
  const reference = exhaustiveExplore(state, catalog, r.maxSteps, limit);
  expect(r.solutionCount).toBe(reference.count);
  expect(r.countsByCost!.reduce((n, c) => n + c.count, 0)).toBe(reference.count);
  expect(asReference(r)).toEqual(reference.sets);
  expect(r.cheapest).toBe(reference.sets[0]?.steps ?? null);
}

describe('explore properties', () => {
  it('lists what the exhaustive search lists, in its order, and counts as many (random small negotiations)', () => {
    fc.assert(
      fc.property(worldArbitrary, fc.option(fc.integer({ min: 1, max: 14 })), fc.integer({ min: 1, max: 40 }), ({ state, catalog }, maxSteps, limit) => {
        const r = explore(state, catalog, { limit, ...(maxSteps === null ? {} : { maxSteps }) });
        expect(r.stopped).toBeNull();
        if (maxSteps === null) expect(r.maxSteps).toBe(Math.max(20, r.stepBound ?? 0));
        expectSameAsExhaustive(r, state, catalog, limit);
      }),
      { numRuns: 300 },
    );
  });

  it('lists what the exhaustive search lists on generated logs (agreed, bridged and unknown terms)', () => {
    fc.assert(
      fc.property(logArbitrary(sampleCatalog, { maxLength: 80, story: false }), isoDateArbitrary(), fc.integer({ min: 1, max: 12 }), (log, d, maxSteps) => {
        const state = stateAt(log, d);
        expectSameAsExhaustive(explore(state, sampleCatalog, { maxSteps, limit: 20 }), state, sampleCatalog, 20);
      }),
      { numRuns: 80 },
    );
  });

  it('the top k is a prefix of the top k+1, and a listing the budget stopped is a prefix of the full one', () => {
    fc.assert(
      fc.property(worldArbitrary, fc.integer({ min: 1, max: 30 }), fc.nat(200), ({ state, catalog }, k, extra) => {
        const top = explore(state, catalog, { limit: k });
        const next = explore(state, catalog, { limit: k + 1 });
        expect(next.solutions.slice(0, top.solutions.length)).toEqual(top.solutions);
        expect(top.solutions).toHaveLength(Math.min(k, top.solutionCount!));
        const table = explore(state, catalog, { limit: k, budget: 0 }).stopped;
        const budget = table?.phase === 'counting' ? table.needed + extra : extra;
        const partial = explore(state, catalog, { limit: k, budget });
        expect(top.solutions.slice(0, partial.solutions.length)).toEqual(partial.solutions);
        expect(partial.work).toBeLessThanOrEqual(budget);
      }),
      { numRuns: 200 },
    );
  });
});
