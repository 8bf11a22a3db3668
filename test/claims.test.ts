// Claims and policies: who decides a position, what consensus keeps, that
// `latest` is the wave-1 model, and that every claim stays visible.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EventLog, type NegotiationState, type ParleyEvent, logFromEvents, requireDayNumber, stateAt } from '../src/index.js';
import { type ClaimOrder, type Claimant, claimRanks, claimantOf, decidingClaim, nextDecidingClaim, policies } from '../src/model/claims.js';
import { gapShape } from '../src/model/gaps.js';
import { isoDateArbitrary, logArbitrary, sampleCatalog } from '../src/testing/index.js';
import { hypothetical, position, reported, sampleLog, stance } from './helpers/events.js';

const catalog = sampleCatalog;
const [NORTH, SOUTH] = catalog.principals;

describe('claimants', () => {
  const e = (attribution: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) =>
    reported('2024-08-01', position('north', 'corridor', ['control']), { attribution, ...extra });

  it('relates the speaker to the party the claim is about: its own words, a mediator, another party, or narration', () => {
    expect(claimantOf(e({ speaker: 'North office', party: 'north', onRecord: true }), 'north', catalog)).toMatchObject({ relation: 'self', rank: 'own-on-record' });
    expect(claimantOf(e({ speaker: 'a North official', party: 'north', onRecord: false }), 'north', catalog)).toMatchObject({ relation: 'self', rank: 'own-off-record' });
    expect(claimantOf(e({ speaker: 'Broker envoy', party: 'broker', onRecord: true }), 'north', catalog)).toMatchObject({ relation: 'mediator', rank: 'mediator' });
    expect(claimantOf(e({ speaker: 'South spokesman', party: 'south', onRecord: true }), 'north', catalog)).toMatchObject({ relation: 'other-party', rank: 'other-party' });
    expect(claimantOf(e({ speaker: 'The Daily', onRecord: true }), 'north', catalog)).toMatchObject({ relation: 'narration', rank: 'narration', source: 'daily' });
  });

  it('ranks a hypothetical event as the party\'s own on-record statement', () => {
    const h = hypothetical('2024-08-01', { type: 'concession.offered', party: 'south', term: 'corridor', adds: ['phased'] });
    expect(claimantOf(h, 'south', catalog)).toMatchObject({ source: null, relation: 'self', rank: 'own-on-record' });
  });
});

const claimArbitrary = fc.record({
  rank: fc.constantFrom(...claimRanks),
  day: fc.integer({ min: 0, max: 5 }),
  reportedDay: fc.integer({ min: 0, max: 5 }),
  seq: fc.integer({ min: 0, max: 1000 }),
});
type TestClaim = { claimant: Claimant; order: ClaimOrder };
const asClaims = (xs: { rank: Claimant['rank']; day: number; reportedDay: number; seq: number }[]): TestClaim[] =>
  xs.map((x, i) => ({
    claimant: { source: 's', speaker: `speaker ${i}`, speakerParty: null, relation: 'narration', onRecord: false, rank: x.rank, impliedBy: null, rankIndex: claimRanks.indexOf(x.rank), key: i },
    order: { day: x.day, reportedDay: x.day + x.reportedDay, seq: x.seq * 100 + i },
  }));

