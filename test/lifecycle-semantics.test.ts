// One test per lifecycle semantic of the deal spec, on the sample catalog
// under hand-written specs: what an agreement must settle and may defer,
// phases only upon an agreement covering them, releases by kind against the
// phase figures, round purposes, the planned end and its extension, stale
// rounds, and rounds closed by an agreement or a collapse.
import { describe, expect, it } from 'vitest';
import { type DealSpecInput, type ParleyEvent, dealSpecSchema, logFromEvents, stateAt, withDeal } from '../src/index.js';
import { describeReleases } from '../src/model/release-tally.js';
import { sampleCatalog } from '../src/testing/index.js';
import { position, reported } from './helpers/events.js';

function spec(overrides: Partial<DealSpecInput> = {}) {
  return dealSpecSchema.parse({
    id: 'test-deal',
    label: 'A test deal',
    phases: [
      { label: 'One', days: 42, nextPhaseTalksDueDay: 16, requires: 'agreement', figures: { hostages: 33 } },
      { label: 'Two', days: 42, requires: 'phase-agreement' },
      { label: 'Three', days: null, requires: 'phase-agreement' },
    ],
    ...overrides,
  });
}

const logUnder = (deal: ReturnType<typeof spec>, events: readonly ParleyEvent[]) => logFromEvents(withDeal(sampleCatalog, deal), events);
const opened = (round: string, purpose: string) => ({ type: 'round.opened' as const, round, venue: 'Capital', mediators: ['broker'], purpose });
const openCorridorAndCeasefire = [
  reported('2024-12-01', position('north', 'corridor', ['control'])),
  reported('2024-12-01', position('south', 'corridor', ['withdrawal'])),
  reported('2024-12-01', position('north', 'ceasefire', ['resume'])),
  reported('2024-12-01', position('south', 'ceasefire', ['permanent'])),
];

describe('an agreement settles some terms and may defer others', () => {
  it('defers a deferrable open term to the talks the spec names, and shows what it settles', () => {
    const deal = spec({ agreement: { mustSettle: 'all-but-deferrable', mayDefer: [{ term: 'ceasefire', to: 2 }] } });
    const s = stateAt(logUnder(deal, [...openCorridorAndCeasefire, reported('2025-01-15', { type: 'agreement.reached', terms: { corridor: 'phased' } })]), '2025-01-15');
    expect(s.phase).toBe('agreed');
    expect(s.agreement).toMatchObject({ terms: { corridor: 'phased' }, defers: { ceasefire: 2 } });
    expect(s.anomalies).toEqual([]);
  });

  it('is refused while a term it must settle is open and its text leaves it, naming that term', () => {
    const deal = spec({ agreement: { mustSettle: 'all-but-deferrable', mayDefer: [{ term: 'ceasefire', to: 2 }] } });
    const s = stateAt(logUnder(deal, [...openCorridorAndCeasefire, reported('2025-01-15', { type: 'agreement.reached', terms: {} })]), '2025-01-15');
    expect(s.phase).toBe('negotiating');
    expect(s.anomalies.map((a) => a.reason)).toEqual(['agreement reported while terms it must settle are open and its text does not settle them: corridor']);
  });

  it('with a must-settle list, leaves other open terms open without blocking (deferred to unnamed later talks)', () => {
    const deal = spec({ agreement: { mustSettle: ['corridor'], mayDefer: [] } });
    const s = stateAt(logUnder(deal, [...openCorridorAndCeasefire, reported('2025-01-15', { type: 'agreement.reached', terms: { corridor: 'phased' } })]), '2025-01-15');
    expect(s.agreement).toMatchObject({ defers: { ceasefire: null } });
  });
});

