// Invariants of what-ifs and of the concession search, on generated logs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Catalog, type EventLog, type EventOf, type NegotiationState, type ParleyEvent, fork, stateAt } from '../src/index.js';
import { policies } from '../src/model/claims.js';
import { gapShape } from '../src/model/gaps.js';
import { explore, type Solution } from '../src/scenario/explore.js';
import { runScenario } from '../src/scenario/run-scenario.js';
import { eventsArbitrary, isoDateArbitrary, logArbitrary, sampleCatalog } from '../src/testing/index.js';

const catalog = sampleCatalog;
const date = isoDateArbitrary();
const logs = logArbitrary(catalog, { maxLength: 120, story: true });

const concessionArbitrary = (on: fc.Arbitrary<string>) =>
  fc
    .record({ party: fc.constantFrom(...catalog.principals), term: fc.constantFrom(...catalog.terms), occurred: on, n: fc.integer({ min: 0, max: 1000 }) })
    .chain(({ party, term, occurred, n }) =>
      fc.subarray(term.ladder.map((o) => o.id), { minLength: 1 }).map(
        (adds): EventOf<"concession.offered"> => ({ id: `hyp-concede-${n}`, type: 'concession.offered', occurred, precision: 'day', dateBasis: 'generated', summary: 's', hypothetical: true, party, term: term.id, adds, conditions: [] }),
      ),
    );

