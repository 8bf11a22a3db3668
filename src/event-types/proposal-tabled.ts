import { z } from 'zod';
import { partyId, termText } from '../domain/catalog-references.js';
import { slug } from '../domain/catalog-schema.js';
import { commonFields } from '../domain/event-fields.js';
import { checkParty, checkTermMap } from '../domain/reference-checks.js';
import { extend, mark } from '../model/fold.js';
import { nullPrototype } from '../domain/prototype-keys.js';
import { tableGet, tableWith } from '../model/ordered-table.js';
import { defineEventType } from './define.js';

export const proposalTabledSchema = z.strictObject({
  ...commonFields,
  type: z.literal('proposal.tabled'),
  proposal: slug,
  by: partyId,
  title: z.string().min(1),
  /** What the text says on each term it settles (term id -> ladder option). */
  terms: termText(),
});

export const proposalTabled = defineEventType<z.output<typeof proposalTabledSchema>>({
  type: 'proposal.tabled',
  schema: proposalTabledSchema,
  description: 'a proposal is put on the table, with what its text says on each term it settles',
  machineEvent: null,
  check(e, catalog, problems) {
    checkParty(problems, catalog, 'by', e.by);
    checkTermMap(problems, catalog, 'terms', e.terms);
  },
  apply(s, e) {
    const current = tableGet(s.proposals, e.proposal);
    s.proposals = tableWith(
      s.proposals,
      e.proposal,
      current
        ? { ...current, terms: nullPrototype({ ...current.terms, ...e.terms }), ...extend(current, e) }
        : { id: e.proposal, title: e.title, by: e.by, tabled: e.occurred, terms: e.terms, responses: new Map(), ...mark(e) },
    );
  },
  summarise: (e) => `${e.by} tables proposal ${e.proposal}`,
});
