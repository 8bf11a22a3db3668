// The statechart generated from a deal spec: the moves it allows and refuses,
// for the bundled three-phase deal and for a two-phase deal, with no code change.
import { describe, expect, it } from 'vitest';
import { dealSpecSchema } from '../src/domain/deal-spec.js';
import { defaultDealSpec } from '../src/domain/default-deal.js';
import { type MachineEvent, roundPurposes } from '../src/model/deal-machine.js';
import { memoisedTransition, transitionPure } from '../src/model/lifecycle.js';

const pure = transitionPure(defaultDealSpec);

const twoPhases = dealSpecSchema.parse({
  id: 'two-phases',
  label: 'Two phases: a 60-day first phase, talks on the second due on day 30',
  phases: [
    { label: 'First', days: 60, nextPhaseTalksDueDay: 30, requires: 'agreement' },
    { label: 'Second', days: null, requires: 'phase-agreement' },
  ],
});

const states = [
  'negotiating.betweenRounds', 'negotiating.roundInSession', 'agreed', 'phase1.inProgress', 'phase1.completed',
  'phase2.inProgress', 'phase2.completed', 'phase3', 'concluded', 'collapsed',
];
const events: MachineEvent[] = [
  ...roundPurposes.map((purpose) => ({ type: 'ROUND_OPENED', purpose }) as const),
  { type: 'ROUND_CLOSED', matchesCurrentRound: true }, { type: 'ROUND_CLOSED', matchesCurrentRound: false },
  { type: 'AGREEMENT_REACHED', blocked: false }, { type: 'AGREEMENT_REACHED', blocked: true },
  ...[1, 2, 3, 4].flatMap((n) => [
    { type: `PHASE${n}_STARTED`, covered: true } as const, { type: `PHASE${n}_STARTED`, covered: false } as const,
    { type: `PHASE${n}_COMPLETED` } as const, { type: `PHASE${n}_EXTENDED` } as const,
  ]),
  { type: 'RELEASE' }, { type: 'HOSTILITIES_RESUMED' },
];

function walk(step: typeof pure, events: readonly MachineEvent[]): string[] {
  let s = 'negotiating.betweenRounds';
  return events.map((event) => {
    const next = step(s, event);
    expect(next.handled, `${event.type} in ${s}`).toBe(true);
    return (s = next.next);
  });
}