describe('what-if properties', () => {
  it('a scenario with no hypothetical events equals the baseline', () => {
    fc.assert(
      fc.property(logs, fc.array(date, { minLength: 1, maxLength: 3 }), (base, dates) => {
        const r = runScenario({ title: 'nothing', description: 'no events', events: [], expect: [], dates }, base);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        for (const c of r.value.comparisons) {
          expect(c.whatIf).toEqual(c.baseline);
          expect(c.changes).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('running a scenario never changes the baseline', () => {
    fc.assert(
      fc.property(logs, eventsArbitrary(catalog, { hypotheticalWeight: 1, maxLength: 8, story: false }), date, date, (base, extra, branchAt, d) => {
        const before = stateAt(base, d);
        const events = extra.filter((e) => e.hypothetical && !base.byId.has(e.id));
        runScenario({ title: 't', description: 'd', branchAt, events: events as never, expect: [], dates: [d] }, base);
        expect(stateAt(base, d)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it('a concession never widens any gap, under every policy', () => {
    fc.assert(
      fc.property(logs, date, date, fc.constantFrom(...policies), (base, on, d, policy) => {
        fc.pre(on <= d);
        fc.assert(
          fc.property(concessionArbitrary(fc.constant(on)), (concession) => {
            const forked = fork(base, { add: [concession] });
            expect(forked.ok).toBe(true);
            if (!forked.ok) return;
            const baseline = stateAt(base, d, { policy });
            const whatIf = stateAt(forked.value, d, { policy });
            // A concession can let an earlier, narrower agreement through the guard, so that a later one
            // no longer fits the lifecycle: with another agreement in force, compare what the positions give.
            const sameAgreement = JSON.stringify(baseline.agreement?.terms ?? null) === JSON.stringify(whatIf.agreement?.terms ?? null);
            const gapsOf = (s: NegotiationState) =>
              sameAgreement
                ? s.gaps
                : Object.fromEntries(catalog.terms.map((t) => [t.id, gapShape(t.ladder.map((o) => o.id), catalog.principals, s.positions[t.id]?.[catalog.principals[0]], s.positions[t.id]?.[catalog.principals[1]])]));
            const before = gapsOf(baseline);
            const after = gapsOf(whatIf);
            // The one documented exception: a side that named no accepted option, conceding one the
            // other rejects, makes "everything one accepts the other rejects" true, so an undetermined
            // gap turns open (and an agreement reported later may then find the term open).
            const conceded = before[concession.term]!;
            const firstAccepted = (baseline.positions[concession.term]?.[concession.party]?.accepts.length ?? 0) === 0;
            if (firstAccepted && conceded.status === 'undetermined' && after[concession.term]!.status === 'open') return;
            for (const t of catalog.terms) {
              const b = before[t.id]!;
              const a = after[t.id]!;
              if (b.status === 'agreed' || b.status === 'bridged') expect(['agreed', 'bridged'], t.id).toContain(a.status);
              if (b.status === 'open' && a.status === 'open' && a.distance !== null && b.distance !== null) expect(a.distance).toBeLessThanOrEqual(b.distance);
              if (b.status === 'undetermined') expect(['agreed', 'bridged', 'undetermined'], t.id).toContain(a.status);
            }
          }),
          { numRuns: 4 },
        );
      }),
      { numRuns: 40 },
    );
  });

  it('hypothetical events after date D change nothing on or before D', () => {
    fc.assert(
      fc.property(logs, date, eventsArbitrary(catalog, { hypotheticalWeight: 1, maxLength: 8, story: false, from: '2024-05-01' }), (base, d, extra) => {
        const later = extra.filter((e) => e.hypothetical && e.occurred > d && !base.byId.has(e.id));
        const forked = fork(base, { add: later });
        expect(forked.ok).toBe(true);
        if (forked.ok) expect(stateAt(forked.value, d)).toEqual(stateAt(base, d));
      }),
      { numRuns: 60 },
    );
  });
});

/** The concessions of a solution as hypothetical events; `drop` removes the farthest step of one of them. */
function concessionEvents(s: Solution, on: string, cat: Catalog, drop?: number): ParleyEvent[] {
  return s.concessions.flatMap((c, i) => {
    const index = cat.optionIndex.get(c.term)!;
    const from = c.from.map((o) => index.get(o)!);
    let added = c.to.filter((o) => !c.from.includes(o));
    if (i === drop) {
      const up = Math.max(...added.map((o) => index.get(o)!)) > Math.max(...from);
      const farthest = up ? Math.max(...added.map((o) => index.get(o)!)) : Math.min(...added.map((o) => index.get(o)!));
      added = added.filter((o) => index.get(o) !== farthest);
    }
    if (added.length === 0) return [];
    return [{ id: `hyp-explore-${i}`, type: 'concession.offered', occurred: on, precision: 'day', dateBasis: 'explore', summary: 's', hypothetical: true, party: c.party, term: c.term, adds: added, conditions: [] } as ParleyEvent];
  });
}

/** Every term explore had to bridge is bridged, and every checkable linked condition holds. */
function bridgesAll(state: NegotiationState, terms: readonly string[], cat: Catalog): boolean {
  const overlap = (term: string) => {
    const g = state.gaps[term]!;
    return g.status === 'bridged' ? g.options : g.status === 'agreed' ? [g.option] : [];
  };
  if (!terms.every((t) => overlap(t).length > 0)) return false;
  for (const party of cat.principals) {
    for (const t of cat.terms) {
      for (const c of state.positions[t.id]?.[party]?.conditions ?? []) {
        if (!terms.includes(c.term)) continue;
        if (!overlap(c.term).some((o) => c.accepts.includes(o))) return false;
      }
    }
  }
  return true;
}

describe('explore properties', () => {
  it("every set it reports bridges every term (feasible), and loses that when any one step is taken away (minimal)", () => {
    const positionsOnly = logArbitrary(catalog, { maxLength: 80, story: false });
    fc.assert(
      fc.property(positionsOnly, date, (base: EventLog, d) => {
        const state = stateAt(base, d);
        const r = explore(state, catalog, { maxSteps: 12, limit: 15 });
        const terms = [...r.openTerms, ...r.settledTerms];
        for (const s of r.solutions) {
          const applied = fork(base, { add: concessionEvents(s, d, catalog) });
          if (!applied.ok) throw new Error('fork failed');
          expect(bridgesAll(stateAt(applied.value, d), terms, catalog)).toBe(true);
          s.concessions.forEach((_, i) => {
            const reduced = fork(base, { add: concessionEvents(s, d, catalog, i) });
            if (!reduced.ok) throw new Error('fork failed');
            expect(bridgesAll(stateAt(reduced.value, d), terms, catalog)).toBe(false);
          });
        }
      }),
      { numRuns: 80 },
    );
  });
});