describe('a next phase starts only upon an agreement covering it', () => {
  const base = [reported('2025-01-15', { type: 'agreement.reached' }), reported('2025-01-19', { type: 'phase.started', phase: 1 })];

  it('names what is missing when phase 2 starts with no phase-2 agreement', () => {
    const s = stateAt(logUnder(spec(), [...base, reported('2025-03-02', { type: 'phase.started', phase: 2 })]), '2025-03-02');
    expect(s.phase).toBe('phase1');
    expect(s.anomalies.map((a) => a.reason)).toEqual(['phase 2 cannot start: no agreement covers phase 2 (the deal requires an agreement on phase 2 before it starts)']);
  });

  it('starts phase 2 upon an agreement reached during phase 1, which covers the next phase by default', () => {
    const s = stateAt(
      logUnder(spec(), [...base, reported('2025-02-20', { type: 'agreement.reached' }), reported('2025-03-02', { type: 'phase.started', phase: 2 })]),
      '2025-03-02',
    );
    expect(s).toMatchObject({ phase: 'phase2', anomalies: [], agreement: { covers: { '1': '2025-01-15', '2': '2025-02-20' } } });
  });

  it('does not read a second report of the agreement, before phase 1, as an agreement on phase 2', () => {
    const again = reported('2025-01-16', { type: 'agreement.reached' }, { source: 'wire' });
    const s = stateAt(logUnder(spec(), [...base.slice(0, 1), again, base[1]!, reported('2025-03-02', { type: 'phase.started', phase: 2 })]), '2025-03-02');
    expect(s.agreement!.covers).toEqual({ '1': '2025-01-15' });
    expect(s.anomalies.map((a) => a.eventId)).toHaveLength(1);
  });

  it('starts every phase upon the first agreement when the spec says they need only it', () => {
    const deal = spec({ phases: [{ label: 'One', days: 10, requires: 'agreement' }, { label: 'Two', days: null, requires: 'agreement' }] });
    const s = stateAt(logUnder(deal, [...base, reported('2025-02-01', { type: 'phase.started', phase: 2 })]), '2025-02-01');
    expect(s).toMatchObject({ phase: 'phase2', anomalies: [] });
  });

  it('says the next phase is agreed on the clock, instead of talks due or overdue', () => {
    const s = stateAt(logUnder(spec(), [...base, reported('2025-02-20', { type: 'agreement.reached', phases: [2] })]), '2025-03-05');
    expect(s.clock).toMatchObject({ nextPhaseTalks: 'agreed', nextPhaseTalksSince: '2025-02-20', pastPlannedEnd: true, afterPlannedEnd: null });
    expect(s.clock!.facts[1]).toBe("phase 1's planned 42 days ended on 2025-03-01; phase 2 agreed on 2025-02-20");
  });
});

describe('releases carry a kind and are tallied per phase against the figures', () => {
  it('"10 of 33 hostages released; 10 living"', () => {
    const s = stateAt(
      logUnder(spec(), [
        reported('2025-01-15', { type: 'agreement.reached' }),
        reported('2025-01-19', { type: 'phase.started', phase: 1 }),
        reported('2025-01-19', { type: 'release.made', kind: 'living', count: 4 }),
        reported('2025-01-26', { type: 'release.made', kind: 'living', count: 6 }),
      ]),
      '2025-01-26',
    );
    expect(describeReleases(s.releases[0]!)).toBe('phase 1: 10 of 33 hostages released; 10 living');
  });

  it('counts remains apart from living hostages, and prisoners apart from both, in the phase they happen', () => {
    const s = stateAt(
      logUnder(spec(), [
        reported('2025-01-15', { type: 'agreement.reached', phases: [1, 2] }),
        reported('2025-01-19', { type: 'phase.started', phase: 1 }),
        reported('2025-01-19', { type: 'release.made', kind: 'remains', count: 2 }),
        reported('2025-01-19', { type: 'release.made', kind: 'prisoners', count: 60 }),
        reported('2025-03-02', { type: 'phase.started', phase: 2 }),
        reported('2025-03-03', { type: 'release.made', kind: 'living', count: 5 }),
      ]),
      '2025-03-03',
    );
    expect(s.releases.map(describeReleases)).toEqual(['phase 1: 2 of 33 hostages released; 0 living; 2 remains; 60 prisoners released', 'phase 2: 5 hostages released; 5 living']);
  });
});

