// fork() takes hypothetical events as a user writes them, completes them the
// way scenario files are completed, and returns problems instead of throwing.
import { describe, expect, it } from 'vitest';
import { fork, stateAt } from '../src/index.js';
import { position, reported, sampleLog } from './helpers/events.js';

const base = sampleLog([
  reported('2024-08-01', position('north', 'corridor', ['control'])),
  reported('2024-08-01', position('south', 'corridor', ['withdrawal'])),
]);
const raw = { type: 'concession.offered', occurred: '2024-08-05', party: 'north', term: 'corridor', adds: ['reduced', 'phased', 'withdrawal'], hypothetical: true };

describe('fork', () => {
  it('completes a raw hypothetical event: id, precision, dateBasis, summary, conditions', () => {
    const result = fork(base, { add: [raw] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const added = result.value.entries.find((e) => e.event.hypothetical)!.event;
    expect(added).toMatchObject({ id: 'h-fork-1', precision: 'day', hypothetical: true, conditions: [] });
    expect(added.summary).not.toBe('hypothetical');
    expect(added.dateBasis).toMatch(/hypothetical/);
    expect(stateAt(result.value, '2024-08-05').gaps.corridor).toMatchObject({ status: 'bridged', hypothetical: true });
  });

  it('completes as a scenario file does: leaving hypothetical out is the same as true', () => {
    const { hypothetical: _, ...unmarked } = raw;
    const a = fork(base, { add: [raw] });
    const b = fork(base, { add: [unmarked] });
    expect(a.ok && b.ok && a.value.entries.map((e) => e.event)).toEqual(b.ok && b.value.entries.map((e) => e.event));
  });

  it('returns problems, never throws, on bad additions', () => {
    const bad: unknown[] = [null, { ...raw, term: undefined }, { ...raw, party: 'east' }, { ...raw, hypothetical: false }, { ...raw, occurred: '2024-02-30' }, { type: 'no.such' }];
    const result = fork(base, { add: bad as never[], origin: 'mine' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.field, p.code])).toEqual([
      ['add[0]', 'bad-field'],
      ['add[1].term', 'missing-field'],
      ['add[2].party', 'unknown-party'],
      ['add[3].hypothetical', 'not-hypothetical'],
      ['add[4].occurred', 'bad-field'],
      ['add[5].type', 'unknown-type'],
    ]);
    for (const p of result.problems) expect(p.file).toBe('mine');
  });

  it('refuses an added id that the base already has, and a bad branch date', () => {
    const id = base.entries[0]!.event.id;
    const result = fork(base, { add: [{ ...raw, id }], branchAt: '2024-99-01' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code).sort()).toEqual(['bad-date', 'duplicate-id']);
  });
});
