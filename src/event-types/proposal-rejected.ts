import { z } from 'zod';
import { partyId } from '../domain/catalog-references.js';
import { commonFields, proposalRef } from '../domain/event-fields.js';
import { checkParty } from '../domain/reference-checks.js';
import { anomaly } from '../model/fold.js';
import { claimResponse } from '../model/positions.js';
import { inferenceField } from './claim-fields.js';
import { defineEventType } from './define.js';

export const proposalRejectedSchema = z.strictObject({
  ...commonFields,
  type: z.literal('proposal.rejected'),
  proposal: proposalRef,
  party: partyId,
  inference: inferenceField,
});

export const proposalRejected = defineEventType<z.output<typeof proposalRejectedSchema>>({
  type: 'proposal.rejected',
  schema: proposalRejectedSchema,
  description: "a claim that a party rejects a proposal",
  machineEvent: null,
  check: (e, catalog, problems) => checkParty(problems, catalog, 'party', e.party),
  apply(s, e, ctx, at) {
    if (!claimResponse(s, ctx, e, at, 'rejected', null)) anomaly(s, e, `proposal ${e.proposal} has not been tabled`);
  },
  summarise: (e) => `${e.party} rejects proposal ${e.proposal}`,
});
