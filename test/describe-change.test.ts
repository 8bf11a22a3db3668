// The words "What changed" uses for a state change, in the stepper and the handout.
import { describe, expect, it } from 'vitest';
import { stateAt } from '../src/model/replay.js';
import { diffStates } from '../src/model/state-diff.js';
import { type Names, describeChange, describeChanges } from '../src/report/describe-change.js';
import { position, reported, sampleLog } from './helpers/events.js';

describe('describeChange', () => {
  const tabled = reported('2024-08-02', { type: 'proposal.tabled', proposal: 'p1', by: 'broker', title: 'P1', terms: {} });
  const log = sampleLog([
    tabled,
    reported('2024-08-03', { type: 'proposal.tabled', proposal: 'p1', by: 'broker', title: 'P1', terms: { corridor: 'phased' } }),
    reported('2024-08-04', { type: 'proposal.accepted', proposal: 'p1', party: 'north', as: 'basis' }),
    reported('2024-08-05', { type: 'proposal.rejected', proposal: 'p1', party: 'south' }),
  ]);
  const changesOn = (from: string, to: string) => describeChanges(diffStates(stateAt(log, from), stateAt(log, to)));

  it('names a response to a proposal as the party on the proposal, with the response', () => {
    expect(changesOn('2024-08-03', '2024-08-04')).toEqual([
      expect.objectContaining({ group: 'proposals', subject: 'north on p1', before: '(none)', after: 'accepted as a basis' }),
    ]);
    expect(changesOn('2024-08-04', '2024-08-05')).toEqual([
      expect.objectContaining({ subject: 'south on p1', before: '(none)', after: 'rejected' }),
    ]);
  });

  it('never describes a response as a proposal with undefined fields', () => {
    const all = changesOn('2024-08-01', '2024-08-05');
    expect(all.map((c) => c.subject)).toEqual(['proposal p1', 'north on p1', 'south on p1']);
    for (const c of all) expect(`${c.before} ${c.after}`).not.toContain('undefined');
  });

  it('says which terms a proposal settles, so a report adding them is not "A -> A"', () => {
    const [change] = changesOn('2024-08-02', '2024-08-03');
    expect(change).toMatchObject({ subject: 'proposal p1', before: '"P1" tabled by broker on 2024-08-02', after: '"P1" tabled by broker on 2024-08-02, settling corridor as phased' });
  });

  it('names parties, terms, options and proposals when given names, as a handout does', () => {
    const both = sampleLog([
      reported('2024-08-01', position('north', 'corridor', ['control'])),
      reported('2024-08-01', position('south', 'corridor', ['withdrawal'])),
      reported('2024-08-02', { type: 'proposal.tabled', proposal: 'p1', by: 'broker', title: 'The first paper', terms: { corridor: 'phased' } }),
      reported('2024-08-03', { type: 'proposal.accepted', proposal: 'p1', party: 'north' }),
      reported('2024-08-04', { type: 'proposal.accepted', proposal: 'p1', party: 'south' }),
    ]);
    const names: Names = {
      party: (id) => id.toUpperCase(),
      term: (id) => `the ${id}`,
      options: (term, ids) => ids.map((o) => `${o} (${term})`).join(' or '),
      source: (id) => id,
      proposal: (id) => (id === 'p1' ? 'The first paper' : id),
    };
    const changes = describeChanges(diffStates(stateAt(both, '2024-08-03'), stateAt(both, '2024-08-04')), names);
    // Accepting the text implies accepting what it says on the corridor (phased), for North on 3 Aug and South on 4 Aug.
    expect(changes).toEqual([
      expect.objectContaining({ subject: 'SOUTH on The first paper', after: 'accepted' }),
      expect.objectContaining({ subject: 'SOUTH on the corridor' }),
      expect.objectContaining({ subject: 'gap on the corridor', before: 'open, 1 step apart', after: 'agreed: phased (corridor) (both accepted The first paper)' }),
    ]);
    const first = describeChanges(diffStates(stateAt(both, '2024-07-31'), stateAt(both, '2024-08-01')), names);
    // `position` states closed sets: every other option is rejected, and the words say so.
    expect(first.map((c) => `${c.subject}: ${c.after}`)).toEqual([
      'NORTH on the corridor: accepts control (corridor); rejects reduced (corridor) or phased (corridor) or withdrawal (corridor)',
      'SOUTH on the corridor: accepts withdrawal (corridor); rejects control (corridor) or reduced (corridor) or phased (corridor)',
      'gap on the corridor: open, 3 steps apart',
    ]);
  });

  it('keeps the path of a change it does not know as its subject', () => {
    expect(describeChange({ path: 'something.new', before: null, after: 'x', eventIds: [], hypothetical: false })).toMatchObject({ group: 'other', subject: 'something.new', after: 'x' });
  });
});
