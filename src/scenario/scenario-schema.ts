// What a scenario file says: a question, a branch of the reported log, the
// hypothetical events to add, and what the author expects to see. The same
// structure comes from a YAML/JSON file or from the TypeScript builder.
import { z } from 'zod';
import { isoDay, slug } from '../domain/catalog-schema.js';
import { optionId, partyId, sourceId, termId } from '../domain/catalog-references.js';
import { attributionSchema, eventId, eventSchemas, precision } from '../domain/event-schema.js';
import { policies } from '../model/claims.js';
import { plannedEndRules } from '../domain/deal-spec.js';
import type { TextFile } from '../domain/parse-log.js';
import { gapStatuses } from '../model/gaps.js';
import { nextPhaseTalksStates } from '../model/phase-clock.js';

/**
 * A hypothetical event as a scenario author writes it: the same payload as a
 * reported event, without source, quote or reported date; id, precision,
 * dateBasis and summary may be left out (see `completeHypothetical`).
 */
const hypotheticalEventSchemas = eventSchemas.map((s) =>
  (s as unknown as z.ZodObject<typeof s.shape, z.core.$strict>).omit({ source: true, quote: true, reported: true }).extend({
    id: eventId.optional(),
    precision: precision.default('day'),
    dateBasis: z.string().min(1).optional(),
    summary: z.string().min(1).optional(),
    attribution: attributionSchema.optional(),
    hypothetical: z.literal(true, 'scenario events are hypothetical; leave the field out or write true').default(true),
  }),
);

export const hypotheticalEventSchema = z.discriminatedUnion(
  'type',
  hypotheticalEventSchemas as unknown as [(typeof hypotheticalEventSchemas)[number], ...(typeof hypotheticalEventSchemas)[number][]],
);
/** Loosely typed here: `completeHypothetical` validates it again as a full event. */
export type HypotheticalEventInput = Record<string, unknown> & { type: string; occurred: string };

const checks = ['phase', 'gap', 'position', 'proposal', 'figure', 'anomalies', 'clock'] as const;

// Each refinement below is followed by the same rule as JSON Schema (`meta`), which zod cannot derive from code.

export const expectationSchema = z
  .strictObject({
    /** The date the check is made on. */
    at: isoDay,
    /** Which side is checked: the what-if (default) or the reported baseline. */
    on: z.enum(['what-if', 'baseline']).default('what-if'),
    /** A lifecycle phase of the deal spec: negotiating, agreed, phase1..phaseN, concluded or collapsed. */
    phase: z
      .string()
      .regex(/^(negotiating|agreed|phase[1-9][0-9]*|concluded|collapsed)$/, 'a lifecycle phase: negotiating, agreed, phase1, phase2, ..., concluded or collapsed')
      .meta({ description: "Not expressed in this schema: it must be a state of the deal spec of the side checked (phase1 to phaseN of the what-if's deal, or of the reported one with on: baseline)." })
      .optional(),
    gap: z
      .strictObject({
        term: termId,
        status: z.enum(gapStatuses as [string, ...string[]]),
        /** For an open gap: the ladder steps still between the principals. */
        distance: z.number().int().nonnegative().optional(),
      })
      .refine((g) => g.distance === undefined || g.status === 'open', 'distance applies only to status open')
      .meta({ if: { required: ['distance'] }, then: { properties: { status: { const: 'open' } } } })
      .optional(),
    position: z
      .strictObject({
        party: partyId,
        term: termId,
        /** Exactly these options. */
        accepts: z.array(optionId).min(1).optional(),
        /** At least these options. */
        includes: z.array(optionId).min(1).optional(),
      })
      .refine((p) => (p.accepts === undefined) !== (p.includes === undefined), 'give either accepts or includes')
      .meta({ oneOf: [{ required: ['accepts'] }, { required: ['includes'] }] }),
    proposal: z.strictObject({ proposal: slug, party: partyId, response: z.enum(['accepted', 'rejected', 'none']) }).optional(),
    figure: z.strictObject({ figure: slug, source: sourceId.optional(), value: z.number() }).optional(),
    anomalies: z.number().int().nonnegative().optional(),
    clock: z
      .strictObject({
        day: z.number().int().positive().optional(),
        plannedDays: z.number().int().positive().nullable().optional(),
        nextPhaseTalks: z.enum(nextPhaseTalksStates).nullable().optional(),
        pastPlannedEnd: z.boolean().optional(),
        afterPlannedEnd: z.enum(plannedEndRules).nullable().optional(),
      })
      .optional(),
  })
  .partial({ position: true })
  .refine((e) => checks.filter((c) => e[c] !== undefined).length === 1, `give exactly one check: ${checks.join(', ')}`)
  .meta({ oneOf: checks.map((c) => ({ required: [c] })) });

export type ExpectationInput = z.input<typeof expectationSchema>;
export type Expectation = z.output<typeof expectationSchema>;

export const scenarioSchema = z.strictObject({
  title: z.string().min(1),
  /** The question the scenario answers, and why it is plausible. */
  description: z.string().min(1),
  /** The reported log to branch from: a JSONL file or folder, relative to the scenario file. Default: the bundled log. */
  base: z.string().min(1).optional(),
  /** The what-if's own deal spec (a deal.json), relative to the scenario file. Default: the base log's. */
  deal: z.string().min(1).optional(),
  /** Reported events that occurred after this date are dropped from the what-if. Default: the date of the earliest hypothetical event. */
  branchAt: isoDay.optional(),
  /** Reported events after the branch date to keep anyway: "all", or a list of their ids. */
  keep: z
    .union([z.literal('all'), z.array(eventId)], 'write "all" or a list of event ids')
    .meta({ description: 'Not expressed in this schema: each id must be an event of the base log (unknown-event).' })
    .optional(),
  /** How positions are derived from claims on both sides of the comparison (default first-hand). */
  policy: z.enum(policies).optional(),
  /** The dates to compare baseline and what-if on. Default: the branch date, each event's date, the last reported date. */
  dates: z.array(isoDay).min(1).optional(),
  events: z.array(hypotheticalEventSchema).default([]),
  expect: z.array(expectationSchema).default([]),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema> & {
  /** Where the scenario came from (a file path), for problems. */
  readonly origin?: string;
  /** Line of each field path ("events[2].term") in the file, for problems. */
  readonly fieldLines?: Readonly<Record<string, number>>;
  /** The text of the file `deal` names, read by the shell; parsed against the base log's catalog. */
  readonly dealFile?: TextFile;
};