describe('policies', () => {
  it('first-hand never picks a lower-ranked claim when a higher-ranked one exists; within a rank, the latest', () => {
    fc.assert(
      fc.property(fc.array(claimArbitrary, { minLength: 1, maxLength: 8 }), (xs) => {
        const claims = asClaims(xs);
        const picked = decidingClaim(claims, 'first-hand')!;
        const rank = (c: TestClaim) => claimRanks.indexOf(c.claimant.rank);
        for (const c of claims) {
          expect(rank(c)).toBeGreaterThanOrEqual(rank(picked));
          if (rank(c) === rank(picked) && c !== picked) {
            const later = c.order.day - picked.order.day || c.order.reportedDay - picked.order.reportedDay || c.order.seq - picked.order.seq;
            expect(later).toBeLessThan(0);
          }
        }
      }),
    );
  });

  it('the replay\'s incremental choice (one claim at a time, each the newest) equals choosing among all claims', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ rank: fc.constantFrom(...claimRanks), claimant: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 12 }), fc.constantFrom(...policies), (xs, policy) => {
        // Claims arrive in log order: each is the newest; a claimant's new claim replaces its earlier one.
        let current: TestClaim[] = [];
        let basis: TestClaim | null = null;
        xs.forEach((x, seq) => {
          const claim: TestClaim = { claimant: { ...asClaims([{ rank: x.rank, day: seq, reportedDay: 0, seq }])[0]!.claimant, key: x.claimant }, order: { day: seq, reportedDay: seq, seq } };
          // A claimant may speak at another rank than before (on, then off the record).
          current = [...current.filter((c) => c.claimant.key !== x.claimant), claim];
          basis = nextDecidingClaim(basis, claim, policy, current);
          expect(basis).toBe(decidingClaim(current, policy));
        });
      }),
    );
  });

  it('latest picks the last claim in log order, whoever made it; consensus picks none', () => {
    fc.assert(
      fc.property(fc.array(claimArbitrary, { minLength: 1, maxLength: 8 }), (xs) => {
        const claims = asClaims(xs);
        expect(decidingClaim(claims, 'latest')!.order.seq).toBe(Math.max(...claims.map((c) => c.order.seq)));
        expect(decidingClaim(claims, 'consensus')).toBeNull();
      }),
    );
  });

  const logs = logArbitrary(catalog, { maxLength: 150, hypotheticalWeight: 0.2, idPool: 2 });
  const dates = fc.array(isoDateArbitrary(), { minLength: 1, maxLength: 3 });

  it('consensus accepts only what every claim that names accepted options accepts (or a concession in force adds), and nothing any claim rejects', () => {
    fc.assert(
      fc.property(logs, dates, (log, ds) => {
        for (const d of ds) {
          for (const byParty of Object.values(stateAt(log, d, { policy: 'consensus' }).positions)) {
            for (const p of Object.values(byParty)) {
              const conceded = new Set(p.concessions.flatMap((c) => c.adds));
              for (const o of p.accepts) {
                if (conceded.has(o)) continue;
                for (const c of p.claims) if (c.accepts.length > 0) expect(c.accepts).toContain(o);
                for (const c of p.claims) expect(c.rejects).not.toContain(o);
              }
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('every position lists every current claim, decides by one of them (except consensus), and is contested exactly when they disagree', () => {
    fc.assert(
      fc.property(logs, dates, fc.constantFrom(...policies), (log, ds, policy) => {
        for (const d of ds) {
          for (const byParty of Object.values(stateAt(log, d, { policy }).positions)) {
            for (const p of Object.values(byParty)) {
              expect(p.claims.length).toBeGreaterThan(0);
              const says = (c: { accepts: readonly string[]; rejects: readonly string[]; prefers: string | null; conditions: unknown }) => JSON.stringify([c.accepts, c.rejects, c.prefers, c.conditions]);
              expect(p.contested).toBe(new Set(p.claims.map(says)).size > 1);
              if (policy === 'consensus') expect(p.basis).toBeNull();
              else expect(p.claims.some((c) => c.eventIds.join() === p.basis!.eventIds.join())).toBe(true);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

/**
 * The wave-1 model, written out again: one position per (term, party), the
 * last report wins, a concession widens the current position; gaps from
 * accepted sets (bridged when they overlap, else open with a distance).
 */
function wave1(log: EventLog, date: string): { positions: Map<string, string[]>; gaps: Map<string, string> } {
  const positions = new Map<string, string[]>();
  const responses = new Map<string, { response: string; as: string | null }>();
  const tabled: { id: string; terms: Record<string, string> }[] = [];
  const order = (term: string, xs: readonly string[]) => {
    const ladder = catalog.termById.get(term)!.ladder.map((o) => o.id);
    return ladder.filter((o) => xs.includes(o));
  };
  for (const { event: e, day } of log.entries) {
    if (day > requireDayNumber(date)) break;
    if (e.type === 'position.stated') positions.set(`${e.term}/${e.party}`, order(e.term, e.accepts));
    if (e.type === 'concession.offered') {
      const current = positions.get(`${e.term}/${e.party}`);
      if (current) positions.set(`${e.term}/${e.party}`, order(e.term, [...current, ...e.adds]));
    }
    if (e.type === 'proposal.tabled') {
      const p = tabled.find((x) => x.id === e.proposal);
      if (p) p.terms = { ...p.terms, ...e.terms };
      else tabled.push({ id: e.proposal, terms: e.terms });
    }
    const proposal = 'proposal' in e ? tabled.find((x) => x.id === e.proposal) : undefined;
    if ((e.type === 'proposal.accepted' || e.type === 'proposal.rejected') && proposal) {
      responses.set(`${e.proposal}/${e.party}`, { response: e.type === 'proposal.accepted' ? 'accepted' : 'rejected', as: e.type === 'proposal.accepted' ? e.as : null });
    }
  }
  const gaps = new Map<string, string>();
  for (const term of catalog.terms) {
    const agreedByText = tabled.some(
      (p) => Object.hasOwn(p.terms, term.id) && [NORTH, SOUTH].every((party) => responses.get(`${p.id}/${party}`)?.response === 'accepted' && responses.get(`${p.id}/${party}`)?.as === 'text'),
    );
    const a = positions.get(`${term.id}/${NORTH}`);
    const b = positions.get(`${term.id}/${SOUTH}`);
    const ladder = term.ladder.map((o) => o.id);
    let gap = 'unknown';
    if (agreedByText) gap = 'agreed';
    else if (a && b) {
      const overlap = a.some((o) => b.includes(o));
      gap = overlap ? 'bridged' : `open ${Math.min(...a.flatMap((x) => b.map((y) => Math.abs(ladder.indexOf(x) - ladder.indexOf(y)))))}`;
    }
    gaps.set(term.id, gap);
  }
  return { positions, gaps };
}

describe('latest is the wave-1 model', () => {
  it('on logs of closed sets (what positions meant before rejects), `latest` gives wave-1 positions and gaps', () => {
    // Proposals settle no terms here: accepting a text now also implies claims on its terms (an
    // open stance, tested above), which wave 1 did not have.
    const closed = logArbitrary(catalog, { maxLength: 150, idPool: 2, closedSets: true, story: false }).map((l) =>
      logFromEvents(catalog, l.entries.map(({ event: e }) => (e.type === 'proposal.tabled' ? { ...e, terms: {} } : e))),
    );
    fc.assert(
      fc.property(closed, isoDateArbitrary(), (log, d) => {
        const s = stateAt(log, d, { policy: 'latest' });
        const w = wave1(log, d);
        for (const term of catalog.terms) {
          for (const party of catalog.principals) expect(s.positions[term.id]?.[party]?.accepts ?? null, `${term.id}/${party}`).toEqual(w.positions.get(`${term.id}/${party}`) ?? null);
          const gap = s.gaps[term.id]!;
          if (gap.status === 'agreed' && gap.basis === 'agreement') continue;
          expect(gap.status === 'open' ? `open ${gap.distance}` : gap.status, term.id).toBe(w.gaps.get(term.id));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('a contested position, end to end', () => {
  // North's own office says control; a mediator says North could accept phased withdrawal; a day later an outlet narrates reduced presence.
  const own = reported('2024-08-01', stance('north', 'corridor', ['control'], ['withdrawal']), { attribution: { speaker: 'North office', party: 'north', onRecord: true } });
  const mediator = reported('2024-08-02', stance('north', 'corridor', ['control', 'phased']), { attribution: { speaker: 'Broker envoy', party: 'broker', onRecord: true } });
  const narration = reported('2024-08-03', stance('north', 'corridor', ['reduced']), { source: 'wire', attribution: { speaker: 'The Wire', onRecord: true } });
  const south = reported('2024-08-01', stance('south', 'corridor', ['phased', 'withdrawal'], ['control']), { attribution: { speaker: 'South office', party: 'south', onRecord: true } });
  const log = sampleLog([own, mediator, narration, south]);
  const on = (policy: (typeof policies)[number]): NegotiationState => stateAt(log, '2024-08-03', { policy });

  it('first-hand takes the party\'s own words and keeps the others beside them', () => {
    const p = on('first-hand').positions.corridor!.north!;
    expect(p).toMatchObject({ accepts: ['control'], rejects: ['withdrawal'], contested: true, basis: { speaker: 'North office', rank: 'own-on-record' }, eventIds: [own.id] });
    expect(p.claims.map((c) => c.relation)).toEqual(['self', 'mediator', 'narration']);
    // All North accepts (control), South rejects: open. The mediator's claim would bridge it; the narration leaves it undetermined.
    expect(on('first-hand').gaps.corridor).toMatchObject({ status: 'open', distance: 2, contested: true, alternatives: ['bridged', 'undetermined'] });
  });

  it('latest takes the last report, consensus only what every claim agrees on', () => {
    expect(on('latest').positions.corridor!.north).toMatchObject({ accepts: ['reduced'], basis: { speaker: 'The Wire', relation: 'narration' } });
    expect(on('consensus').positions.corridor!.north).toMatchObject({ accepts: [], rejects: ['withdrawal'], basis: null, eventIds: [own.id, mediator.id, narration.id] });
  });

  it('shows a response decided by a third party as such', () => {
    const tabled = reported('2024-08-01', { type: 'proposal.tabled', proposal: 'plan', by: 'broker', title: 'Plan', terms: {} });
    const accepted = reported('2024-08-02', { type: 'proposal.accepted', proposal: 'plan', party: 'north' }, { attribution: { speaker: 'Broker envoy', party: 'broker', onRecord: true } });
    const refused = reported('2024-08-03', { type: 'proposal.rejected', proposal: 'plan', party: 'north' }, { source: 'wire', attribution: { speaker: 'South office', party: 'south', onRecord: true } });
    const s = (policy: (typeof policies)[number]) => stateAt(sampleLog([tabled, accepted, refused]), '2024-08-03', { policy }).proposals.plan!.responses.north!;
    expect(s('first-hand')).toMatchObject({ response: 'accepted', contested: true, basis: { relation: 'mediator', speaker: 'Broker envoy' } });
    expect(s('latest')).toMatchObject({ response: 'rejected', basis: { relation: 'other-party' } });
    expect(s('consensus')).toMatchObject({ response: 'disputed', basis: null });
  });
});

describe('accepting a text', () => {
  it('implies, by the same claimant, accepting what the text says on each term it settles; a basis implies nothing', () => {
    const tabled = reported('2024-08-01', { type: 'proposal.tabled', proposal: 'plan', by: 'broker', title: 'Plan', terms: { corridor: 'phased', ceasefire: 'permanent' } });
    const own = reported('2024-08-02', stance('north', 'corridor', ['control'], ['withdrawal']), { attribution: { speaker: 'North office', party: 'north', onRecord: true } });
    const accepted = reported('2024-08-03', { type: 'proposal.accepted', proposal: 'plan', party: 'north', as: 'text' }, { attribution: { speaker: 'Broker envoy', party: 'broker', onRecord: true } });
    const basis = reported('2024-08-03', { type: 'proposal.accepted', proposal: 'plan', party: 'south', as: 'basis' }, { attribution: { speaker: 'South office', party: 'south', onRecord: true } });
    const s = stateAt(sampleLog([tabled, own, accepted, basis]), '2024-08-03');
    // North's own words outrank the mediator's report of its acceptance; the implied claim stands beside them.
    expect(s.positions.corridor!.north).toMatchObject({ accepts: ['control'], contested: true });
    expect(s.positions.corridor!.north!.claims.at(-1)).toMatchObject({ accepts: ['phased'], rejects: [], relation: 'mediator', impliedBy: 'plan', inference: 'implied by accepting the text of plan', eventIds: [accepted.id] });
    expect(s.positions.ceasefire!.north).toMatchObject({ accepts: ['permanent'], basis: { impliedBy: 'plan', relation: 'mediator' } });
    expect(s.positions.ceasefire!.south).toBeUndefined();
  });
});

describe('gap statuses from positions (gapShape)', () => {
  const ladder = ['a', 'b', 'c'];
  const P = ['north', 'south'] as const;
  it('follows the README table', () => {
    expect(gapShape(ladder, P, undefined, { accepts: ['a'], rejects: [] })).toEqual({ status: 'unknown', missing: ['north'] });
    expect(gapShape(ladder, P, { accepts: ['a', 'b'], rejects: [] }, { accepts: ['b'], rejects: [] })).toEqual({ status: 'bridged', options: ['b'] });
    expect(gapShape(ladder, P, { accepts: ['a'], rejects: ['c'] }, { accepts: ['c'], rejects: ['a'] })).toEqual({ status: 'open', distance: 2 });
    expect(gapShape(ladder, P, { accepts: [], rejects: ['a', 'b'] }, { accepts: [], rejects: ['c'] })).toEqual({ status: 'open', distance: null });
    expect(gapShape(ladder, P, { accepts: ['a'], rejects: [] }, { accepts: ['c'], rejects: [] })).toEqual({ status: 'undetermined', candidates: ['a', 'b', 'c'] });
    expect(gapShape(ladder, P, { accepts: ['a'], rejects: [] }, { accepts: ['c'], rejects: ['a'] })).toEqual({ status: 'open', distance: 2 });
  });

  it('is one of the five statuses on every pair of stances on ladders of 1-3 options, each with its witness', () => {
    for (let size = 1; size <= 3; size++) {
      const options = ladder.slice(0, size);
      // Each option accepted, rejected or unknown for a side: 3^size stances, plus no claim at all.
      const stances: ({ accepts: string[]; rejects: string[] } | undefined)[] = [undefined];
      for (let code = 0; code < 3 ** size; code++) {
        const marks = options.map((_, i) => Math.floor(code / 3 ** i) % 3);
        stances.push({ accepts: options.filter((_, i) => marks[i] === 1), rejects: options.filter((_, i) => marks[i] === 2) });
      }
      for (const a of stances) {
        for (const b of stances) {
          const g = gapShape(options, P, a, b);
          if (!a || !b) {
            expect(g.status).toBe('unknown');
            continue;
          }
          const both = options.filter((o) => a.accepts.includes(o) && b.accepts.includes(o));
          const free = options.filter((o) => !a.rejects.includes(o) && !b.rejects.includes(o));
          const covered = (x: string[], y: string[]) => x.length > 0 && x.every((o) => y.includes(o));
          if (both.length > 0) expect(g).toEqual({ status: 'bridged', options: both });
          else if (free.length === 0 || covered(a.accepts, b.rejects) || covered(b.accepts, a.rejects)) expect(g.status).toBe('open');
          else expect(g).toEqual({ status: 'undetermined', candidates: free });
        }
      }
    }
  });
});

describe('provenance of claims', () => {
  it('keeps an inference with its claim', () => {
    const inferred = reported('2024-08-01', { ...stance('north', 'corridor', [], ['withdrawal']), inference: 'a refusal of full withdrawal, read from "will not leave"' } as never);
    const p = stateAt(sampleLog([inferred]), '2024-08-01').positions.corridor!.north!;
    expect(p.claims[0]).toMatchObject({ inference: 'a refusal of full withdrawal, read from "will not leave"', accepts: [], rejects: ['withdrawal'] });
  });

  it('returns deeply frozen states', () => {
    const s = stateAt(sampleLog([reported('2024-08-01', position('north', 'corridor', ['control']))]), '2024-08-01');
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.positions)).toBe(true);
    expect(Object.isFrozen(s.positions.corridor!.north!.claims)).toBe(true);
    expect(Object.isFrozen(s.gaps.corridor)).toBe(true);
  });

  it('treats prototype names as plain ids: a source or party called "constructor" is only a name', () => {
    const events: ParleyEvent[] = [reported('2024-08-01', { type: 'proposal.tabled', proposal: 'constructor', by: 'broker', title: 'P', terms: {} })];
    const s = stateAt(sampleLog(events), '2024-08-01');
    expect(Object.keys(s.proposals)).toEqual(['constructor']);
    expect(s.gaps.corridor!.status).toBe('unknown');
  });
});
