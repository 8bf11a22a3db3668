import { z } from 'zod';
import { slug } from '../domain/catalog-schema.js';
import { commonFields } from '../domain/event-fields.js';
import { checkParties } from '../domain/reference-checks.js';
import { corroboratesLifecycle, describeLifecycle, extend, mark, move } from '../model/fold.js';
import { defineEventType } from './define.js';

export const roundOpenedSchema = z.strictObject({
  ...commonFields,
  type: z.literal('round.opened'),
  round: slug,
  venue: z.string().min(1),
  mediators: z.array(slug).min(1),
});

export const roundOpened = defineEventType<z.output<typeof roundOpenedSchema>>({
  type: 'round.opened',
  schema: roundOpenedSchema,
  description: 'a round of mediated talks opens (statechart)',
  machineEvent: () => ({ type: 'ROUND_OPENED' }),
  check: (e, catalog, problems) => checkParties(problems, catalog, 'mediators', e.mediators),
  apply(s, e, ctx) {
    // A second source reporting the opening of the round in session corroborates it.
    if (s.round && s.round.id === e.round && s.round.closed === null) {
      s.round = { ...s.round, ...extend(s.round, e) };
      corroboratesLifecycle(s, e);
      return;
    }
    if (!move(s, e, { type: 'ROUND_OPENED' }, ctx, () => `a round cannot open while the deal is ${describeLifecycle(s.lifecycle)}`)) return;
    s.round = { id: e.round, venue: e.venue, mediators: e.mediators, opened: e.occurred, closed: null, ...mark(e) };
    s.roundsOpened++;
  },
  summarise: (e) => `a round of talks (${e.round}) opens in ${e.venue}`,
});
