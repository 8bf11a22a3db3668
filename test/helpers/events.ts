// Terse builders for hand-written test events against the sample catalog.
import { type Catalog, type EventLog, type ParleyEvent, eventSchema, logFromEvents } from '../../src/index.js';
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

/** Validated by the event schema, which also fills its defaults: a bad fixture fails loudly. */
function withDefaults(e: Record<string, unknown>): ParleyEvent {
  return eventSchema.parse(e);
}

export function sampleLog(events: readonly ParleyEvent[]): EventLog {
  return logFromEvents(sampleCatalog, events);
}

/**
 * A position as a closed set: the options given are accepted and every other
 * option of the term is rejected (how positions read before claims carried
 * rejects). `stance` states accepts and rejects explicitly.
 */
export const position = (party: string, term: string, accepts: string[], catalog: Catalog = sampleCatalog): Payload => ({
  type: 'position.stated',
  party,
  term,
  accepts,
  rejects: catalog.termById.get(term)!.ladder.map((o) => o.id).filter((o) => !accepts.includes(o)),
});

/** A position with explicit accepted and rejected options; options in neither are unknown. */
export const stance = (party: string, term: string, accepts: string[], rejects: string[] = []): Payload => ({ type: 'position.stated', party, term, accepts, rejects });
