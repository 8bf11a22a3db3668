// Phase-clock facts computed from the query date, never from the system clock.
import { addDays, requireDayNumber } from '../domain/dates.js';
import type { Phase } from './deal-machine.js';
import type { LifecycleMark, Round } from './replay-state.js';

/** The January 2025 text: phase 1 lasts 42 days; phase-2 talks begin by day 16. */
export const PHASE1_DAYS = 42;
export const PHASE2_TALKS_FROM_DAY = 16;

export interface PhaseClock {
  readonly phase: 'phase1' | 'phase2' | 'phase3';
  readonly startedOn: string;
  /** Day 1 is the day the phase started. */
  readonly day: number;
  readonly plannedDays: number | null;
  readonly phase2TalksDueFrom: string | null;
  readonly phase2TalksDue: boolean;
  readonly phase2TalksStarted: boolean;
  readonly phase2TalksOverdue: boolean;
  /** Past day 42 of phase 1 the ceasefire continues while talks continue. */
  readonly beyondPlannedEnd: boolean;
  /** The phase start (and, once phase-2 talks started, the round) the clock rests on. */
  readonly eventIds: readonly string[];
  readonly hypothetical: boolean;
}

export function phaseClock(
  phase: Phase,
  date: string,
  phaseStarts: Readonly<Record<string, LifecycleMark>>,
  round: Round | null,
): PhaseClock | null {
  if (phase !== 'phase1' && phase !== 'phase2' && phase !== 'phase3') return null;
  const start = phaseStarts[phase.slice(-1)];
  if (!start) return null;
  const startIso = start.date.length === 7 ? `${start.date}-01` : start.date;
  const day = requireDayNumber(date) - requireDayNumber(startIso) + 1;
  const provenance = { eventIds: start.eventIds, hypothetical: start.hypothetical };
  if (phase !== 'phase1') {
    return { phase, startedOn: start.date, day, plannedDays: null, phase2TalksDueFrom: null, phase2TalksDue: false, phase2TalksStarted: false, phase2TalksOverdue: false, beyondPlannedEnd: false, ...provenance };
  }
  const due = day >= PHASE2_TALKS_FROM_DAY;
  const started = round !== null && round.opened >= startIso;
  return {
    phase,
    startedOn: start.date,
    day,
    plannedDays: PHASE1_DAYS,
    phase2TalksDueFrom: addDays(startIso, PHASE2_TALKS_FROM_DAY - 1),
    phase2TalksDue: due,
    phase2TalksStarted: started,
    phase2TalksOverdue: due && !started,
    beyondPlannedEnd: day > PHASE1_DAYS,
    ...(started ? { eventIds: [...start.eventIds, ...round.eventIds], hypothetical: start.hypothetical || round.hypothetical } : provenance),
  };
}
