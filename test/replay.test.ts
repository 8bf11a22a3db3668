import { describe, expect, it } from 'vitest';
import { diffStates, fork, indexFor, referenceStateAt, stateAt } from '../src/index.js';
import { sourceDivergences } from '../src/model/source-divergence.js';
import { hypothetical, position, reported, sampleLog } from './helpers/events.js';

describe('positions and gaps', () => {
  it('derives open, bridged, unknown and agreed gaps between the principals', () => {
    const log = sampleLog([
      reported('2024-08-01', position('north', 'corridor', ['control'])),
      reported('2024-08-01', position('south', 'corridor', ['withdrawal'])),
      reported('2024-08-01', position('north', 'crossing', ['control', 'mission'])),
      reported('2024-08-01', position('south', 'crossing', ['mission', 'local'])),
      reported('2024-08-01', position('north', 'ceasefire', ['resume'])),
    ]);
    const { gaps } = stateAt(log, '2024-08-01');
    expect(gaps.corridor).toMatchObject({ status: 'open', distance: 3 });
    expect(gaps.crossing).toMatchObject({ status: 'bridged', options: ['mission'] });
    expect(gaps.ceasefire).toMatchObject({ status: 'unknown', missing: ['south'] });
  });

  it('calls a term agreed when both principals accepted a text that settles it', () => {
    const log = sampleLog([
      reported('2024-08-01', position('north', 'corridor', ['control'])),
      reported('2024-08-01', position('south', 'corridor', ['withdrawal'])),
      reported('2024-08-02', { type: 'proposal.tabled', proposal: 'p1', by: 'broker', title: 'P1', terms: { corridor: 'phased' } }),
      reported('2024-08-03', { type: 'proposal.accepted', proposal: 'p1', party: 'north' }),
      reported('2024-08-04', { type: 'proposal.accepted', proposal: 'p1', party: 'south', as: 'basis' }),
      reported('2024-08-05', { type: 'proposal.accepted', proposal: 'p1', party: 'south' }),
    ]);
    expect(stateAt(log, '2024-08-04').gaps.corridor!.status).toBe('open');
    const agreed = stateAt(log, '2024-08-05').gaps.corridor!;
    expect(agreed).toMatchObject({ status: 'agreed', option: 'phased', basis: 'proposal', proposal: 'p1' });
    expect(agreed.eventIds).toHaveLength(3);
  });

  it('keeps the events behind a value: a repeat adds its id, a change starts afresh, a concession widens', () => {
    const a = reported('2024-08-01', position('north', 'corridor', ['control']));
    const b = reported('2024-08-02', position('north', 'corridor', ['control']), { source: 'wire' });
    const c = reported('2024-08-03', { type: 'concession.offered', party: 'north', term: 'corridor', adds: ['reduced'] });
    const d = reported('2024-08-04', position('north', 'corridor', ['withdrawal', 'phased']));
    const log = sampleLog([a, b, c, d]);
    expect(stateAt(log, '2024-08-02').positions.corridor!.north).toMatchObject({ accepts: ['control'], eventIds: [a.id, b.id], since: '2024-08-01' });
    expect(stateAt(log, '2024-08-03').positions.corridor!.north).toMatchObject({ accepts: ['control', 'reduced'], eventIds: [a.id, b.id, c.id], since: '2024-08-03' });
    expect(stateAt(log, '2024-08-04').positions.corridor!.north).toMatchObject({ accepts: ['phased', 'withdrawal'], eventIds: [d.id] });
  });
});

