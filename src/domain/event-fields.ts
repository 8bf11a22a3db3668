// The fields every event shares, and the small schemas several event types
// reuse. Each event type adds its own payload in src/event-types/.
import { z } from 'zod';
import { optionId, partyId, sourceId, termId } from './catalog-references.js';
import { OCCURRED_PATTERN, isIsoDay, isIsoMonth } from './dates.js';
import { isoDay, slug } from './catalog-schema.js';

export const eventId = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/, 'an id of 6-40 letters, digits, "_" or "-" (nanoid)');

export const occurredDate = z
  .string()
  .refine((s) => isIsoDay(s) || isIsoMonth(s), 'YYYY-MM-DD, or YYYY-MM for month precision')
  .meta({ pattern: OCCURRED_PATTERN });

export const attributionSchema = z.strictObject({
  /** Who made the statement: a named person or a description ("a senior Egyptian source"). */
  speaker: z.string().min(1),
  /** The party the speaker speaks for, when there is one. */
  party: partyId.optional(),
  /** Through whom it reached the source ("told Reuters", "Israeli media"). */
  via: z.string().min(1).optional(),
  onRecord: z.boolean(),
});

export const precision = z.enum(['day', 'week', 'month']);

/** Fields every event carries: when, according to whom, and on what evidence. */
export const commonFields = {
  id: eventId.meta({ description: 'Not expressed in this schema: unique across every file of the log (duplicate-id).' }),
  occurred: occurredDate,
  precision,
  /** One line: how the date was inferred from the source. */
  dateBasis: z.string().min(1),
  /**
   * Where a week- or month-precision event sorts when the start of its period
   * would mislead ("late May" is not 1 May). Must fall within the period.
   */
  sortDate: isoDay
    .meta({ description: "Not expressed in this schema: within the period of occurred (its month; within six days for week precision) and not after reported." })
    .optional(),
  /** The source's publication date; parley add fills it in. */
  reported: isoDay
    .meta({ description: "The source's publication date (parley add fills it in from sources.json). Not expressed in this schema: not before occurred." })
    .optional(),
  source: sourceId.optional(),
  /** A short verbatim excerpt of the source that supports the event. */
  quote: z
    .string()
    .min(1)
    .max(400)
    .meta({ description: "A short verbatim excerpt of the source. Not expressed in this schema: that it occurs in the source's document (parley audit checks it)." })
    .optional(),
  attribution: attributionSchema.optional(),
  /** Neutral summary in the log author's words. */
  summary: z.string().min(1),
  /** Links reports of the same act by different sources. */
  act: slug.optional(),
  hypothetical: z.boolean().default(false),
};

/**
 * A proposal named by a response: the id a proposal.tabled event gave it. The
 * reference is to another event, so it is checked by the replay (an anomaly),
 * not on load.
 */
export const proposalRef = slug.meta({
  description: 'The proposal id of a proposal.tabled event. Not expressed in this schema: a response to a proposal not tabled earlier in the log is an anomaly of the replay.',
});

export const termOptions = z.array(optionId).min(1);

export const positionCondition = z.strictObject({
  term: termId,
  accepts: termOptions,
});

export type PositionCondition = z.infer<typeof positionCondition>;
export type Attribution = z.infer<typeof attributionSchema>;
