// One zod schema per event type; the TypeScript types are inferred from them,
// so the file format and the code cannot drift apart.
import { z } from 'zod';
import { isIsoDay, isIsoMonth } from './dates.js';
import { isoDay, slug } from './catalog-schema.js';

export const eventId = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/, 'an id of 6-40 letters, digits, "_" or "-" (nanoid)');

export const occurredDate = z
  .string()
  .refine((s) => isIsoDay(s) || isIsoMonth(s), 'YYYY-MM-DD, or YYYY-MM for month precision');

export const attributionSchema = z.strictObject({
  /** Who made the statement: a named person or a description ("a senior Egyptian source"). */
  speaker: z.string().min(1),
  /** The party the speaker speaks for, when there is one. */
  party: slug.optional(),
  /** Through whom it reached the source ("told Reuters", "Israeli media"). */
  via: z.string().min(1).optional(),
  onRecord: z.boolean(),
});

export const precision = z.enum(['day', 'week', 'month']);

/** Fields every event carries: when, according to whom, and on what evidence. */
const common = {
  id: eventId,
  occurred: occurredDate,
  precision,
  /** One line: how the date was inferred from the source. */
  dateBasis: z.string().min(1),
  /**
   * Where a week- or month-precision event sorts when the start of its period
   * would mislead ("late May" is not 1 May). Must fall within the period.
   */
  sortDate: isoDay.optional(),
  reported: isoDay.optional(),
  source: slug.optional(),
  /** A short verbatim excerpt of the source that supports the event. */
  quote: z.string().min(1).max(400).optional(),
  attribution: attributionSchema.optional(),
  /** Neutral summary in the log author's words. */
  summary: z.string().min(1),
  /** Links reports of the same act by different sources. */
  act: slug.optional(),
  hypothetical: z.boolean().default(false),
};

const termOptions = z.array(slug).min(1);

export const roundOpened = z.strictObject({
  ...common,
  type: z.literal('round.opened'),
  round: slug,
  venue: z.string().min(1),
  mediators: z.array(slug).min(1),
});

export const roundClosed = z.strictObject({
  ...common,
  type: z.literal('round.closed'),
  round: slug,
});

export const proposalTabled = z.strictObject({
  ...common,
  type: z.literal('proposal.tabled'),
  proposal: slug,
  by: slug,
  title: z.string().min(1),
  /** What the text says on each term it settles (term id -> ladder option). */
  terms: z.record(slug, slug).default({}),
});

export const proposalAccepted = z.strictObject({
  ...common,
  type: z.literal('proposal.accepted'),
  proposal: slug,
  party: slug,
  /** Accepted as the basis for talks, or the text as it stands. */
  as: z.enum(['text', 'basis']).default('text'),
});

export const proposalRejected = z.strictObject({
  ...common,
  type: z.literal('proposal.rejected'),
  proposal: slug,
  party: slug,
});

export const positionCondition = z.strictObject({
  term: slug,
  accepts: termOptions,
});

export const positionStated = z.strictObject({
  ...common,
  type: z.literal('position.stated'),
  party: slug,
  term: slug,
  /** The ladder options the party accepts, as reported. */
  accepts: termOptions,
  prefers: slug.optional(),
  /** The position holds only if these other terms settle within the given options. */
  conditions: z.array(positionCondition).default([]),
});

export const concessionOffered = z.strictObject({
  ...common,
  type: z.literal('concession.offered'),
  party: slug,
  term: slug,
  /** Options added to the party's accepted set. */
  adds: termOptions,
  conditions: z.array(positionCondition).default([]),
});

export const talksAssessed = z.strictObject({
  ...common,
  type: z.literal('talks.assessed'),
  /** CAMEO 013 optimistic comment / 012 pessimistic comment. */
  tone: z.enum(['optimistic', 'pessimistic']),
});

export const figureReported = z.strictObject({
  ...common,
  type: z.literal('figure.reported'),
  figure: slug,
  value: z.number().finite(),
  qualifier: z.string().min(1).optional(),
});

export const statementKind = z.enum(['call', 'accusation', 'meeting', 'denial', 'commitment', 'other']);

export const statementMade = z.strictObject({
  ...common,
  type: z.literal('statement.made'),
  kind: statementKind,
  /** Parties the statement is about or addressed to. */
  about: z.array(slug).default([]),
});

export const agreementReached = z.strictObject({
  ...common,
  type: z.literal('agreement.reached'),
  /** The signed text on each term it settles. */
  terms: z.record(slug, slug).default({}),
});

const phaseNumber = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const phaseStarted = z.strictObject({ ...common, type: z.literal('phase.started'), phase: phaseNumber });
export const phaseCompleted = z.strictObject({ ...common, type: z.literal('phase.completed'), phase: phaseNumber });

export const hostagesReleased = z.strictObject({
  ...common,
  type: z.literal('hostages.released'),
  count: z.number().int().nonnegative(),
});

export const prisonersReleased = z.strictObject({
  ...common,
  type: z.literal('prisoners.released'),
  count: z.number().int().nonnegative(),
});

export const hostilitiesResumed = z.strictObject({ ...common, type: z.literal('hostilities.resumed') });

export const eventSchemas = [
  roundOpened,
  roundClosed,
  proposalTabled,
  proposalAccepted,
  proposalRejected,
  positionStated,
  concessionOffered,
  talksAssessed,
  figureReported,
  statementMade,
  agreementReached,
  phaseStarted,
  phaseCompleted,
  hostagesReleased,
  prisonersReleased,
  hostilitiesResumed,
] as const;

export const eventSchema = z.discriminatedUnion('type', eventSchemas);

export type ParleyEvent = z.infer<typeof eventSchema>;
/** An event as written in a file, before defaults are filled in. */
export type ParleyEventInput = z.input<typeof eventSchema>;
export type EventType = ParleyEvent['type'];
export type EventOf<T extends EventType> = Extract<ParleyEvent, { type: T }>;
export type PositionCondition = z.infer<typeof positionCondition>;

export const eventTypes: readonly EventType[] = eventSchemas.map((s) => s.shape.type.value);
