import { z } from 'zod';
import { partyId } from '../domain/catalog-references.js';
import { commonFields, proposalRef } from '../domain/event-fields.js';
import { checkParty } from '../domain/reference-checks.js';
import { anomaly } from '../model/fold.js';
import { claimResponse } from '../model/positions.js';
import { inferenceField } from './claim-fields.js';
import { defineEventType } from './define.js';

export const proposalAcceptedSchema = z.strictObject({
  ...commonFields,
  type: z.literal('proposal.accepted'),
  proposal: proposalRef,
  party: partyId,
  /** Accepted as the basis for talks, or the text as it stands. */
  as: z.enum(['text', 'basis']).default('text'),
  inference: inferenceField,
});

export const proposalAccepted = defineEventType<z.output<typeof proposalAcceptedSchema>>({
  type: 'proposal.accepted',
  schema: proposalAcceptedSchema,
  description: "a claim that a party accepts a proposal, as its text or as a basis for talks",
  machineEvent: null,
  check: (e, catalog, problems) => checkParty(problems, catalog, 'party', e.party),
  apply(s, e, ctx, at) {
    if (!claimResponse(s, ctx, e, at, 'accepted', e.as)) anomaly(s, e, `proposal ${e.proposal} has not been tabled`);
  },
  summarise: (e) => `${e.party} accepts proposal ${e.proposal}${e.as === 'basis' ? ' as a basis' : ''}`,
});
