import { z } from 'zod';
import { partyId, termId } from '../domain/catalog-references.js';
import { commonFields, positionCondition, termOptions } from '../domain/event-fields.js';
import { checkConditions, checkOptions, checkParty, checkTerm } from '../domain/reference-checks.js';
import { anomaly } from '../model/fold.js';
import { claimConcession, positionOf } from '../model/positions.js';
import { inferenceField } from './claim-fields.js';
import { defineEventType } from './define.js';

export const concessionOfferedSchema = z.strictObject({
  ...commonFields,
  type: z.literal('concession.offered'),
  party: partyId,
  term: termId,
  /** Options added to the party's accepted set (and taken out of its rejected set). */
  adds: termOptions,
  conditions: z.array(positionCondition).default([]),
  inference: inferenceField,
});

export const concessionOffered = defineEventType<z.output<typeof concessionOfferedSchema>>({
  type: 'concession.offered',
  schema: concessionOfferedSchema,
  description: "a claim that a party widens its position on a term by the given options",
  machineEvent: null,
  check(e, catalog, problems) {
    checkParty(problems, catalog, 'party', e.party);
    if (checkTerm(problems, catalog, 'term', e.term)) checkOptions(problems, catalog, 'adds', e.term, e.adds);
    checkConditions(problems, catalog, e.conditions);
  },
  apply(s, e, ctx, at) {
    const current = positionOf(s, e.term, e.party);
    // A concession widens the party's position, whatever the claims about it
    // say, until a later claim replaces it. Without a position there is nothing
    // to widen, and treating it as a first statement could open a term (and so
    // block an agreement) instead of narrowing a gap.
    if (!current) {
      anomaly(s, e, `${e.party} has no stated position on ${e.term} to widen (state one with position.stated)`);
      return;
    }
    claimConcession(s, ctx, e.term, current, e.adds, e.conditions, { event: e, at, inference: e.inference ?? null, party: e.party });
  },
  summarise: (e) => `${e.party} widens its position on ${e.term} to include ${e.adds.join(', ')}`,
});
