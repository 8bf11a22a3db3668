// The event schema: the union of every event type's own schema (one file per
// type in src/event-types/). The TypeScript types are inferred from it, so the
// file format and the code cannot drift apart.
import { z } from 'zod';
import { agreementReachedSchema } from '../event-types/agreement-reached.js';
import { concessionOfferedSchema } from '../event-types/concession-offered.js';
import { figureReportedSchema } from '../event-types/figure-reported.js';
import { hostilitiesResumedSchema } from '../event-types/hostilities-resumed.js';
import { phaseCompletedSchema, phaseExtendedSchema, phaseStartedSchema } from '../event-types/phase-events.js';
import { positionStatedSchema } from '../event-types/position-stated.js';
import { proposalAcceptedSchema } from '../event-types/proposal-accepted.js';
import { proposalRejectedSchema } from '../event-types/proposal-rejected.js';
import { proposalTabledSchema } from '../event-types/proposal-tabled.js';
import { releaseMadeSchema } from '../event-types/release-made.js';
import { roundClosedSchema } from '../event-types/round-closed.js';
import { roundOpenedSchema } from '../event-types/round-opened.js';
import { statementMadeSchema } from '../event-types/statement-made.js';
import { talksAssessedSchema } from '../event-types/talks-assessed.js';

export * from './event-fields.js';

export const eventSchemas = [
  roundOpenedSchema,
  roundClosedSchema,
  proposalTabledSchema,
  proposalAcceptedSchema,
  proposalRejectedSchema,
  positionStatedSchema,
  concessionOfferedSchema,
  talksAssessedSchema,
  figureReportedSchema,
  statementMadeSchema,
  agreementReachedSchema,
  phaseStartedSchema,
  phaseCompletedSchema,
  phaseExtendedSchema,
  releaseMadeSchema,
  hostilitiesResumedSchema,
] as const;

export const eventSchema = z.discriminatedUnion('type', eventSchemas);

export type ParleyEvent = z.infer<typeof eventSchema>;
/** An event as written in a file, before defaults are filled in. */
export type ParleyEventInput = z.input<typeof eventSchema>;
export type EventType = ParleyEvent['type'];
export type EventOf<T extends EventType> = Extract<ParleyEvent, { type: T }>;

export const eventTypes: readonly EventType[] = eventSchemas.map((s) => s.shape.type.value);