describe('the deal statechart generated from the bundled spec', () => {
  it('follows the deal: talks, agreement, three phases each upon its agreement, conclusion', () => {
    const path = walk(pure, [
      { type: 'ROUND_OPENED', purpose: 'talks' }, { type: 'AGREEMENT_REACHED', blocked: false }, { type: 'PHASE1_STARTED', covered: true },
      { type: 'RELEASE' }, { type: 'ROUND_OPENED', purpose: 'next-phase' }, { type: 'AGREEMENT_REACHED', blocked: false }, { type: 'PHASE1_COMPLETED' },
      { type: 'PHASE2_STARTED', covered: true }, { type: 'PHASE3_STARTED', covered: true }, { type: 'PHASE3_COMPLETED' },
    ]);
    expect(path).toEqual([
      'negotiating.roundInSession', 'agreed', 'phase1.inProgress', 'phase1.inProgress', 'phase1.inProgress', 'phase1.inProgress', 'phase1.completed',
      'phase2.inProgress', 'phase3', 'concluded',
    ]);
  });

  it('refuses moves the deal does not allow', () => {
    expect(pure('negotiating.betweenRounds', { type: 'PHASE2_STARTED', covered: true }).handled).toBe(false);
    expect(pure('negotiating.roundInSession', { type: 'AGREEMENT_REACHED', blocked: true }).handled).toBe(false);
    expect(pure('negotiating.betweenRounds', { type: 'ROUND_CLOSED', matchesCurrentRound: false }).handled).toBe(false);
    expect(pure('negotiating.betweenRounds', { type: 'RELEASE' }).handled).toBe(false);
    expect(pure('concluded', { type: 'ROUND_OPENED', purpose: 'talks' }).handled).toBe(false);
    // Phase order: phase 3 never follows phase 1 directly.
    expect(pure('phase1.inProgress', { type: 'PHASE3_STARTED', covered: true }).handled).toBe(false);
  });

  it('starts phase 2 only upon an agreement covering it', () => {
    expect(pure('phase1.inProgress', { type: 'PHASE2_STARTED', covered: false }).handled).toBe(false);
    expect(pure('phase1.completed', { type: 'PHASE2_STARTED', covered: true })).toEqual({ next: 'phase2.inProgress', handled: true });
    // Phase 1 needs only the deal's agreement, which `agreed` already is.
    expect(pure('agreed', { type: 'PHASE1_STARTED', covered: false })).toEqual({ next: 'phase1.inProgress', handled: true });
  });

  it('accepts a round only with a purpose that fits the lifecycle', () => {
    expect(pure('negotiating.betweenRounds', { type: 'ROUND_OPENED', purpose: 'implementation' }).handled).toBe(false);
    expect(pure('phase1.inProgress', { type: 'ROUND_OPENED', purpose: 'talks' }).handled).toBe(false);
    expect(pure('phase1.inProgress', { type: 'ROUND_OPENED', purpose: 'implementation' }).handled).toBe(true);
    expect(pure('phase1.inProgress', { type: 'ROUND_OPENED', purpose: 'next-phase' }).handled).toBe(true);
    // The last phase has no next phase to negotiate.
    expect(pure('phase3', { type: 'ROUND_OPENED', purpose: 'next-phase' }).handled).toBe(false);
  });

  it('extends only the phase in progress', () => {
    expect(pure('phase1.inProgress', { type: 'PHASE1_EXTENDED' })).toEqual({ next: 'phase1.inProgress', handled: true });
    expect(pure('phase2.inProgress', { type: 'PHASE1_EXTENDED' }).handled).toBe(false);
  });

  it('lets talks resume after a collapse', () => {
    expect(pure('phase1.inProgress', { type: 'HOSTILITIES_RESUMED' })).toEqual({ next: 'collapsed', handled: true });
    expect(pure('collapsed', { type: 'ROUND_OPENED', purpose: 'talks' })).toEqual({ next: 'negotiating.roundInSession', handled: true });
  });

  it('memoised transitions equal pure ones for every state and event', () => {
    const memo = memoisedTransition(defaultDealSpec);
    for (const s of states) for (const e of events) expect(memo(s, e), `${s} ${e.type}`).toEqual(pure(s, e));
  });
});

describe('a second spec: two phases, 60 days, talks due on day 30', () => {
  const step = transitionPure(twoPhases);

  it('runs to its conclusion with no code change', () => {
    const path = walk(step, [
      { type: 'ROUND_OPENED', purpose: 'talks' }, { type: 'AGREEMENT_REACHED', blocked: false }, { type: 'PHASE1_STARTED', covered: true },
      { type: 'AGREEMENT_REACHED', blocked: false }, { type: 'PHASE2_STARTED', covered: true }, { type: 'PHASE2_COMPLETED' },
    ]);
    expect(path.at(-1)).toBe('concluded');
    // Phase 2 is the last: it has no stages and no next-phase rounds.
    expect(path.at(-2)).toBe('phase2');
    expect(step('phase2', { type: 'ROUND_OPENED', purpose: 'next-phase' }).handled).toBe(false);
    expect(step('phase2', { type: 'PHASE3_STARTED', covered: true }).handled).toBe(false);
  });

  it('keeps a memo per spec: the same (state, event) answers differently under another spec', () => {
    expect(memoisedTransition(twoPhases)('phase2', { type: 'PHASE2_COMPLETED' })).toEqual({ next: 'concluded', handled: true });
    expect(memoisedTransition(defaultDealSpec)('phase2', { type: 'PHASE2_COMPLETED' })).toEqual({ next: 'phase2.completed', handled: true });
  });
});
