import { z } from 'zod';
import { slug } from '../domain/catalog-schema.js';
import { commonFields } from '../domain/event-fields.js';
import { corroboratesLifecycle, describeLifecycle, extend, move } from '../model/fold.js';
import { defineEventType } from './define.js';

export const roundClosedSchema = z.strictObject({
  ...commonFields,
  type: z.literal('round.closed'),
  round: slug.meta({ description: 'The round id of a round.opened event. Not expressed in this schema: closing a round not in session is an anomaly of the replay.' }),
});

export const roundClosed = defineEventType<z.output<typeof roundClosedSchema>>({
  type: 'round.closed',
  schema: roundClosedSchema,
  description: 'a round of talks closes (statechart)',
  machineEvent: () => ({ type: 'ROUND_CLOSED', matchesCurrentRound: true }),
  check: () => {},
  apply(s, e, ctx) {
    const round = s.round;
    if (round && round.id === e.round && round.closed !== null) {
      s.round = { ...round, ...extend(round, e) };
      corroboratesLifecycle(s, e);
      return;
    }
    const matchesCurrentRound = round !== null && round.id === e.round && round.closed === null;
    const reason = () =>
      matchesCurrentRound ? `a round cannot close while the deal is ${describeLifecycle(s.lifecycle)}` : `round ${e.round} is not in session (current: ${round && round.closed === null ? round.id : 'none'})`;
    if (!move(s, e, { type: 'ROUND_CLOSED', matchesCurrentRound }, ctx, reason)) return;
    s.round = { ...round!, closed: e.occurred, closedBy: 'report', ...extend(round!, e) };
  },
  summarise: (e) => `the round ${e.round} closes`,
});
