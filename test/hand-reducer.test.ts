// The benchmark's hand-written fold computes what the model computes, so the
// ratio between them measures the price of the model's design and nothing
// else. Checked on generated logs whose stance events are re-attributed to
// several claimants (the party itself on and off the record, a mediator, the
// other party, an outlet's narration) and state rejects as well as accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differences, disagreements } from '../src/bench/agreement.js';
import { handReplay, handView } from '../src/bench/hand-reducer.js';
import { type ParleyEvent, createLog, toEntry } from '../src/index.js';
import { replay } from '../src/model/replay.js';
import { policies } from '../src/model/claims.js';
import { eventsArbitrary, sampleCatalog } from '../src/testing/index.js';

const catalog = sampleCatalog;
const [north, south] = catalog.principals;
const stanceTypes = new Set(['position.stated', 'concession.offered', 'proposal.accepted', 'proposal.rejected']);

/** Re-attributes a stance event by the bits of `k`, and turns part of a position into rejects. Pure. */
function asClaim(e: ParleyEvent, k: number): ParleyEvent {
  if (!stanceTypes.has(e.type)) return e;
  let out = e;
  if (!e.hypothetical && 'party' in e) {
    const about = e.party;
    const other = about === north ? south : north;
    const speakerParty = [about, 'broker', other, undefined][k & 3];
    const speaker = `${speakerParty ?? 'outlet'} speaker ${(k >> 2) & 1}`;
    out = { ...out, attribution: { speaker, ...(speakerParty === undefined ? {} : { party: speakerParty }), onRecord: ((k >> 3) & 1) === 1 } } as ParleyEvent;
  }
  if (out.type === 'position.stated') {
    const stated = out;
    const ladder = catalog.termById.get(stated.term)!.ladder.map((o) => o.id);
    const others = ladder.filter((o, i) => !stated.accepts.includes(o) && ((k >> (4 + i)) & 1) === 1);
    // Now and then a claim names only what the party refuses.
    const rejectsOnly = others.length > 0 && ((k >> 9) & 3) === 0;
    const accepts = rejectsOnly ? [] : stated.accepts;
    const prefers = accepts.length > 1 && ((k >> 11) & 3) === 0 ? { prefers: accepts[accepts.length - 1] } : {};
    out = { ...stated, accepts, rejects: others, ...prefers };
  }
  return out;
}

const claimsLog = fc
  .tuple(eventsArbitrary(catalog, { maxLength: 60, hypotheticalWeight: 0.2, idPool: 2 }), fc.array(fc.nat(), { minLength: 16, maxLength: 16 }))
  .map(([events, bits]) => createLog(catalog, events.map((e, i) => toEntry(asClaim(e, bits[i % bits.length]!), i))));

describe('the hand-written fold of the benchmark', () => {
  for (const policy of policies) {
    it(`agrees with the model under ${policy}: positions, responses, gaps, lifecycle, anomalies`, () => {
      fc.assert(
        fc.property(claimsLog, (log) => {
          expect(disagreements(log, policy)).toEqual([]);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('reports a difference when there is one', () => {
    // North's own words and an outlet's narration disagree: first-hand and
    // latest derive different positions, so comparing across policies must fail.
    const claim = (id: string, day: string, party: string | undefined, accepts: string[]) =>
      ({
        id, type: 'position.stated', occurred: day, precision: 'day', dateBasis: 't', summary: 't', hypothetical: false, source: 'daily', reported: day, quote: 'q',
        attribution: { speaker: party ?? 'outlet', ...(party ? { party } : {}), onRecord: true }, party: north, term: 'ceasefire', accepts, rejects: [], conditions: [],
      }) as ParleyEvent;
    const log = createLog(catalog, [claim('aaaaaa', '2024-08-01', north, ['resume']), claim('bbbbbb', '2024-08-02', undefined, ['permanent'])].map((e, i) => toEntry(e, i)));
    expect(disagreements(log, 'first-hand')).toEqual([]);
    expect(disagreements(log, 'latest')).toEqual([]);
    const crossed = differences(replay(log, { policy: 'latest' }), handView(handReplay(log.entries, catalog, 'first-hand'), catalog, 'first-hand'));
    expect(crossed.some((d) => d.startsWith('positions.ceasefire.north:'))).toBe(true);
  });
});
