// release.made: people released under the deal, by kind, tallied per phase
// against the figures the deal spec sets for that phase.
import { z } from 'zod';
import { commonFields } from '../domain/event-fields.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import { describeLifecycle, extend, mark, move } from '../model/fold.js';
import { currentPhaseNumber } from '../model/lifecycle-effects.js';
import type { PhaseReleases, Stored, Tally } from '../model/replay-state.js';
import { defineEventType } from './define.js';

export const releaseKinds = ['living', 'remains', 'prisoners'] as const;
export type ReleaseKind = (typeof releaseKinds)[number];

export const releaseMadeSchema = z.strictObject({
  ...commonFields,
  type: z.literal('release.made'),
  /** living hostages, hostages' remains, or prisoners. */
  kind: z.enum(releaseKinds),
  count: z.number().int().nonnegative(),
});

/** Adds a release to a tally; a second source's report of a counted act only corroborates it. Pure. */
function tally(current: Stored<Tally> | null, e: ParleyEvent & { count: number }): Stored<Tally> {
  if (current && e.act !== undefined && current.acts.includes(e.act)) return { ...current, ...extend(current, e) };
  const acts = e.act === undefined ? current?.acts ?? [] : [...(current?.acts ?? []), e.act];
  return { count: (current?.count ?? 0) + e.count, acts, ...(current ? extend(current, e) : mark(e)) };
}

const noReleases: PhaseReleases = { living: null, remains: null, prisoners: null };

export const releaseMade = defineEventType<z.output<typeof releaseMadeSchema>>({
  type: 'release.made',
  schema: releaseMadeSchema,
  description: 'living hostages, remains or prisoners released under the deal, counted in the current phase (statechart)',
  machineEvent: () => ({ type: 'RELEASE' }),
  check: () => {},
  apply(s, e, ctx) {
    if (!move(s, e, { type: 'RELEASE' }, ctx, () => `a release under the deal cannot happen while the deal is ${describeLifecycle(s.lifecycle)}`)) return;
    // The machine accepts a release only inside a phase, so there is one.
    const key = String(currentPhaseNumber(s));
    const current = s.releases[key] ?? noReleases;
    s.releases = { ...s.releases, [key]: { ...current, [e.kind]: tally(current[e.kind], e) } };
  },
  summarise: (e) => `${e.count} ${e.kind === 'living' ? 'living hostages' : e.kind === 'remains' ? "hostages' remains" : 'prisoners'} released`,
});
