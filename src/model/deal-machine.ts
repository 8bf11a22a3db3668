// The statechart of the deal's lifecycle. It holds no context: positions,
// proposals and figures live in the replay state. The machine decides only
// which lifecycle moves are possible, so a transition depends on nothing but
// the current state and the event (its guards read only flags on the event),
// which lets the replay memoise every (state, event) pair it meets.
import { setup } from 'xstate';

export type MachineEvent =
  | { type: 'ROUND_OPENED' }
  | { type: 'ROUND_CLOSED'; matchesCurrentRound: boolean }
  | { type: 'AGREEMENT_REACHED'; openTerms: number }
  | { type: 'PHASE1_STARTED' | 'PHASE2_STARTED' | 'PHASE3_STARTED' }
  | { type: 'PHASE1_COMPLETED' | 'PHASE2_COMPLETED' | 'PHASE3_COMPLETED' }
  | { type: 'RELEASE' }
  | { type: 'HOSTILITIES_RESUMED' };

const talksDuringImplementation = {
  ROUND_OPENED: {},
  ROUND_CLOSED: { guard: 'closesCurrentRound' },
  RELEASE: {},
  HOSTILITIES_RESUMED: '#deal.collapsed',
} as const;

export const dealMachine = setup({
  types: { events: {} as MachineEvent },
  guards: {
    closesCurrentRound: ({ event }) => event.type === 'ROUND_CLOSED' && event.matchesCurrentRound,
    noTermOpen: ({ event }) => event.type === 'AGREEMENT_REACHED' && event.openTerms === 0,
  },
}).createMachine({
  id: 'deal',
  initial: 'negotiating',
  states: {
    negotiating: {
      initial: 'betweenRounds',
      states: {
        betweenRounds: { on: { ROUND_OPENED: 'roundInSession' } },
        roundInSession: {
          on: {
            ROUND_OPENED: 'roundInSession',
            ROUND_CLOSED: { guard: 'closesCurrentRound', target: 'betweenRounds' },
          },
        },
      },
      on: { AGREEMENT_REACHED: { guard: 'noTermOpen', target: 'agreed' } },
    },
    agreed: {
      on: {
        PHASE1_STARTED: 'phase1',
        ROUND_OPENED: {},
        ROUND_CLOSED: { guard: 'closesCurrentRound' },
        HOSTILITIES_RESUMED: 'collapsed',
      },
    },
    phase1: {
      initial: 'inProgress',
      states: {
        inProgress: { on: { PHASE1_COMPLETED: 'completed' } },
        // Phase 1's obligations are done; the ceasefire holds while phase-2 talks go on.
        completed: {},
      },
      on: { ...talksDuringImplementation, PHASE2_STARTED: 'phase2' },
    },
    phase2: {
      initial: 'inProgress',
      states: {
        inProgress: { on: { PHASE2_COMPLETED: 'completed' } },
        completed: {},
      },
      on: { ...talksDuringImplementation, PHASE3_STARTED: 'phase3' },
    },
    phase3: {
      on: { ...talksDuringImplementation, PHASE3_COMPLETED: 'concluded' },
    },
    concluded: { type: 'final' },
    collapsed: {
      on: {
        ROUND_OPENED: 'negotiating.roundInSession',
        AGREEMENT_REACHED: { guard: 'noTermOpen', target: 'agreed' },
      },
    },
  },
});

export const phases = ['negotiating', 'agreed', 'phase1', 'phase2', 'phase3', 'concluded', 'collapsed'] as const;
export type Phase = (typeof phases)[number];
