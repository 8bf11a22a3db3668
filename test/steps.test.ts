import { describe, expect, it } from 'vitest';
import { createCatalog } from '../src/domain/catalog-schema.js';
import { logFromEvents } from '../src/domain/event-log.js';
import type { ParleyEvent } from '../src/domain/event-schema.js';
import { stateAt } from '../src/model/replay.js';
import { position } from './helpers/events.js';
import { stepIndexAt, steps } from '../src/model/steps.js';

const catalog = createCatalog(
  [{ id: 'corridor', label: 'Corridor', axis: 'from control to withdrawal', ladder: [{ id: 'control', label: 'control' }, { id: 'phased', label: 'phased' }, { id: 'withdrawal', label: 'withdrawal' }] }],
  [
    { id: 'north', name: 'North', role: 'principal' },
    { id: 'south', name: 'South', role: 'principal' },
    { id: 'broker', name: 'Broker', role: 'mediator' },
  ],
  [
    { id: 'daily', outlet: 'The Daily', title: 'Talks resume', published: '2024-08-01', publishedBasis: 'dated', document: 'daily.txt' },
    { id: 'wire', outlet: 'The Wire', title: 'Gaps remain', published: '2024-08-02', publishedBasis: 'dated', document: 'wire.txt' },
  ],
);

let n = 0;
function event(occurred: string, payload: Record<string, unknown>, source = 'daily'): ParleyEvent {
  n++;
  return {
    id: `step-${String(n).padStart(4, '0')}`,
    occurred,
    precision: 'day',
    dateBasis: 'test',
    reported: occurred,
    source,
    quote: `quote ${n}`,
    attribution: { speaker: `speaker ${n}`, onRecord: true },
    summary: `event ${n}`,
    hypothetical: false,
    conditions: [],
    ...payload,
  } as unknown as ParleyEvent;
}

const opened = (round: string) => ({ type: 'round.opened', round, venue: 'Capital', mediators: ['broker'], purpose: 'talks' });
const stated = (party: string, accepts: string[]) => position(party, 'corridor', accepts);

const events = [
  event('2024-08-01', stated('north', ['control'])),
  event('2024-08-02', opened('first')),
  event('2024-08-02', stated('south', ['withdrawal']), 'wire'),
  event('2024-08-03', { type: 'round.closed', round: 'first' }),
  event('2024-08-05', opened('second')),
  event('2024-08-05', opened('second'), 'wire'),
  event('2024-08-06', stated('north', ['control', 'phased'])),
];
const log = logFromEvents(catalog, events);

describe('steps', () => {
  it('by event: one step per event, chained states, the last equal to a full replay', () => {
    const seq = steps(log, { by: 'event' });
    expect(seq.map((s) => s.events.map((e) => e.event.id))).toEqual(events.map((e) => [e.id]));
    for (let i = 1; i < seq.length; i++) expect(seq[i]!.before).toBe(seq[i - 1]!.after);
    expect(seq.at(-1)!.after).toEqual(stateAt(log, '2024-08-06'));
    expect(seq[0]!.before.eventCount).toBe(0);
  });

  it('by day: events of one day together, dated by that day', () => {
    const seq = steps(log, { by: 'day' });
    expect(seq.map((s) => [s.from, s.events.length])).toEqual([
      ['2024-08-01', 1],
      ['2024-08-02', 2],
      ['2024-08-03', 1],
      ['2024-08-05', 2],
      ['2024-08-06', 1],
    ]);
    for (const s of seq) expect(s.after).toEqual(stateAt(log, s.to));
  });

  it('by round: from one round.opened to the next, a second report of an opening staying in its round', () => {
    const seq = steps(log, { by: 'round' });
    expect(seq.map((s) => [s.round, s.from, s.to, s.events.length])).toEqual([
      [null, '2024-08-01', '2024-08-01', 1],
      ['first', '2024-08-02', '2024-08-03', 3],
      ['second', '2024-08-05', '2024-08-06', 3],
    ]);
  });

  it('lists what changed, with the events behind it', () => {
    const [, second] = steps(log, { by: 'day' });
    const paths = second!.changes.map((c) => c.path);
    expect(paths).toEqual(expect.arrayContaining(['phase', 'round', 'positions.corridor.south', 'gaps.corridor']));
    const gap = second!.changes.find((c) => c.path === 'gaps.corridor')!;
    expect(gap.before).toMatchObject({ status: 'unknown' });
    expect(gap.after).toMatchObject({ status: 'open', distance: 2 });
    expect(gap.eventIds).toContain(events[2]!.id);
  });

  it('carries source, quote and attribution with each event', () => {
    const [, second] = steps(log, { by: 'day' });
    const e = second!.events[1]!;
    expect(e.source?.outlet).toBe('The Wire');
    expect(e.event.quote).toBe('quote 3');
    expect(e.event.attribution?.speaker).toBe('speaker 3');
  });

  it('starts from a date, earlier events folded into the first state before', () => {
    const seq = steps(log, { by: 'event', from: '2024-08-04' });
    expect(seq[0]!.events[0]!.event.id).toBe(events[4]!.id);
    expect(seq[0]!.before).toEqual(stateAt(log, '2024-08-04'));
    expect(seq.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(steps(log, { from: '2024-09-01' })).toEqual([]);
  });

  it('applies a source filter', () => {
    const seq = steps(log, { by: 'event', filter: { sources: ['wire'] } });
    expect(seq.map((s) => s.events[0]!.event.source)).toEqual(['wire', 'wire']);
    expect(seq.at(-1)!.after.sources).toEqual(['wire']);
  });

  it('folds under the filter\'s policy: each step\'s state is the one stateAt gives under that policy', () => {
    // A mediator's claim about North, then the outlet's later narration: first-hand and latest disagree.
    const mediated = { ...event('2024-08-07', stated('north', ['phased'])), attribution: { speaker: 'an envoy', onRecord: true, party: 'broker' } } as ParleyEvent;
    const policyLog = logFromEvents(catalog, [...events, mediated, event('2024-08-08', stated('north', ['withdrawal']))]);
    const finals = (['first-hand', 'latest', 'consensus'] as const).map((policy) => {
      const seq = steps(policyLog, { by: 'day', filter: { policy } });
      for (const s of seq) expect(s.after).toEqual(stateAt(policyLog, s.to, { policy }));
      return seq.at(-1)!.after.positions.corridor!.north!.accepts;
    });
    expect(finals[0]).not.toEqual(finals[1]);
  });

  it('marks hypothetical events and changes', () => {
    const what = { ...event('2024-08-07', stated('south', ['phased'])), source: undefined, hypothetical: true } as ParleyEvent;
    const seq = steps(logFromEvents(catalog, [...events, what]), { by: 'day' });
    const last = seq.at(-1)!;
    expect(last.events[0]!.source).toBeNull();
    expect(last.changes.find((c) => c.path === 'gaps.corridor')).toMatchObject({ hypothetical: true, after: { status: 'bridged' } });
  });

  it('finds the step showing a date', () => {
    const seq = steps(log, { by: 'day' });
    expect(stepIndexAt(seq, '2024-08-04')).toBe(2);
    expect(stepIndexAt(seq, '2024-07-01')).toBe(0);
    expect(stepIndexAt(seq, '2024-12-31')).toBe(4);
  });
});