describe('the lifecycle', () => {
  it('tracks rounds, and counts a second source on the same round as corroboration', () => {
    const opened = reported('2024-08-15', { type: 'round.opened', round: 'r1', venue: 'Doha', mediators: ['broker'], purpose: 'talks' });
    const again = reported('2024-08-15', { type: 'round.opened', round: 'r1', venue: 'Doha', mediators: ['broker'], purpose: 'talks' }, { source: 'wire' });
    const closed = reported('2024-08-16', { type: 'round.closed', round: 'r1' });
    const log = sampleLog([opened, again, closed]);
    const during = stateAt(log, '2024-08-15');
    expect(during).toMatchObject({ phase: 'negotiating', stage: 'roundInSession', roundsOpened: 1 });
    expect(during.round!.eventIds).toEqual([opened.id, again.id]);
    expect(stateAt(log, '2024-08-16')).toMatchObject({ stage: 'betweenRounds', round: { id: 'r1', closed: '2024-08-16' } });
    expect(stateAt(log, '2024-08-16').anomalies).toEqual([]);
  });

  it('records events the model cannot place as anomalies, never dropping them silently', () => {
    const early = reported('2024-08-01', { type: 'phase.started', phase: 2 });
    const strayClose = reported('2024-08-02', { type: 'round.closed', round: 'nowhere' });
    const unknownProposal = reported('2024-08-03', { type: 'proposal.accepted', proposal: 'ghost', party: 'north' });
    const log = sampleLog([
      reported('2024-08-01', position('north', 'corridor', ['control'])),
      reported('2024-08-01', position('south', 'corridor', ['withdrawal'])),
      early, strayClose, unknownProposal,
      reported('2024-08-04', { type: 'agreement.reached' }),
    ]);
    const s = stateAt(log, '2024-08-04');
    expect(s.phase).toBe('negotiating');
    expect(s.anomalies.map((a) => a.reason)).toEqual([
      'phase 2 cannot start while the deal is negotiating (between rounds): phase 2 follows phase 1',
      'round nowhere is not in session (current: none)',
      'proposal ghost has not been tabled',
      'agreement reported while terms it must settle are open and its text does not settle them: corridor',
    ]);
  });

  it('treats a concession with no stated position to widen as an anomaly, not as a first statement', () => {
    const stray = reported('2024-08-02', { type: 'concession.offered', party: 'south', term: 'corridor', adds: ['reduced'] });
    const s = stateAt(sampleLog([reported('2024-08-01', position('north', 'corridor', ['control'])), stray]), '2024-08-02');
    expect(s.positions.corridor!.south).toBeUndefined();
    expect(s.gaps.corridor!.status).toBe('unknown');
    expect(s.anomalies).toEqual([{ eventId: stray.id, type: 'concession.offered', date: '2024-08-02', reason: 'south has no stated position on corridor to widen (state one with position.stated)', hypothetical: false }]);
  });

  it('runs the phase-1 clock from the query date: talks due on day 16, overdue from day 17, past day 42 one plain sentence', () => {
    const log = sampleLog([
      reported('2025-01-15', { type: 'agreement.reached', terms: { corridor: 'phased' } }),
      reported('2025-01-19', { type: 'phase.started', phase: 1 }),
      reported('2025-01-19', { type: 'release.made', kind: 'living', count: 3 }),
    ]);
    expect(stateAt(log, '2025-01-19').clock).toMatchObject({ phase: 'phase1', day: 1, nextPhaseTalks: 'not-yet-due', nextPhaseTalksDueOn: '2025-02-03' });
    expect(stateAt(log, '2025-02-03').clock).toMatchObject({ day: 16, nextPhaseTalks: 'due' });
    expect(stateAt(log, '2025-02-04').clock).toMatchObject({ day: 17, nextPhaseTalks: 'overdue' });
    expect(stateAt(log, '2025-03-02').clock).toMatchObject({ day: 43, pastPlannedEnd: true, plannedEnd: '2025-03-01', afterPlannedEnd: 'continues-while-talks-continue' });
    expect(stateAt(log, '2025-03-02')).toMatchObject({ phase: 'phase1', stage: 'inProgress', releases: [{ phase: 1, living: { count: 3 }, expected: { hostages: 33 } }] });
    expect(stateAt(log, '2025-01-19').gaps.corridor).toMatchObject({ status: 'agreed', option: 'phased', basis: 'agreement' });
  });

  it('takes a second source on the same lifecycle move as corroboration, in every stage', () => {
    const started = reported('2025-01-19', { type: 'phase.started', phase: 1 }, { act: 'p1-start' });
    const startedAgain = reported('2025-01-19', { type: 'phase.started', phase: 1 }, { act: 'p1-start', source: 'wire' });
    const done = reported('2025-03-01', { type: 'phase.completed', phase: 1 }, { act: 'p1-done' });
    const doneAgain = reported('2025-03-01', { type: 'phase.completed', phase: 1 }, { act: 'p1-done', source: 'wire' });
    const s = stateAt(sampleLog([reported('2025-01-15', { type: 'agreement.reached' }), started, startedAgain, done, doneAgain]), '2025-03-02');
    expect(s.anomalies).toEqual([]);
    expect(s).toMatchObject({ phase: 'phase1', stage: 'completed' });
    expect(s.phaseSince!.eventIds).toEqual([done.id, doneAgain.id]);
    expect(s.phaseStarts['1']!.eventIds).toEqual([started.id, startedAgain.id]);
  });

  it('retires the agreement when hostilities resume: the gaps fall back to the positions', () => {
    const log = sampleLog([
      reported('2025-01-10', position('north', 'corridor', ['control'])),
      reported('2025-01-10', position('south', 'corridor', ['withdrawal'])),
      reported('2025-01-15', { type: 'agreement.reached', terms: { corridor: 'phased' } }),
      reported('2025-03-18', { type: 'hostilities.resumed' }),
    ]);
    expect(stateAt(log, '2025-03-17').gaps.corridor).toMatchObject({ status: 'agreed', basis: 'agreement' });
    const after = stateAt(log, '2025-03-18');
    expect(after).toMatchObject({ phase: 'collapsed', agreement: null });
    expect(after.gaps.corridor).toMatchObject({ status: 'open', distance: 3 });
  });

  it('marks what rests on hypothetical events: the phase move, the clock, an anomaly', () => {
    const agreed = hypothetical('2025-01-15', { type: 'agreement.reached' });
    const start = hypothetical('2025-01-19', { type: 'phase.started', phase: 1 });
    const stray = hypothetical('2025-01-20', { type: 'phase.started', phase: 3 });
    const s = stateAt(sampleLog([agreed, start, stray]), '2025-01-20');
    expect(s.phaseSince).toMatchObject({ eventIds: [start.id], hypothetical: true });
    expect(s.clock).toMatchObject({ day: 2, eventIds: [start.id], hypothetical: true });
    expect(s.anomalies).toEqual([expect.objectContaining({ eventId: stray.id, hypothetical: true })]);
    const phaseChange = diffStates(stateAt(sampleLog([agreed, start]), '2025-01-18'), s).find((c) => c.path === 'phase');
    expect(phaseChange).toMatchObject({ before: 'agreed', after: 'phase1.inProgress', eventIds: [start.id], hypothetical: true });
  });

  it('counts a release reported by two sources (one act) once', () => {
    const log = sampleLog([
      reported('2025-01-15', { type: 'agreement.reached' }),
      reported('2025-01-19', { type: 'phase.started', phase: 1 }),
      reported('2025-01-19', { type: 'release.made', kind: 'living', count: 3 }, { act: 'first-release' }),
      reported('2025-01-19', { type: 'release.made', kind: 'living', count: 3 }, { act: 'first-release', source: 'wire' }),
    ]);
    expect(stateAt(log, '2025-01-19').releases[0]!.living).toMatchObject({ count: 3 });
    expect(stateAt(log, '2025-01-19').releases[0]!.living!.eventIds).toHaveLength(2);
  });
});

