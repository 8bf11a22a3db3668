// Invariants of the lifecycle on random deal specs (1-4 phases, random
// durations, due days, planned-end rules and requirements) and random logs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DealSpec, type EventLog, type PhaseClock, eventSchema, isoFromDayNumber, logFromEvents, phaseNumberOf, referenceStateAt, stateAt, withDeal } from '../src/index.js';
import { applyEntry } from '../src/model/apply-event.js';
import { memoisedTransition, phaseOf } from '../src/model/lifecycle.js';
import { initialReplayState } from '../src/model/replay-state.js';
import { dealSpecArbitrary, dealStory, isoDateArbitrary, logArbitrary, sampleCatalog } from '../src/testing/index.js';

const specAndLog: fc.Arbitrary<[DealSpec, EventLog]> = dealSpecArbitrary(sampleCatalog).chain((deal) =>
  logArbitrary(withDeal(sampleCatalog, deal), { maxLength: 120, idPool: 2, hypotheticalWeight: 0.3 }).map((log) => [deal, log] as [DealSpec, EventLog]),
);

/** The phases a phase may be entered from: the agreement for the first, the previous phase for the others. */
function allowedBefore(phase: string): string[] | null {
  const n = phaseNumberOf(phase);
  if (n === null) return null;
  return [n === 1 ? 'agreed' : `phase${n - 1}`, phase];
}

/** Dates around each phase start: either side of the due day and of the planned end, and a few more. */
function datesToAsk(deal: DealSpec, log: EventLog, offsets: readonly number[], random: string): string[] {
  const starts = log.entries.filter((e) => e.event.type === 'phase.started').map((e) => e.day);
  const around = (n: number | null) => (n === null ? [] : [n - 2, n - 1, n, n + 1]);
  const special = deal.phases.flatMap((p) => [...around(p.nextPhaseTalksDueDay), ...around(p.days)]);
  return [random, ...starts.flatMap((d) => [...special, ...offsets].map((k) => isoFromDayNumber(d + Math.max(0, k))))];
}

const talkPhrases = { 'not-yet-due': /talks due on/, due: /talks due today/, overdue: /talks overdue/, 'under-way': /talks under way/, agreed: /phase \d+ agreed on/ } as const;

/** At most one statement on the next phase, matching the fields; none on due or overdue talks past the planned end. */
function checkClock(deal: DealSpec, c: PhaseClock | null): void {
  if (c === null) return;
  const n = phaseNumberOf(c.phase)!;
  const spec = deal.phases[n - 1]!;
  const text = c.facts.join(' | ');
  expect(c.facts.length).toBeLessThanOrEqual(2);
  const stated = Object.entries(talkPhrases).filter(([, p]) => p.test(text)).map(([status]) => status);
  expect(stated.length, text).toBeLessThanOrEqual(1);
  if (stated.length === 1) expect(c.nextPhaseTalks, text).toBe(stated[0]);
  expect(c.pastPlannedEnd).toBe(c.plannedDays !== null && c.day > c.plannedDays);
  if (c.afterPlannedEnd !== null) expect(c.pastPlannedEnd && c.nextPhaseTalks !== 'agreed').toBe(true);
  if (c.pastPlannedEnd) expect(text).not.toMatch(/talks (due|overdue)/);
  if (c.nextPhaseTalks === 'due') expect(c.day).toBe(spec.nextPhaseTalksDueDay);
  if (c.nextPhaseTalks === 'overdue') expect(c.day).toBeGreaterThan(spec.nextPhaseTalksDueDay!);
  if (c.nextPhaseTalks === 'not-yet-due') expect(c.day).toBeLessThan(spec.nextPhaseTalksDueDay!);
  expect(c.nextPhaseTalks === null).toBe(n === deal.phases.length);
}

describe('lifecycle properties on random deal specs', () => {
  it('never violates phase order, and no phase starts without the agreement the spec requires', () => {
    fc.assert(
      fc.property(specAndLog, ([deal, log]) => {
        const ctx = { catalog: log.catalog, step: memoisedTransition(deal), policy: 'first-hand' as const };
        const s = initialReplayState();
        for (const entry of log.entries) {
          const before = phaseOf(s.lifecycle);
          applyEntry(s, entry, ctx);
          const after = phaseOf(s.lifecycle);
          const allowed = allowedBefore(after);
          if (allowed !== null) expect(allowed, `${before} -> ${after}`).toContain(before);
          const n = phaseNumberOf(after);
          if (n !== null && before !== after) {
            expect(s.agreement, `${after} entered with no agreement`).not.toBeNull();
            if (deal.phases[n - 1]!.requires === 'phase-agreement') expect(s.agreement!.covers[String(n)], `${after} entered with no agreement on it`).toBeDefined();
          }
          if (after === 'concluded' && before !== after) expect(before).toBe(`phase${deal.phases.length}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the clock never states two contradictory facts', () => {
    const offsets = fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 4 });
    fc.assert(
      fc.property(specAndLog, offsets, isoDateArbitrary(), ([deal, log], extra, random) => {
        for (const date of datesToAsk(deal, log, extra, random)) checkClock(deal, stateAt(log, date).clock);
      }),
      { numRuns: 150 },
    );
  });

  it("replaying a spec's own example history ends in its final state, with no anomaly", () => {
    fc.assert(
      fc.property(dealSpecArbitrary(sampleCatalog), (deal) => {
        const catalog = withDeal(sampleCatalog, deal);
        const events = dealStory(catalog).map((payload, i) =>
          eventSchema.parse({
            id: `story-${String(i).padStart(3, '0')}`,
            occurred: `2025-01-${String(1 + Math.floor(i / 2)).padStart(2, '0')}`,
            precision: 'day',
            dateBasis: 'example history',
            summary: 'example',
            hypothetical: true,
            ...(payload.type === 'round.opened' ? { mediators: ['broker'] } : {}),
            ...payload,
          }),
        );
        const end = stateAt(logFromEvents(catalog, events), '2025-02-28');
        expect(end.anomalies).toEqual([]);
        expect(end.phase).toBe('concluded');
      }),
      { numRuns: 100 },
    );
  });

  it('the memoised replay under any spec equals the reference replay', () => {
    fc.assert(
      fc.property(specAndLog, isoDateArbitrary(), ([, log], date) => {
        expect(stateAt(log, date)).toEqual(referenceStateAt(log, date));
      }),
      { numRuns: 100 },
    );
  });
});
