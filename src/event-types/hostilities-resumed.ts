import { z } from 'zod';
import { commonFields } from '../domain/event-fields.js';
import { corroboratesLifecycle, describeLifecycle, move } from '../model/fold.js';
import { closeOpenRound } from '../model/lifecycle-effects.js';
import { defineEventType } from './define.js';

export const hostilitiesResumedSchema = z.strictObject({ ...commonFields, type: z.literal('hostilities.resumed') });

export const hostilitiesResumed = defineEventType<z.output<typeof hostilitiesResumedSchema>>({
  type: 'hostilities.resumed',
  schema: hostilitiesResumedSchema,
  description: 'hostilities resume: the deal collapses (statechart)',
  machineEvent: () => ({ type: 'HOSTILITIES_RESUMED' }),
  check: () => {},
  apply(s, e, ctx) {
    if (corroboratesLifecycle(s, e)) return;
    // A collapsed deal no longer settles terms: the gaps fall back to the
    // positions, and a new agreement must bridge them again.
    if (!move(s, e, { type: 'HOSTILITIES_RESUMED' }, ctx, () => `hostilities cannot resume under the deal while it is ${describeLifecycle(s.lifecycle)}`)) return;
    s.agreement = null;
    closeOpenRound(s, e, 'collapse');
  },
  summarise: () => 'hostilities resume',
});