describe('queries', () => {
  const public1 = reported('2024-08-10', position('north', 'corridor', ['control']), { reported: '2024-08-10' });
  const late = reported('2024-08-11', position('south', 'corridor', ['withdrawal']), { reported: '2024-08-20', source: 'wire' });
  const log = sampleLog([public1, late]);

  it('knownAt keeps only what was reported by then', () => {
    expect(stateAt(log, '2024-08-15').positions.corridor!.south).toBeDefined();
    expect(stateAt(log, '2024-08-15', { knownAt: '2024-08-15' }).positions.corridor!.south).toBeUndefined();
  });

  it('sources keeps only events from those sources', () => {
    const s = stateAt(log, '2024-08-15', { sources: ['wire'] });
    expect(Object.keys(s.positions.corridor!)).toEqual(['south']);
    expect(s.sources).toEqual(['wire']);
  });

  it('keeps a checkpoint index per filter, the most recently used 16 of them', () => {
    const l = sampleLog([reported('2024-08-10', position('north', 'corridor', ['control']))]);
    const first = indexFor(l, { knownAt: '2024-08-01' });
    expect(indexFor(l, { knownAt: '2024-08-01' })).toBe(first);
    for (let day = 2; day <= 17; day++) indexFor(l, { knownAt: `2024-08-${String(day).padStart(2, '0')}` });
    expect(indexFor(l, { knownAt: '2024-08-01' })).not.toBe(first);
  });

  it('agrees with the reference replay', () => {
    for (const date of ['2024-08-09', '2024-08-10', '2024-08-11', '2024-09-01']) expect(stateAt(log, date)).toEqual(referenceStateAt(log, date));
  });

  it('names the evidence of a value that went away', () => {
    const opened = reported('2024-08-10', { type: 'round.opened', round: 'r1', venue: 'Doha', mediators: ['broker'], purpose: 'talks' });
    const l = sampleLog([opened]);
    const gone = diffStates(stateAt(l, '2024-08-10'), stateAt(l, '2024-08-09')).find((c) => c.path === 'round');
    expect(gone).toMatchObject({ after: null, eventIds: [opened.id] });
  });

  it('diffs two states value by value with the events behind each change', () => {
    const changes = diffStates(stateAt(log, '2024-08-10'), stateAt(log, '2024-08-11'));
    expect(changes.map((c) => c.path)).toEqual(['positions.corridor.south', 'gaps.corridor']);
    expect(changes[0]).toMatchObject({ before: null, eventIds: [late.id], hypothetical: false });
    expect(changes[1]).toMatchObject({ before: { status: 'unknown', missing: ['south'] }, after: { status: 'open', distance: 3 } });
  });
});

