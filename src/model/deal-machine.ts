// The statechart of the deal's lifecycle, generated from the deal spec. It
// holds no context: positions, proposals and figures live in the replay state.
// The machine decides only which lifecycle moves are possible, so a transition
// depends on nothing but the current state and the event (its guards read only
// discrete flags on the event), which lets the replay memoise every
// (state, event) pair it meets, per spec.
import { setup } from 'xstate';
import { type DealSpec, phaseKey } from '../domain/deal-spec.js';

/** What a round is about: the talks before an agreement, implementing a phase, or the next phase. */
export const roundPurposes = ['talks', 'implementation', 'next-phase'] as const;
export type RoundPurpose = (typeof roundPurposes)[number];

export type MachineEvent =
  | { type: 'ROUND_OPENED'; purpose: RoundPurpose }
  | { type: 'ROUND_CLOSED'; matchesCurrentRound: boolean }
  /** `blocked`: a term the agreement must settle is open and its text does not settle it. */
  | { type: 'AGREEMENT_REACHED'; blocked: boolean }
  /** `covered`: an agreement covering the phase has been reached. */
  | { type: `PHASE${number}_STARTED`; covered: boolean }
  | { type: `PHASE${number}_COMPLETED` }
  | { type: `PHASE${number}_EXTENDED` }
  | { type: 'RELEASE' }
  | { type: 'HOSTILITIES_RESUMED' };

/**
 * A lifecycle phase: "negotiating", "agreed", "phase1".."phaseN", "concluded" or
 * "collapsed"; the phases that exist are the spec's (see `phasesOf`).
 */
export type Phase = string;

const guards = {
  closesCurrentRound: ({ event }: { event: MachineEvent }) => event.type === 'ROUND_CLOSED' && event.matchesCurrentRound,
  settlesWhatItMust: ({ event }: { event: MachineEvent }) => event.type === 'AGREEMENT_REACHED' && !event.blocked,
  coveredByAnAgreement: ({ event }: { event: MachineEvent }) => 'covered' in event && event.covered,
  talksRound: ({ event }: { event: MachineEvent }) => event.type === 'ROUND_OPENED' && event.purpose === 'talks',
  implementationRound: ({ event }: { event: MachineEvent }) => event.type === 'ROUND_OPENED' && event.purpose === 'implementation',
  nextPhaseRound: ({ event }: { event: MachineEvent }) => event.type === 'ROUND_OPENED' && event.purpose === 'next-phase',
};

type Transition = string | { guard?: keyof typeof guards; target?: string } | { guard?: keyof typeof guards; target?: string }[];
type StateConfig = { initial?: string; type?: 'final'; states?: Record<string, StateConfig>; on?: Record<string, Transition> };

const roundsDuringImplementation = (hasNextPhase: boolean): Record<string, Transition> => ({
  ROUND_OPENED: hasNextPhase ? [{ guard: 'implementationRound' }, { guard: 'nextPhaseRound' }] : { guard: 'implementationRound' },
  ROUND_CLOSED: { guard: 'closesCurrentRound' },
});

function phaseStart(spec: DealSpec, n: number): Transition {
  const target = `#deal.${phaseKey(n)}`;
  return spec.phases[n - 1]!.requires === 'phase-agreement' ? { guard: 'coveredByAnAgreement', target } : target;
}

/** The machine's configuration for a spec, as plain data. Pure. */
function machineConfig(spec: DealSpec): StateConfig {
  const n = spec.phases.length;
  const states: Record<string, StateConfig> = {
    negotiating: {
      initial: 'betweenRounds',
      states: {
        betweenRounds: { on: { ROUND_OPENED: { guard: 'talksRound', target: 'roundInSession' } } },
        roundInSession: {
          on: {
            ROUND_OPENED: { guard: 'talksRound', target: 'roundInSession' },
            ROUND_CLOSED: { guard: 'closesCurrentRound', target: 'betweenRounds' },
          },
        },
      },
      on: { AGREEMENT_REACHED: { guard: 'settlesWhatItMust', target: '#deal.agreed' } },
    },
    agreed: {
      on: {
        [`PHASE1_STARTED`]: phaseStart(spec, 1),
        ...roundsDuringImplementation(false),
        // A further agreement (on a later phase) before phase 1 starts.
        ...(n > 1 ? { AGREEMENT_REACHED: { guard: 'settlesWhatItMust' } } : {}),
        HOSTILITIES_RESUMED: '#deal.collapsed',
      },
    },
  };
  for (let i = 1; i <= n; i++) {
    const last = i === n;
    const on: Record<string, Transition> = {
      ...roundsDuringImplementation(!last),
      RELEASE: {},
      [`PHASE${i}_EXTENDED`]: {},
      HOSTILITIES_RESUMED: '#deal.collapsed',
    };
    if (!last) {
      // An agreement on the next phase is reached during this one; the next phase starts only upon it.
      on.AGREEMENT_REACHED = { guard: 'settlesWhatItMust' };
      on[`PHASE${i + 1}_STARTED`] = phaseStart(spec, i + 1);
    }
    states[phaseKey(i)] = last
      ? { on: { ...on, [`PHASE${i}_COMPLETED`]: '#deal.concluded' } }
      : { initial: 'inProgress', states: { inProgress: { on: { [`PHASE${i}_COMPLETED`]: 'completed' } }, completed: {} }, on };
  }
  states.concluded = { type: 'final' };
  states.collapsed = {
    on: {
      ROUND_OPENED: { guard: 'talksRound', target: '#deal.negotiating.roundInSession' },
      AGREEMENT_REACHED: { guard: 'settlesWhatItMust', target: '#deal.agreed' },
    },
  };
  return { initial: 'negotiating', states };
}

function build(spec: DealSpec) {
  return setup({ types: { events: {} as MachineEvent }, guards }).createMachine({ id: 'deal', ...(machineConfig(spec) as object) });
}

export type DealMachine = ReturnType<typeof build>;

const machines = new WeakMap<DealSpec, DealMachine>();

/** The XState machine of a deal spec, built once per spec object. Pure (memoised). */
export function dealMachineFor(spec: DealSpec): DealMachine {
  let machine = machines.get(spec);
  if (machine === undefined) machines.set(spec, (machine = build(spec)));
  return machine;
}
