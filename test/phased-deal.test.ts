// The "done when" history, date by date: a deal that settles some terms
// and defers one, phase 1 with its clock, implementation and next-phase talks,
// releases in batches, the planned end passing, and a collapse. The log is a
// fixture (test/fixtures/phased-deal) with its own deal.json.
import { beforeAll, describe, expect, it } from 'vitest';
import { type EventLog, type ParleyEvent, eventSchema, fork, loadLog, stateAt } from '../src/index.js';
import { fixture } from './helpers/cli.js';

let log: EventLog;

beforeAll(async () => {
  const loaded = await loadLog([fixture('phased-deal')]);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  log = loaded.value.log;
});

const at = (date: string) => stateAt(log, date);

describe('a phased deal, date by date', () => {
  it('runs under the deal.json beside its catalog', () => {
    expect(log.catalog.deal.id).toBe('phased-fixture');
  });

  it('15 Jan: agreed, settling the corridor and crossing and deferring the ceasefire to the phase-2 talks; the open round is closed by the agreement', () => {
    const s = at('2025-01-15');
    expect(s.phase).toBe('agreed');
    expect(s.agreement).toMatchObject({ terms: { corridor: 'phased', crossing: 'mission' }, defers: { ceasefire: 2 }, covers: { '1': '2025-01-15' } });
    expect(s.agreement!.eventIds).toEqual(['phased-006', 'phased-007']);
    expect(s.round).toMatchObject({ id: 'doha-jan', closed: '2025-01-15', closedBy: 'agreement', status: 'closed' });
    expect(s.gaps.ceasefire).toMatchObject({ status: 'open' });
    expect(s.anomalies).toEqual([]);
  });

  it('19 Jan: phase 1, day 1 of 42, releases counted against the phase figures', () => {
    const s = at('2025-01-19');
    expect(s).toMatchObject({ phase: 'phase1', stage: 'inProgress' });
    expect(s.clock).toMatchObject({ day: 1, plannedDays: 42, nextPhaseTalks: 'not-yet-due', nextPhaseTalksDueOn: '2025-02-03' });
    expect(s.clock!.facts).toEqual(['phase 1, day 1 of 42', 'phase-2 talks due on 2025-02-03']);
    expect(s.releases).toEqual([expect.objectContaining({ phase: 1, living: expect.objectContaining({ count: 3 }), prisoners: expect.objectContaining({ count: 90 }), expected: { hostages: 33 } })]);
  });

  it('25 Jan: a release reported by two outlets (one act) counts once', () => {
    expect(at('2025-01-25').releases[0]!.living).toMatchObject({ count: 7, eventIds: ['phased-009', 'phased-011', 'phased-012'] });
  });

  it('3 Feb (day 16): phase-2 talks are due today, not overdue; the implementation round does not count as phase-2 talks', () => {
    const s = at('2025-02-03');
    expect(s.round).toMatchObject({ id: 'cairo-implementation', purpose: 'implementation', status: 'in-session' });
    expect(s.clock).toMatchObject({ day: 16, nextPhaseTalks: 'due' });
    expect(s.clock!.facts).toEqual(['phase 1, day 16 of 42', 'phase-2 talks due today (day 16)']);
  });

  it('4 Feb (day 17): overdue from the day after the due day, the implementation round still not counted', () => {
    expect(at('2025-02-04').clock).toMatchObject({ day: 17, nextPhaseTalks: 'overdue' });
    expect(at('2025-02-09').clock).toMatchObject({ day: 22, nextPhaseTalks: 'overdue' });
  });

  it('10 Feb: next-phase talks under way once a next-phase round opens', () => {
    const s = at('2025-02-10');
    expect(s.clock).toMatchObject({ day: 23, nextPhaseTalks: 'under-way', nextPhaseTalksSince: '2025-02-10' });
    expect(s.clock!.facts).toEqual(['phase 1, day 23 of 42', 'phase-2 talks under way since 2025-02-10']);
    expect(s.clock!.eventIds).toEqual(['phased-008', 'phased-014']);
  });

  it('1 Mar is day 42, still within the plan; 2 Mar is past the planned end, said once in one plain sentence', () => {
    expect(at('2025-03-01').clock).toMatchObject({ day: 42, pastPlannedEnd: false, afterPlannedEnd: null });
    const s = at('2025-03-02');
    expect(s.clock).toMatchObject({ day: 43, pastPlannedEnd: true, plannedEnd: '2025-03-01', afterPlannedEnd: 'continues-while-talks-continue', nextPhaseTalks: 'under-way' });
    expect(s.clock!.facts).toEqual([
      'phase 1, day 43',
      "phase 1's planned 42 days ended on 2025-03-01 with no phase-2 agreement: the deal says the ceasefire continues while talks continue (phase-2 talks under way since 2025-02-10)",
    ]);
    expect(s.releases[0]).toMatchObject({ living: { count: 7 }, remains: { count: 4 } });
  });

  it('16 Mar: a round no source has reported for more than 14 days is last reported in session, not in session', () => {
    expect(at('2025-03-13').round).toMatchObject({ id: 'doha-phase2', status: 'in-session', lastReported: '2025-02-27' });
    expect(at('2025-03-14').round).toMatchObject({ id: 'doha-phase2', status: 'last-reported-in-session', lastReported: '2025-02-27' });
  });

  it('18 Mar: collapsed, the agreement retired, and no round in session: the collapse closed it and says so', () => {
    const s = at('2025-03-18');
    expect(s).toMatchObject({ phase: 'collapsed', agreement: null, clock: null });
    expect(s.round).toMatchObject({ id: 'doha-phase2', closed: '2025-03-18', closedBy: 'collapse', status: 'closed' });
    expect(s.round!.eventIds).toContain('phased-017');
  });

  it('has no anomaly on any day: every event is consistent with the spec', () => {
    for (const date of ['2025-01-15', '2025-02-03', '2025-03-02', '2025-03-18', '2025-04-30']) expect(at(date).anomalies).toEqual([]);
  });

  it('gives a precise anomaly where the events are not consistent with the spec', () => {
    const stray = (occurred: string, payload: Record<string, unknown>): ParleyEvent =>
      eventSchema.parse({ id: `stray-${occurred}-${String(payload.type).replace('.', '-')}`, occurred, precision: 'day', dateBasis: 'test', summary: 'what-if', hypothetical: true, ...payload });
    const forked = fork(log, {
      add: [
        stray('2025-03-05', { type: 'phase.started', phase: 2 }),
        stray('2025-03-06', { type: 'phase.started', phase: 3 }),
        stray('2025-03-07', { type: 'round.opened', round: 'wrong', venue: 'Cairo', mediators: ['broker'], purpose: 'talks' }),
        stray('2025-03-20', { type: 'release.made', kind: 'living', count: 1 }),
      ],
    });
    if (!forked.ok) throw new Error(forked.problems.map((p) => p.message).join('\n'));
    expect(stateAt(forked.value, '2025-03-20').anomalies.map((a) => a.reason)).toEqual([
      'phase 2 cannot start: no agreement covers phase 2 (the deal requires an agreement on phase 2 before it starts)',
      'phase 3 cannot start while the deal is phase1 (in progress): phase 3 follows phase 2',
      "a round on talks cannot open while the deal is phase1 (in progress): after an agreement a round's purpose is implementation or next-phase",
      'a release under the deal cannot happen while the deal is collapsed',
    ]);
  });
});