describe('immutability', () => {
  it('a returned state cannot be used to change the log', () => {
    const log = sampleLog([reported('2024-08-01', position('north', 'corridor', ['control', 'reduced']))]);
    const s = stateAt(log, '2024-08-01');
    expect(() => (s.positions.corridor!.north!.accepts as string[]).push('withdrawal')).toThrow(TypeError);
    expect(() => (s.positions.corridor!.north!.eventIds as string[]).pop()).toThrow(TypeError);
    expect(stateAt(log, '2024-08-02').positions.corridor!.north!.accepts).toEqual(['control', 'reduced']);
  });
});

describe('forks', () => {
  it('adds hypothetical events, drops reported ones after the branch date, and marks what they produce', () => {
    const base = sampleLog([
      reported('2024-08-01', position('north', 'corridor', ['control'])),
      reported('2024-08-01', position('south', 'corridor', ['reduced', 'phased'])),
      reported('2024-08-09', position('north', 'corridor', ['control'])),
    ]);
    const concession = hypothetical('2024-08-05', { type: 'concession.offered', party: 'north', term: 'corridor', adds: ['reduced'] });
    const result = fork(base, { branchAt: '2024-08-05', add: [concession] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.entries).toHaveLength(3);
    const s = stateAt(result.value, '2024-08-10');
    expect(s.gaps.corridor).toMatchObject({ status: 'bridged', options: ['reduced'], hypothetical: true });
    expect(s.hypotheticalEventCount).toBe(1);
    expect(stateAt(base, '2024-08-10').gaps.corridor!.status).toBe('open');
  });

  it('names a kept id that is not in the base log', () => {
    const result = fork(sampleLog([]), { branchAt: '2024-08-01', keep: ['nowhere-123'], add: [], origin: 'what-if.yaml' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ file: 'what-if.yaml', code: 'unknown-event', field: 'keep[0]', message: 'no event with id "nowhere-123" in the base log' }]);
  });

  it('refuses a reported event passed off as hypothetical', () => {
    const base = sampleLog([]);
    const result = fork(base, { add: [reported('2024-08-01', position('north', 'corridor', ['control']))], origin: 'what-if.yaml' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ file: 'what-if.yaml', field: 'add[0].hypothetical' });
  });
});

describe('where outlets differ', () => {
  it('lists the positions two outlets report differently, with each version and its events', () => {
    const daily = reported('2024-08-01', position('north', 'corridor', ['control']));
    const wire = reported('2024-08-01', position('north', 'corridor', ['control', 'reduced']), { source: 'wire' });
    const agreeing = [reported('2024-08-01', position('south', 'corridor', ['phased'])), reported('2024-08-01', position('south', 'corridor', ['phased']), { source: 'wire' })];
    const log = sampleLog([daily, wire, ...agreeing]);
    const views = ['daily', 'wire'].map((source) => ({ source, state: stateAt(log, '2024-08-01', { sources: [source] }) }));
    expect(sourceDivergences(log.catalog, views)).toEqual([
      { term: 'corridor', party: 'north', bySource: [{ source: 'daily', accepts: ['control'], rejects: ['reduced', 'phased', 'withdrawal'], eventIds: [daily.id] }, { source: 'wire', accepts: ['control', 'reduced'], rejects: ['phased', 'withdrawal'], eventIds: [wire.id] }] },
    ]);
  });
});
