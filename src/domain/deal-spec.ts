// The deal as data: its phases, what starting each requires, when talks on the
// next phase are due, what happens when a phase's planned duration ends, which
// terms an agreement must settle and which it may leave to later-phase talks,
// and the figures each phase sets. The statechart, the phase clock, the diagram
// and the scenario checks all read this; nothing about the deal's shape is code.
import { z } from 'zod';
import { slug } from './catalog-schema.js';
import { termId } from './catalog-references.js';
import type { ProblemCode } from './problem.js';

/** What a phase's planned end means when no agreement on the next phase has been reached by then. */
export const plannedEndRules = ['continues-while-talks-continue', 'expires', 'ends'] as const;
export type PlannedEndRule = (typeof plannedEndRules)[number];

const count = z.number().int().nonnegative();

export const phaseSpecSchema = z.strictObject({
  label: z.string().min(1),
  /** Planned duration in days; null for a phase with no planned end. */
  days: z.number().int().positive().max(3650).nullable(),
  /** Talks on the next phase are due on this day of the phase (day 1 is the start); null when the spec sets none. */
  nextPhaseTalksDueDay: z
    .number()
    .int()
    .positive()
    .max(3650)
    .nullable()
    .meta({ description: "Not expressed in this schema: null on the last phase, and at most the phase's days." })
    .default(null),
  /** What the phase's planned end means without an agreement on the next phase. */
  onPlannedEnd: z.enum(plannedEndRules).default('continues-while-talks-continue'),
  /** Starting the phase requires the deal's agreement, or an agreement on this phase itself. */
  requires: z.enum(['agreement', 'phase-agreement']),
  /** What the phase sets out to release; hostages counts living and remains together. */
  figures: z
    .strictObject({ hostages: count.optional(), living: count.optional(), remains: count.optional(), prisoners: count.optional() })
    .default({}),
});

export const dealSpecSchema = z
  .strictObject({
    id: slug,
    label: z.string().min(1),
    /** In order; phase N of the events (`phase: N`) is the N-th entry. */
    // The first-phase rule of the refinement below, as JSON Schema.
    phases: z
      .array(phaseSpecSchema)
      .min(1)
      .max(9)
      .meta({ allOf: [{ type: 'array', prefixItems: [{ type: 'object', required: ['requires'], properties: { requires: { const: 'agreement' } } }] }] }),
    agreement: z
      .strictObject({
        /** Terms an agreement must settle if their gap is open: a list, or every open term the spec does not let it defer. */
        mustSettle: z.union([z.literal('all-but-deferrable'), z.array(termId)]).default('all-but-deferrable'),
        /** Terms an agreement may leave open, each to the talks on a later phase. */
        mayDefer: z
          .array(
            z.strictObject({
              term: termId.meta({ description: 'Not expressed in this schema: not also in mustSettle.' }),
              to: z.number().int().min(2).meta({ description: 'Not expressed in this schema: at most the number of phases.' }),
            }),
          )
          .default([]),
      })
      .default({ mustSettle: 'all-but-deferrable', mayDefer: [] }),
    /** A round no source reported closing is shown as "last reported in session" once this many days pass with no report about it. */
    roundStaleAfterDays: z.number().int().positive().max(3650).default(14),
  })
  .superRefine((spec, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    // zod runs this even when a length check above failed: an empty list has no first phase.
    if (spec.phases.length > 0 && spec.phases[0]!.requires !== 'agreement') issue(['phases', 0, 'requires'], 'the first phase starts upon the agreement: expected "agreement"');
    spec.phases.forEach((p, i) => {
      const last = i === spec.phases.length - 1;
      if (p.nextPhaseTalksDueDay !== null && last) issue(['phases', i, 'nextPhaseTalksDueDay'], 'the last phase has no next phase to talk about; expected null');
      if (p.nextPhaseTalksDueDay !== null && p.days !== null && p.nextPhaseTalksDueDay > p.days) {
        issue(['phases', i, 'nextPhaseTalksDueDay'], `expected a day within the phase's ${p.days} days`);
      }
    });
    spec.agreement.mayDefer.forEach((d, i) => {
      if (d.to > spec.phases.length) issue(['agreement', 'mayDefer', i, 'to'], `expected a phase from 2 to ${spec.phases.length}`);
    });
  });

export type DealSpec = z.output<typeof dealSpecSchema>;
export type DealSpecInput = z.input<typeof dealSpecSchema>;
export type PhaseSpec = DealSpec['phases'][number];

/** The lifecycle state of phase `n` (1-based), e.g. "phase2". Pure. */
export const phaseKey = (n: number): string => `phase${n}`;

/** The phase number of a lifecycle phase such as "phase2", or null for any other state. Pure. */
export function phaseNumberOf(phase: string): number | null {
  const m = /^phase([1-9][0-9]*)$/.exec(phase);
  return m ? Number(m[1]) : null;
}

/** The spec of phase `n`, or undefined when the deal has no such phase. Pure. */
export const phaseSpec = (spec: DealSpec, n: number): PhaseSpec | undefined => (Number.isInteger(n) && n >= 1 ? spec.phases[n - 1] : undefined);

/** Every top-level lifecycle state of a deal, in order. Pure. */
export function phasesOf(spec: DealSpec): string[] {
  return ['negotiating', 'agreed', ...spec.phases.map((_, i) => phaseKey(i + 1)), 'concluded', 'collapsed'];
}

/** The phases the deal's first agreement covers: each phase whose start requires only that agreement. Pure. */
export function phasesCoveredByTheAgreement(spec: DealSpec): number[] {
  return spec.phases.flatMap((p, i) => (p.requires === 'agreement' ? [i + 1] : []));
}

/** Problems with a spec's references to the catalog's terms, one line each. Pure. */
export function dealTermProblems(spec: DealSpec, termIds: ReadonlySet<string>): { code: ProblemCode; field: string; message: string }[] {
  const problems: { code: ProblemCode; field: string; message: string }[] = [];
  const known = [...termIds].join(', ');
  if (Array.isArray(spec.agreement.mustSettle)) {
    spec.agreement.mustSettle.forEach((t, i) => {
      if (!termIds.has(t)) problems.push({ code: 'unknown-term', field: `agreement.mustSettle[${i}]`, message: `unknown term "${t}"; expected one of ${known}` });
    });
  }
  spec.agreement.mayDefer.forEach((d, i) => {
    if (!termIds.has(d.term)) problems.push({ code: 'unknown-term', field: `agreement.mayDefer[${i}].term`, message: `unknown term "${d.term}"; expected one of ${known}` });
    if (Array.isArray(spec.agreement.mustSettle) && spec.agreement.mustSettle.includes(d.term)) {
      problems.push({ code: 'bad-field', field: `agreement.mayDefer[${i}].term`, message: `"${d.term}" is also in mustSettle; a term is either deferrable or not` });
    }
  });
  return problems;
}