describe('rounds carry a purpose', () => {
  const base = [reported('2025-01-15', { type: 'agreement.reached' }), reported('2025-01-19', { type: 'phase.started', phase: 1 })];

  it('counts only a next-phase round as next-phase talks under way', () => {
    const implementation = stateAt(logUnder(spec(), [...base, reported('2025-01-25', opened('impl', 'implementation'))]), '2025-02-05');
    expect(implementation.clock).toMatchObject({ nextPhaseTalks: 'overdue' });
    const nextPhase = stateAt(logUnder(spec(), [...base, reported('2025-01-25', opened('next', 'next-phase'))]), '2025-02-05');
    expect(nextPhase.clock).toMatchObject({ nextPhaseTalks: 'under-way', nextPhaseTalksSince: '2025-01-25' });
  });

  it('refuses a round of talks before an agreement to be about implementation', () => {
    const s = stateAt(logUnder(spec(), [reported('2025-01-05', opened('impl', 'implementation'))]), '2025-01-05');
    expect(s.anomalies.map((a) => a.reason)).toEqual(["a round on implementation cannot open while the deal is negotiating (between rounds): before an agreement a round's purpose is talks"]);
  });
});

describe('the planned end', () => {
  const base = [reported('2025-01-15', { type: 'agreement.reached' }), reported('2025-01-19', { type: 'phase.started', phase: 1 })];

  it('is said per the spec: expired, or ended', () => {
    const expires = spec({ phases: [{ label: 'One', days: 42, onPlannedEnd: 'expires', requires: 'agreement' }, { label: 'Two', days: null, requires: 'phase-agreement' }] });
    expect(stateAt(logUnder(expires, base), '2025-03-02').clock!.facts).toEqual([
      'phase 1, day 43',
      "phase 1's planned 42 days ended on 2025-03-01 with no phase-2 agreement: phase 1 has expired (no phase-2 talks reported)",
    ]);
    const ends = spec({ phases: [{ label: 'One', days: 42, onPlannedEnd: 'ends', requires: 'agreement' }, { label: 'Two', days: null, requires: 'phase-agreement' }] });
    expect(stateAt(logUnder(ends, base), '2025-03-02').clock).toMatchObject({ afterPlannedEnd: 'ends' });
  });

  it('moves with an extension event, and only the phase in progress can be extended', () => {
    const log = logUnder(spec(), [
      ...base,
      reported('2025-02-25', { type: 'phase.extended', phase: 1, days: 10 }),
      reported('2025-02-26', { type: 'phase.extended', phase: 2, days: 5 }),
    ]);
    const s = stateAt(log, '2025-03-05');
    expect(s.clock).toMatchObject({ day: 46, plannedDays: 52, extendedByDays: 10, plannedEnd: '2025-03-11', pastPlannedEnd: false });
    expect(s.clock!.facts[0]).toBe('phase 1, day 46 of 52 (extended by 10 days)');
    expect(stateAt(log, '2025-03-12').clock).toMatchObject({ pastPlannedEnd: true });
    expect(s.anomalies.map((a) => a.reason)).toEqual(["phase 2's planned end cannot be extended while the deal is phase1 (in progress)"]);
  });

  it('cannot be extended for a phase that has none', () => {
    const deal = spec({ phases: [{ label: 'Only', days: null, requires: 'agreement' }] });
    const s = stateAt(logUnder(deal, [...base, reported('2025-02-01', { type: 'phase.extended', phase: 1, days: 3 })]), '2025-02-01');
    expect(s.anomalies.map((a) => a.reason)).toEqual(['phase 1 has no planned end to extend']);
  });
});

describe('rounds nobody closed', () => {
  it('are "last reported in session" once the spec\'s days pass with no report, per the spec', () => {
    const log = logUnder(spec({ roundStaleAfterDays: 5 }), [reported('2025-01-01', opened('r', 'talks'))]);
    expect(stateAt(log, '2025-01-06').round).toMatchObject({ status: 'in-session' });
    expect(stateAt(log, '2025-01-07').round).toMatchObject({ status: 'last-reported-in-session', lastReported: '2025-01-01' });
  });

  it('are closed by an agreement, which says so', () => {
    const s = stateAt(logUnder(spec(), [reported('2025-01-01', opened('r', 'talks')), reported('2025-01-15', { type: 'agreement.reached' })]), '2025-01-15');
    expect(s.round).toMatchObject({ closed: '2025-01-15', closedBy: 'agreement', status: 'closed' });
  });
});
