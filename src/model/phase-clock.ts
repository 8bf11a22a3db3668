// Phase-clock facts, computed from the query date (never from the system
// clock) and the deal spec: the day of the phase, whether talks on the next
// phase are due, overdue or under way, and what the planned end means once it
// has passed. Each fact is stated once; `facts` words them so that no two
// contradict each other (a property test holds it to that).
import { type DealSpec, type PlannedEndRule, phaseNumberOf } from '../domain/deal-spec.js';
import { addDays, requireDayNumber } from '../domain/dates.js';
import type { Phase } from './deal-machine.js';
import type { Agreement, Extension, LifecycleMark } from './replay-state.js';

/** Where talks on the next phase stand on the query date. */
export const nextPhaseTalksStates = ['not-yet-due', 'due', 'overdue', 'under-way', 'agreed', 'no-due-day'] as const;
export type NextPhaseTalks = (typeof nextPhaseTalksStates)[number];

export interface PhaseClock {
  readonly phase: Phase;
  readonly startedOn: string;
  /** Day 1 is the day the phase started. */
  readonly day: number;
  /** Planned duration, extensions included; null when the phase has no planned end. */
  readonly plannedDays: number | null;
  readonly extendedByDays: number;
  /** The last planned day of the phase. */
  readonly plannedEnd: string | null;
  readonly pastPlannedEnd: boolean;
  /** Past the planned end with no agreement on the next phase: what the spec says happens. */
  readonly afterPlannedEnd: PlannedEndRule | null;
  /** null in the last phase. */
  readonly nextPhaseTalks: NextPhaseTalks | null;
  readonly nextPhaseTalksDueOn: string | null;
  /** When the first round on the next phase opened, or the next phase was agreed. */
  readonly nextPhaseTalksSince: string | null;
  /** The clock in plain sentences, each stated once. */
  readonly facts: readonly string[];
  /** The phase start, and the round, extension or agreement the other facts rest on. */
  readonly eventIds: readonly string[];
  readonly hypothetical: boolean;
}

export interface ClockInputs {
  readonly phaseStarts: Readonly<Record<string, LifecycleMark>>;
  readonly phaseTalks: Readonly<Record<string, LifecycleMark>>;
  readonly extensions: Readonly<Record<string, Extension>>;
  readonly agreement: Agreement | null;
}

const dayOf = (date: string) => requireDayNumber(date.length === 7 ? `${date}-01` : date);

