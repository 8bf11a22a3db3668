import { z } from 'zod';
import { optionId, partyId, termId } from '../domain/catalog-references.js';
import { commonFields, positionCondition } from '../domain/event-fields.js';
import { checkConditions, checkParty } from '../domain/reference-checks.js';
import { claimPosition, inLadderOrder, normaliseConditions } from '../model/positions.js';
import { checkStance, inferenceField } from './claim-fields.js';
import { defineEventType } from './define.js';

export const positionStatedSchema = z.strictObject({
  ...commonFields,
  type: z.literal('position.stated'),
  party: partyId,
  term: termId,
  /** The ladder options the party accepts, according to the claimant. */
  accepts: z.array(optionId).default([]),
  /** The ladder options the party refuses, according to the claimant. A refusal is never read as accepting the other options. */
  rejects: z.array(optionId).default([]),
  prefers: optionId.optional(),
  /** The position holds only if these other terms settle within the given options. */
  conditions: z.array(positionCondition).default([]),
  inference: inferenceField,
});

export const positionStated = defineEventType<z.output<typeof positionStatedSchema>>({
  type: 'position.stated',
  schema: positionStatedSchema,
  description: "a claim about a party's position on a term: the ladder options it accepts and/or rejects",
  machineEvent: null,
  check(e, catalog, problems) {
    checkParty(problems, catalog, 'party', e.party);
    if (e.accepts.length === 0 && e.rejects.length === 0) problems.push({ code: 'missing-field', field: 'accepts', message: 'a position states accepts, rejects or both; both are empty' });
    checkStance(problems, catalog, e);
    if (e.prefers !== undefined && !e.accepts.includes(e.prefers)) problems.push({ code: 'bad-field', field: 'prefers', message: `"${e.prefers}" must be one of the accepted options` });
    checkConditions(problems, catalog, e.conditions);
  },
  apply(s, e, ctx, at) {
    const { catalog } = ctx;
    const content = {
      accepts: inLadderOrder(catalog, e.term, e.accepts),
      rejects: inLadderOrder(catalog, e.term, e.rejects),
      prefers: e.prefers ?? null,
      conditions: normaliseConditions(catalog, e.conditions),
    };
    claimPosition(s, ctx, e.term, e.party, content, { event: e, at, inference: e.inference ?? null });
  },
  summarise: (e) =>
    [e.accepts.length > 0 ? `${e.party} accepts ${e.accepts.join(', ')} on ${e.term}` : '', e.rejects.length > 0 ? `${e.accepts.length > 0 ? 'and rejects' : `${e.party} rejects`} ${e.rejects.join(', ')}${e.accepts.length > 0 ? '' : ` on ${e.term}`}` : '']
      .filter(Boolean)
      .join(' '),
});
