import { z } from 'zod';
import { slug } from '../domain/catalog-schema.js';
import { commonFields, positionCondition, termOptions } from '../domain/event-fields.js';
import { checkConditions, checkOptions, checkParty, checkTerm } from '../domain/reference-checks.js';
import { inLadderOrder, normaliseConditions, setPosition } from '../model/positions.js';
import { defineEventType } from './define.js';

export const positionStatedSchema = z.strictObject({
  ...commonFields,
  type: z.literal('position.stated'),
  party: slug,
  term: slug,
  /** The ladder options the party accepts, as reported. */
  accepts: termOptions,
  prefers: slug.optional(),
  /** The position holds only if these other terms settle within the given options. */
  conditions: z.array(positionCondition).default([]),
});

export const positionStated = defineEventType<z.output<typeof positionStatedSchema>>({
  type: 'position.stated',
  schema: positionStatedSchema,
  description: "a party's position on a term: the ladder options it accepts",
  machineEvent: null,
  check(e, catalog, problems) {
    checkParty(problems, catalog, 'party', e.party);
    if (checkTerm(problems, catalog, 'term', e.term)) {
      checkOptions(problems, catalog, 'accepts', e.term, e.accepts);
      if (e.prefers !== undefined && !e.accepts.includes(e.prefers)) problems.push({ code: 'bad-field', field: 'prefers', message: `"${e.prefers}" must be one of the accepted options` });
    }
    checkConditions(problems, catalog, e.conditions);
  },
  apply(s, e, ctx) {
    setPosition(s, e, e.term, e.party, inLadderOrder(ctx.catalog, e.term, e.accepts), e.prefers ?? null, normaliseConditions(ctx.catalog, e.conditions), false);
  },
  summarise: (e) => `${e.party} accepts ${e.accepts.join(', ')} on ${e.term}`,
});