/** The phase clock on `date`, or null outside the phases. Pure. */
export function phaseClock(spec: DealSpec, phase: Phase, date: string, inputs: ClockInputs): PhaseClock | null {
  const n = phaseNumberOf(phase);
  const phaseSpec = n === null ? undefined : spec.phases[n - 1];
  const start = n === null ? undefined : inputs.phaseStarts[String(n)];
  if (n === null || phaseSpec === undefined || start === undefined) return null;
  const startIso = start.date.length === 7 ? `${start.date}-01` : start.date;
  const day = requireDayNumber(date) - dayOf(startIso) + 1;
  const marks: { eventIds: readonly string[]; hypothetical: boolean }[] = [start];

  const extension = inputs.extensions[String(n)];
  if (extension) marks.push(extension);
  const extendedByDays = extension?.days ?? 0;
  const plannedDays = phaseSpec.days === null ? null : phaseSpec.days + extendedByDays;
  const plannedEnd = plannedDays === null ? null : addDays(startIso, plannedDays - 1);
  const pastPlannedEnd = plannedDays !== null && day > plannedDays;

  const next = n < spec.phases.length ? n + 1 : null;
  const agreedOn = next === null ? undefined : inputs.agreement?.covers[String(next)];
  // Set by the first next-phase round of this phase (a phase that starts again starts without one).
  const talksSince = next === null ? undefined : inputs.phaseTalks[String(next)];
  const dueDay = phaseSpec.nextPhaseTalksDueDay;
  const dueOn = next === null || dueDay === null ? null : addDays(startIso, dueDay - 1);
  let nextPhaseTalks: NextPhaseTalks | null = null;
  if (next !== null) {
    if (agreedOn !== undefined) nextPhaseTalks = 'agreed';
    else if (talksSince) nextPhaseTalks = 'under-way';
    else if (dueDay === null) nextPhaseTalks = 'no-due-day';
    else nextPhaseTalks = day < dueDay ? 'not-yet-due' : day === dueDay ? 'due' : 'overdue';
  }
  if (nextPhaseTalks === 'agreed' && inputs.agreement) marks.push(inputs.agreement);
  if (nextPhaseTalks === 'under-way' && talksSince) marks.push(talksSince);
  const afterPlannedEnd = pastPlannedEnd && nextPhaseTalks !== 'agreed' ? phaseSpec.onPlannedEnd : null;

  const clock = {
    phase,
    startedOn: start.date,
    day,
    plannedDays,
    extendedByDays,
    plannedEnd,
    pastPlannedEnd,
    afterPlannedEnd,
    nextPhaseTalks,
    nextPhaseTalksDueOn: dueOn,
    nextPhaseTalksSince: nextPhaseTalks === 'agreed' ? agreedOn! : nextPhaseTalks === 'under-way' ? talksSince!.date : null,
    eventIds: marks.flatMap((m) => m.eventIds).filter((id, i, all) => all.indexOf(id) === i),
    hypothetical: marks.some((m) => m.hypothetical),
  };
  return { ...clock, facts: clockFacts(n, clock) };
}

type ClockCore = Omit<PhaseClock, 'facts' | 'eventIds' | 'hypothetical'>;

/** The clock in sentences: the day, then one sentence on the next phase or, past the planned end, on what that means. Pure. */
export function clockFacts(n: number, c: ClockCore): string[] {
  const extended = c.extendedByDays > 0 ? ` (extended by ${c.extendedByDays} days)` : '';
  const dayFact = c.plannedDays === null || c.pastPlannedEnd ? `phase ${n}, day ${c.day}` : `phase ${n}, day ${c.day} of ${c.plannedDays}${extended}`;
  const next = `phase-${n + 1}`;
  const talks = (): string | null => {
    switch (c.nextPhaseTalks) {
      case 'agreed':
        return `phase ${n + 1} agreed on ${c.nextPhaseTalksSince}`;
      case 'under-way':
        return `${next} talks under way since ${c.nextPhaseTalksSince}`;
      case 'due':
        return `${next} talks due today (day ${c.day})`;
      case 'overdue':
        return `${next} talks overdue since ${addDays(c.nextPhaseTalksDueOn!, 1)} (due on ${c.nextPhaseTalksDueOn})`;
      case 'not-yet-due':
        return `${next} talks due on ${c.nextPhaseTalksDueOn}`;
      default:
        return null;
    }
  };
  if (!c.pastPlannedEnd) return [dayFact, talks()].filter((f): f is string => f !== null);
  const ended = `phase ${n}'s planned ${c.plannedDays} days${extended} ended on ${c.plannedEnd}`;
  if (c.nextPhaseTalks === null) return [dayFact, ended];
  if (c.afterPlannedEnd === null) return [dayFact, `${ended}; ${talks()}`];
  const state = c.nextPhaseTalks === 'under-way' ? `${next} talks under way since ${c.nextPhaseTalksSince}` : `no ${next} talks reported`;
  const rule =
    c.afterPlannedEnd === 'continues-while-talks-continue'
      ? `the deal says the ceasefire continues while talks continue (${state})`
      : c.afterPlannedEnd === 'expires'
        ? `phase ${n} has expired (${state})`
        : `phase ${n} has ended (${state})`;
  return [dayFact, `${ended} with no phase-${n + 1} agreement: ${rule}`];
}
