// phase.started, phase.completed and phase.extended: the phases of the deal
// spec, by number (1 is the spec's first phase).
import { z } from 'zod';
import { phaseNumber } from '../domain/catalog-references.js';
import type { Catalog } from '../domain/catalog-schema.js';
import { phaseKey, phaseSpec } from '../domain/deal-spec.js';
import { commonFields } from '../domain/event-fields.js';
import type { ReferenceProblem } from '../domain/event-references.js';
import { anomaly, corroboratesLifecycle, describeLifecycle, extend, mark, move } from '../model/fold.js';
import { phaseCovered } from '../model/lifecycle-effects.js';
import { phaseOf } from '../model/lifecycle.js';
import type { ReplayState } from '../model/replay-state.js';
import { defineEventType } from './define.js';


export const phaseStartedSchema = z.strictObject({ ...commonFields, type: z.literal('phase.started'), phase: phaseNumber });
export const phaseCompletedSchema = z.strictObject({ ...commonFields, type: z.literal('phase.completed'), phase: phaseNumber });
export const phaseExtendedSchema = z.strictObject({
  ...commonFields,
  type: z.literal('phase.extended'),
  phase: phaseNumber,
  /** Days the phase's planned end moves by. */
  days: z.number().int().positive().max(3650),
});

/** A copy of the record without `key` (the same record when it has none). Pure. */
function without<T>(record: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
  if (!(key in record)) return record;
  const out: Record<string, T> = {};
  for (const k in record) if (k !== key) out[k] = record[k]!;
  return out;
}

function checkPhase(e: { phase: number }, catalog: Catalog, problems: ReferenceProblem[]): void {
  const n = catalog.deal.phases.length;
  if (e.phase > n) problems.push({ code: 'bad-field', field: 'phase', message: `the deal has phases 1 to ${n}; got ${e.phase}` });
}

/** Why phase `n` cannot start now: out of order, or no agreement covers it. Pure. */
function cannotStart(s: ReplayState, n: number, covered: boolean): string {
  const before = n === 1 ? 'agreed' : phaseKey(n - 1);
  if (phaseOf(s.lifecycle) === before && !covered) {
    return `phase ${n} cannot start: no agreement covers phase ${n} (the deal requires an agreement on phase ${n} before it starts)`;
  }
  const order = n === 1 ? 'phase 1 starts upon the agreement' : `phase ${n} follows phase ${n - 1}`;
  return `phase ${n} cannot start while the deal is ${describeLifecycle(s.lifecycle)}: ${order}`;
}

export const phaseStarted = defineEventType<z.output<typeof phaseStartedSchema>>({
  type: 'phase.started',
  schema: phaseStartedSchema,
  description: "a phase of the deal's implementation starts; only upon an agreement covering it (statechart)",
  machineEvent: (e) => ({ type: `PHASE${e.phase}_STARTED`, covered: true }),
  check: checkPhase,
  apply(s, e, ctx) {
    const key = String(e.phase);
    if (corroboratesLifecycle(s, e)) {
      const start = s.phaseStarts[key];
      if (start) s.phaseStarts[key] = { ...start, ...extend(start, e) };
      return;
    }
    const covered = phaseCovered(s, ctx.catalog.deal, e.phase);
    if (!move(s, e, { type: `PHASE${e.phase}_STARTED`, covered }, ctx, () => cannotStart(s, e.phase, covered))) return;
    s.phaseStarts[key] = { date: e.occurred, act: e.act ?? null, ...mark(e) };
    // A phase that starts again (a new agreement after a collapse) starts its tallies and clock afresh.
    s.releases = without(s.releases, key);
    s.extensions = without(s.extensions, key);
    s.phaseTalks = without(s.phaseTalks, String(e.phase + 1));
  },
  summarise: (e) => `phase ${e.phase} starts`,
});

export const phaseCompleted = defineEventType<z.output<typeof phaseCompletedSchema>>({
  type: 'phase.completed',
  schema: phaseCompletedSchema,
  description: "a phase of the deal's implementation is completed (statechart)",
  machineEvent: (e) => ({ type: `PHASE${e.phase}_COMPLETED` }),
  check: checkPhase,
  apply(s, e, ctx) {
    if (corroboratesLifecycle(s, e)) return;
    move(s, e, { type: `PHASE${e.phase}_COMPLETED` }, ctx, () => `phase ${e.phase} cannot complete while the deal is ${describeLifecycle(s.lifecycle)}`);
  },
  summarise: (e) => `phase ${e.phase} is completed`,
});

export const phaseExtended = defineEventType<z.output<typeof phaseExtendedSchema>>({
  type: 'phase.extended',
  schema: phaseExtendedSchema,
  description: "a phase's planned end is moved by a number of days (statechart)",
  machineEvent: (e) => ({ type: `PHASE${e.phase}_EXTENDED` }),
  check: checkPhase,
  apply(s, e, ctx) {
    const key = String(e.phase);
    const current = s.extensions[key];
    // A second source reporting the same extension corroborates it.
    if (current && e.act !== undefined && current.acts.includes(e.act)) {
      s.extensions = { ...s.extensions, [key]: { ...current, ...extend(current, e) } };
      return;
    }
    if (phaseSpec(ctx.catalog.deal, e.phase)?.days === null) {
      anomaly(s, e, `phase ${e.phase} has no planned end to extend`);
      return;
    }
    if (!move(s, e, { type: `PHASE${e.phase}_EXTENDED` }, ctx, () => `phase ${e.phase}'s planned end cannot be extended while the deal is ${describeLifecycle(s.lifecycle)}`)) return;
    const acts = e.act === undefined ? current?.acts ?? [] : [...(current?.acts ?? []), e.act];
    s.extensions = { ...s.extensions, [key]: { days: (current?.days ?? 0) + e.days, acts, ...(current ? extend(current, e) : mark(e)) } };
  },
  summarise: (e) => `phase ${e.phase} is extended by ${e.days} days`,
});
