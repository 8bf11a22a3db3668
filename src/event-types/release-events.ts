// hostages.released and prisoners.released: releases under the deal, tallied.
import { z } from 'zod';
import { commonFields } from '../domain/event-fields.js';
import { type StoredMarked, describeLifecycle, extend, mark, move } from '../model/fold.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import type { Stored, Tally } from '../model/replay-state.js';
import { defineEventType } from './define.js';

export const hostagesReleasedSchema = z.strictObject({
  ...commonFields,
  type: z.literal('hostages.released'),
  count: z.number().int().nonnegative(),
});

export const prisonersReleasedSchema = z.strictObject({
  ...commonFields,
  type: z.literal('prisoners.released'),
  count: z.number().int().nonnegative(),
});

/** Adds a release to a tally; a second source's report of a counted act only corroborates it. Pure. */
function tally(current: Stored<Tally> | null, e: ParleyEvent & { count: number }): Stored<Tally> {
  if (current && e.act !== undefined && current.acts.includes(e.act)) return { ...current, ...extend(current as StoredMarked, e) };
  const acts = e.act === undefined ? current?.acts ?? [] : [...(current?.acts ?? []), e.act];
  return { count: (current?.count ?? 0) + e.count, acts, ...(current ? extend(current, e) : mark(e)) };
}

const cannotRelease = (lifecycle: string) => `a release under the deal cannot happen while the deal is ${describeLifecycle(lifecycle)}`;

export const hostagesReleased = defineEventType<z.output<typeof hostagesReleasedSchema>>({
  type: 'hostages.released',
  schema: hostagesReleasedSchema,
  description: 'hostages released under the deal (statechart)',
  machineEvent: () => ({ type: 'RELEASE' }),
  check: () => {},
  apply(s, e, ctx) {
    if (move(s, e, { type: 'RELEASE' }, ctx, () => cannotRelease(s.lifecycle))) s.hostagesReleased = tally(s.hostagesReleased, e);
  },
  summarise: (e) => `${e.count} hostages released`,
});

export const prisonersReleased = defineEventType<z.output<typeof prisonersReleasedSchema>>({
  type: 'prisoners.released',
  schema: prisonersReleasedSchema,
  description: 'prisoners released under the deal (statechart)',
  machineEvent: () => ({ type: 'RELEASE' }),
  check: () => {},
  apply(s, e, ctx) {
    if (move(s, e, { type: 'RELEASE' }, ctx, () => cannotRelease(s.lifecycle))) s.prisonersReleased = tally(s.prisonersReleased, e);
  },
  summarise: (e) => `${e.count} prisoners released`,
});
