import { z } from 'zod';
import { idTable, slug } from '../domain/catalog-schema.js';
import { commonFields } from '../domain/event-fields.js';
import { checkTermMap } from '../domain/reference-checks.js';
import { corroboratesLifecycle, describeLifecycle, extend, mark, move } from '../model/fold.js';
import { openTermsUnder } from '../model/gaps.js';
import { phaseOf } from '../model/lifecycle.js';
import { defineEventType } from './define.js';

export const agreementReachedSchema = z.strictObject({
  ...commonFields,
  type: z.literal('agreement.reached'),
  /** The signed text on each term it settles. */
  terms: idTable(slug),
});

export const agreementReached = defineEventType<z.output<typeof agreementReachedSchema>>({
  type: 'agreement.reached',
  schema: agreementReachedSchema,
  description: 'the parties reach an agreement; its text settles the terms it names (statechart)',
  machineEvent: () => ({ type: 'AGREEMENT_REACHED', openTerms: 0 }),
  check: (e, catalog, problems) => checkTermMap(problems, catalog, 'terms', e.terms),
  apply(s, e, ctx) {
    if (corroboratesLifecycle(s, e)) {
      if (s.agreement) s.agreement = { ...s.agreement, ...extend(s.agreement, e) };
      return;
    }
    const open = openTermsUnder(s, ctx.catalog, e.terms);
    const placed = move(s, e, { type: 'AGREEMENT_REACHED', openTerms: open.length }, ctx, () =>
      open.length > 0 && (phaseOf(s.lifecycle) === 'negotiating' || phaseOf(s.lifecycle) === 'collapsed')
        ? `agreement reported while terms are open: ${open.join(', ')}`
        : `an agreement cannot be reached while the deal is ${describeLifecycle(s.lifecycle)}`,
    );
    if (placed) s.agreement = { date: e.occurred, terms: e.terms, ...mark(e) };
  },
  summarise: () => 'the parties reach an agreement',
});
