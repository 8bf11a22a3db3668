import { z } from 'zod';
import { partyId } from '../domain/catalog-references.js';
import { slug } from '../domain/catalog-schema.js';
import { commonFields } from '../domain/event-fields.js';
import { checkParties } from '../domain/reference-checks.js';
import { type RoundPurpose, roundPurposes } from '../model/deal-machine.js';
import { corroboratesLifecycle, describeLifecycle, extend, mark, move } from '../model/fold.js';
import { currentPhaseNumber } from '../model/lifecycle-effects.js';
import { phaseOf } from '../model/lifecycle.js';
import type { ReplayState } from '../model/replay-state.js';
import { defineEventType } from './define.js';

export const roundOpenedSchema = z.strictObject({
  ...commonFields,
  type: z.literal('round.opened'),
  round: slug,
  venue: z.string().min(1),
  mediators: z.array(partyId).min(1),
  /** talks: before an agreement; implementation: carrying out the current phase; next-phase: negotiating the next phase. */
  purpose: z.enum(roundPurposes),
});

/** Why a round of this purpose cannot open now, in the deal's own words. Pure. */
function refusal(s: ReplayState, purpose: RoundPurpose): string {
  const phase = phaseOf(s.lifecycle);
  const where = `while the deal is ${describeLifecycle(s.lifecycle)}`;
  if (phase === 'negotiating' || phase === 'collapsed') return `a round on ${purpose} cannot open ${where}: before an agreement a round's purpose is talks`;
  if (phase === 'concluded') return `a round cannot open ${where}`;
  if (purpose === 'next-phase') return `a round on the next phase cannot open ${where}: there is no next phase to agree, or none is being implemented`;
  return `a round on ${purpose} cannot open ${where}: after an agreement a round's purpose is implementation or next-phase`;
}

export const roundOpened = defineEventType<z.output<typeof roundOpenedSchema>>({
  type: 'round.opened',
  schema: roundOpenedSchema,
  description: 'a round of mediated talks opens, with its purpose: talks, implementation or next-phase (statechart)',
  machineEvent: (e) => ({ type: 'ROUND_OPENED', purpose: e.purpose }),
  check: (e, catalog, problems) => checkParties(problems, catalog, 'mediators', e.mediators),
  apply(s, e, ctx) {
    // A second source reporting the opening of the round in session corroborates it.
    if (s.round && s.round.id === e.round && s.round.closed === null) {
      s.round = { ...s.round, lastReported: e.occurred > s.round.lastReported ? e.occurred : s.round.lastReported, ...extend(s.round, e) };
      corroboratesLifecycle(s, e);
      return;
    }
    if (!move(s, e, { type: 'ROUND_OPENED', purpose: e.purpose }, ctx, () => refusal(s, e.purpose))) return;
    s.round = { id: e.round, venue: e.venue, mediators: e.mediators, purpose: e.purpose, opened: e.occurred, closed: null, closedBy: null, lastReported: e.occurred, ...mark(e) };
    s.roundsOpened++;
    const phase = currentPhaseNumber(s);
    // Only a round on the next phase counts as talks on it; the first one dates them.
    if (e.purpose === 'next-phase' && phase !== null && s.phaseTalks[String(phase + 1)] === undefined) {
      s.phaseTalks = { ...s.phaseTalks, [String(phase + 1)]: { date: e.occurred, act: e.act ?? null, ...mark(e) } };
    }
  },
  summarise: (e) => `a round of talks (${e.round}, ${e.purpose}) opens in ${e.venue}`,
});
