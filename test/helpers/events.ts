// Terse builders for hand-written test events against the sample catalog.
import { type EventLog, type ParleyEvent, logFromEvents } from '../../src/index.js';
import { sampleCatalog } from '../../src/testing/index.js';

let counter = 0;

type Payload = Record<string, unknown> & { type: ParleyEvent['type'] };

/** A reported event on `occurred`, from the "daily" source unless given. */
export function reported(occurred: string, payload: Payload, extra: Record<string, unknown> = {}): ParleyEvent {
  counter++;
  return withDefaults({
    id: `evt-${String(counter).padStart(6, '0')}`,
    occurred,
    precision: 'day',
    dateBasis: 'test',
    reported: occurred.length === 7 ? `${occurred}-28` : occurred,
    source: 'daily',
    quote: 'a quote',
    attribution: { speaker: 'a speaker', onRecord: true },
    summary: 'test event',
    hypothetical: false,
    ...payload,
    ...extra,
  });
}

export function hypothetical(occurred: string, payload: Payload, extra: Record<string, unknown> = {}): ParleyEvent {
  counter++;
  return withDefaults({ id: `hyp-${String(counter).padStart(6, '0')}`, occurred, precision: 'day', dateBasis: 'test', summary: 'what-if', hypothetical: true, ...payload, ...extra });
}

function withDefaults(e: Record<string, unknown>): ParleyEvent {
  const defaults: Record<string, Record<string, unknown>> = {
    'proposal.tabled': { terms: {} },
    'proposal.accepted': { as: 'text' },
    'position.stated': { conditions: [] },
    'concession.offered': { conditions: [] },
    'statement.made': { about: [] },
    'agreement.reached': { terms: {} },
  };
  return { ...defaults[e.type as string], ...e } as ParleyEvent;
}

export function sampleLog(events: readonly ParleyEvent[]): EventLog {
  return logFromEvents(sampleCatalog, events);
}

export const position = (party: string, term: string, accepts: string[]): Payload => ({ type: 'position.stated', party, term, accepts });
