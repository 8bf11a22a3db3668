// Every event type's definition, keyed by type. Typed so that an event type in
// the schema without a complete definition here does not compile.
import type { EventOf, EventType, ParleyEvent } from '../domain/event-schema.js';
import { agreementReached } from './agreement-reached.js';
import { concessionOffered } from './concession-offered.js';
import type { EventTypeDefinition } from './define.js';
import { figureReported } from './figure-reported.js';
import { hostilitiesResumed } from './hostilities-resumed.js';
import { phaseCompleted, phaseExtended, phaseStarted } from './phase-events.js';
import { positionStated } from './position-stated.js';
import { proposalAccepted } from './proposal-accepted.js';
import { proposalRejected } from './proposal-rejected.js';
import { proposalTabled } from './proposal-tabled.js';
import { releaseMade } from './release-made.js';
import { roundClosed } from './round-closed.js';
import { roundOpened } from './round-opened.js';
import { statementMade } from './statement-made.js';
import { talksAssessed } from './talks-assessed.js';

type Registry = { readonly [T in EventType]: EventTypeDefinition<EventOf<T>> };

export const eventRegistry: Registry = {
  'round.opened': roundOpened,
  'round.closed': roundClosed,
  'proposal.tabled': proposalTabled,
  'proposal.accepted': proposalAccepted,
  'proposal.rejected': proposalRejected,
  'position.stated': positionStated,
  'concession.offered': concessionOffered,
  'talks.assessed': talksAssessed,
  'figure.reported': figureReported,
  'statement.made': statementMade,
  'agreement.reached': agreementReached,
  'phase.started': phaseStarted,
  'phase.completed': phaseCompleted,
  'phase.extended': phaseExtended,
  'release.made': releaseMade,
  'hostilities.resumed': hostilitiesResumed,
};

/** The definition of an event's type, typed for that event. Pure. */
export function definitionOf<E extends ParleyEvent>(event: E): EventTypeDefinition<E> {
  return eventRegistry[event.type] as unknown as EventTypeDefinition<E>;
}
