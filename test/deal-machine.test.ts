import { describe, expect, it } from 'vitest';
import type { MachineEvent } from '../src/model/deal-machine.js';
import { memoisedTransition, transitionPure } from '../src/model/lifecycle.js';

const states = [
  'negotiating.betweenRounds', 'negotiating.roundInSession', 'agreed', 'phase1.inProgress', 'phase1.completed',
  'phase2.inProgress', 'phase2.completed', 'phase3', 'concluded', 'collapsed',
];
const events: MachineEvent[] = [
  { type: 'ROUND_OPENED' }, { type: 'ROUND_CLOSED', matchesCurrentRound: true }, { type: 'ROUND_CLOSED', matchesCurrentRound: false },
  { type: 'AGREEMENT_REACHED', openTerms: 0 }, { type: 'AGREEMENT_REACHED', openTerms: 2 },
  { type: 'PHASE1_STARTED' }, { type: 'PHASE2_STARTED' }, { type: 'PHASE3_STARTED' },
  { type: 'PHASE1_COMPLETED' }, { type: 'PHASE2_COMPLETED' }, { type: 'PHASE3_COMPLETED' },
  { type: 'RELEASE' }, { type: 'HOSTILITIES_RESUMED' },
];

describe('the deal statechart', () => {
  it('follows the deal: rounds, agreement, three phases, conclusion', () => {
    let s = 'negotiating.betweenRounds';
    const path: string[] = [];
    for (const e of ['ROUND_OPENED', 'AGREEMENT_REACHED', 'PHASE1_STARTED', 'RELEASE', 'PHASE1_COMPLETED', 'PHASE2_STARTED', 'PHASE3_STARTED', 'PHASE3_COMPLETED'] as const) {
      const event = (e === 'AGREEMENT_REACHED' ? { type: e, openTerms: 0 } : { type: e }) as MachineEvent;
      const step = transitionPure(s, event);
      expect(step.handled, `${e} in ${s}`).toBe(true);
      s = step.next;
      path.push(s);
    }
    expect(path).toEqual(['negotiating.roundInSession', 'agreed', 'phase1.inProgress', 'phase1.inProgress', 'phase1.completed', 'phase2.inProgress', 'phase3', 'concluded']);
  });

  it('refuses moves the deal does not allow', () => {
    expect(transitionPure('negotiating.betweenRounds', { type: 'PHASE2_STARTED' }).handled).toBe(false);
    expect(transitionPure('negotiating.roundInSession', { type: 'AGREEMENT_REACHED', openTerms: 1 }).handled).toBe(false);
    expect(transitionPure('negotiating.betweenRounds', { type: 'ROUND_CLOSED', matchesCurrentRound: false }).handled).toBe(false);
    expect(transitionPure('negotiating.betweenRounds', { type: 'RELEASE' }).handled).toBe(false);
    expect(transitionPure('concluded', { type: 'ROUND_OPENED' }).handled).toBe(false);
  });

  it('lets talks resume after a collapse', () => {
    const collapsed = transitionPure('phase1.inProgress', { type: 'HOSTILITIES_RESUMED' });
    expect(collapsed).toEqual({ next: 'collapsed', handled: true });
    expect(transitionPure('collapsed', { type: 'ROUND_OPENED' })).toEqual({ next: 'negotiating.roundInSession', handled: true });
  });

  it('memoised transitions equal pure ones for every state and event', () => {
    for (const s of states) for (const e of events) expect(memoisedTransition(s, e), `${s} ${e.type}`).toEqual(transitionPure(s, e));
  });
});
