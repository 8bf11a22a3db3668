// phase.started and phase.completed: one schema shape, two event types.
import { z } from 'zod';
import { commonFields } from '../domain/event-fields.js';
import type { MachineEvent } from '../model/deal-machine.js';
import { corroboratesLifecycle, describeLifecycle, extend, mark, move } from '../model/fold.js';
import { defineEventType } from './define.js';

const phaseNumber = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const phaseStartedSchema = z.strictObject({ ...commonFields, type: z.literal('phase.started'), phase: phaseNumber });
export const phaseCompletedSchema = z.strictObject({ ...commonFields, type: z.literal('phase.completed'), phase: phaseNumber });

export const phaseStarted = defineEventType<z.output<typeof phaseStartedSchema>>({
  type: 'phase.started',
  schema: phaseStartedSchema,
  description: "a phase of the deal's implementation starts (statechart)",
  machineEvent: (e) => ({ type: `PHASE${e.phase}_STARTED` }) as MachineEvent,
  check: () => {},
  apply(s, e, ctx) {
    if (corroboratesLifecycle(s, e)) {
      const start = s.phaseStarts[String(e.phase)];
      if (start) s.phaseStarts[String(e.phase)] = { ...start, ...extend(start, e) };
      return;
    }
    if (move(s, e, phaseStarted.machineEvent!(e), ctx, () => `phase ${e.phase} cannot start while the deal is ${describeLifecycle(s.lifecycle)}`)) {
      s.phaseStarts[String(e.phase)] = { date: e.occurred, act: e.act ?? null, ...mark(e) };
    }
  },
  summarise: (e) => `phase ${e.phase} starts`,
});

export const phaseCompleted = defineEventType<z.output<typeof phaseCompletedSchema>>({
  type: 'phase.completed',
  schema: phaseCompletedSchema,
  description: "a phase of the deal's implementation is completed (statechart)",
  machineEvent: (e) => ({ type: `PHASE${e.phase}_COMPLETED` }) as MachineEvent,
  check: () => {},
  apply(s, e, ctx) {
    if (corroboratesLifecycle(s, e)) return;
    move(s, e, phaseCompleted.machineEvent!(e), ctx, () => `phase ${e.phase} cannot complete while the deal is ${describeLifecycle(s.lifecycle)}`);
  },
  summarise: (e) => `phase ${e.phase} is completed`,
});
