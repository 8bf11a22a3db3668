// Synthetic, valid, reproducible logs with the event mix of real ones: mostly
// positions and assessments, some statements and figures, a few rounds,
// proposals and lifecycle events. Positions, concessions and responses are
// claims by several claimants per (term, party): the party's own words on and
// off the record, mediators, the other party and the outlets' narration, in
// every source, stating accepts and rejects, so a replay derives positions
// from contested claims as it does on real logs. Lifecycle events follow a storyline the deal
// statechart accepts (rounds, an agreement settling every term, phases,
// releases, a collapse, talks again), so a replay meets few anomalies.
import type { Catalog, Term } from '../domain/catalog-schema.js';
import { isoFromDayNumber, requireDayNumber } from '../domain/dates.js';
import type { EventLog } from '../domain/event-log.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import { type Rng, createRng } from './prng.js';

const START = requireDayNumber('2024-01-01');

/** Events per day: a million events span about three years. */
const PER_DAY = 900;

const SPEAKERS = Array.from({ length: 24 }, (_, i) => `speaker ${i + 1}`);
const FIGURES = ['hostages-remaining', 'hostages-alive', 'prisoners-vetoed'];

/** A storyline of lifecycle events, replayed in a loop. */
const STORY = [
  'round.opened:talks', 'round.closed', 'round.opened:talks', 'round.closed', 'round.opened:talks',
  'agreement.reached', 'round.closed', 'phase.started:1', 'release.made:living', 'release.made:prisoners',
  'round.opened:next-phase', 'release.made:remains', 'phase.completed:1', 'agreement.reached:2', 'phase.started:2',
  'release.made:living', 'release.made:prisoners',
  'hostilities.resumed',
] as const;

interface Generator {
  readonly rng: Rng;
  readonly catalog: Catalog;
  readonly events: ParleyEvent[];
  seq: number;
  day: number;
  storyStep: number;
  roundNo: number;
  currentRound: string | null;
  lastLifecycle: { readonly type: string; readonly act: string; readonly payload: Record<string, unknown> } | null;
  proposalNo: number;
  readonly positions: Map<string, Stance>;
  readonly mediators: readonly string[];
}

function id(g: Generator): string {
  return `ev-${(g.seq++).toString(36).padStart(9, '0')}`;
}

interface Attribution {
  readonly speaker: string;
  readonly party?: string;
  readonly onRecord: boolean;
}

function push(g: Generator, payload: Record<string, unknown>, options: { lag?: number; act?: string; attribution?: Attribution } = {}): void {
  const lag = options.lag ?? g.rng.int(4);
  const source = g.rng.pick(g.catalog.sources).id;
  const attribution = options.attribution ?? { speaker: g.rng.pick(SPEAKERS), onRecord: g.rng.chance(0.7) };
  g.events.push({
    id: id(g),
    occurred: isoFromDayNumber(g.day),
    precision: 'day',
    dateBasis: 'synthetic',
    reported: isoFromDayNumber(g.day + lag),
    source,
    quote: 'a synthetic quote',
    attribution,
    summary: `synthetic ${String(payload.type)}`,
    ...(options.act === undefined ? {} : { act: options.act }),
    hypothetical: false,
    ...payload,
  } as ParleyEvent);
}

/** A contiguous run of ladder indexes. */
function range(rng: Rng, size: number): number[] {
  const a = rng.int(size);
  const b = Math.min(size - 1, a + rng.int(2));
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/**
 * Who claims something about `party`: its own spokesperson or official (on
 * or off the record), a mediator, another party, or no one (the outlet's
 * narration). A few speakers each, so claimants recur across sources.
 */
function claimant(g: Generator, party: string): Attribution {
  const { rng, catalog } = g;
  const r = rng.next();
  if (r < 0.45) return { speaker: `${party} ${rng.pick(['spokesperson', 'official'])}`, party, onRecord: rng.chance(0.6) };
  if (r < 0.65) {
    const mediator = rng.pick(g.mediators);
    return { speaker: `${mediator} official`, party: mediator, onRecord: rng.chance(0.5) };
  }
  if (r < 0.85) {
    const other = rng.pick(catalog.principals.includes(party) ? catalog.principals.filter((p) => p !== party) : catalog.principals);
    return { speaker: `${other} official`, party: other, onRecord: rng.chance(0.5) };
  }
  return { speaker: 'the outlet', onRecord: false };
}

/** A claim about a position: accepts a run of options and/or rejects some of the others. */
function stance(rng: Rng, size: number): { accepts: number[]; rejects: number[] } {
  const accepts = rng.chance(0.15) ? [] : range(rng, size);
  const others = Array.from({ length: size }, (_, i) => i).filter((i) => !accepts.includes(i));
  const rejects = accepts.length === 0 ? others.filter((_, k) => k === 0 || rng.chance(0.5)) : others.filter(() => rng.chance(0.3));
  return { accepts, rejects };
}

interface Stance {
  accepts: number[];
  rejects: number[];
}

function position(g: Generator): void {
  const { rng, catalog } = g;
  const party = rng.chance(0.75) ? rng.pick(catalog.principals) : rng.pick(catalog.parties).id;
  const term = rng.pick(catalog.terms);
  const key = `${term.id}|${party}`;
  const options = term.ladder.map((o) => o.id);
  const named = (xs: readonly number[]) => [...xs].sort((a, b) => a - b).map((i) => options[i]!);
  const current = g.positions.get(key);
  const attribution = claimant(g, party);
  const r = rng.next();
  if (current && r < 0.45) {
    // Another claimant (or the same, in another report) repeats the party's current position.
    push(g, { type: 'position.stated', party, term: term.id, accepts: named(current.accepts), rejects: named(current.rejects), conditions: [] }, { attribution });
  } else if (current && r < 0.6) {
    const ends = current.accepts.length > 0 ? current.accepts : [rng.int(options.length)];
    const edge = rng.chance(0.5) ? Math.min(...ends) - 1 : Math.max(...ends) + 1;
    const add = Math.max(0, Math.min(options.length - 1, edge));
    if (!current.accepts.includes(add)) current.accepts.push(add);
    current.rejects = current.rejects.filter((i) => i !== add);
    push(g, { type: 'concession.offered', party, term: term.id, adds: [options[add]!], conditions: [] }, { attribution });
  } else {
    const claim = stance(rng, options.length);
    // Most fresh claims become the party's current position; some are one claimant's divergent account.
    if (!current || rng.chance(0.6)) g.positions.set(key, { accepts: [...claim.accepts], rejects: [...claim.rejects] });
    const conditions = rng.chance(0.05) ? [condition(rng, catalog.terms, term.id)] : [];
    const prefers = claim.accepts.length > 1 && rng.chance(0.1) ? { prefers: options[claim.accepts[0]!]! } : {};
    push(g, { type: 'position.stated', party, term: term.id, accepts: named(claim.accepts), rejects: named(claim.rejects), ...prefers, conditions }, { attribution });
  }
}

function condition(rng: Rng, terms: readonly Term[], own: string): { term: string; accepts: string[] } {
  const other = rng.pick(terms.filter((t) => t.id !== own));
  return { term: other.id, accepts: range(rng, other.ladder.length).map((i) => other.ladder[i]!.id) };
}

function lifecycle(g: Generator): void {
  const { rng, catalog } = g;
  // Now and then a second source reports the last lifecycle act.
  if (g.lastLifecycle && rng.chance(0.3)) {
    push(g, g.lastLifecycle.payload, { lag: 0, act: g.lastLifecycle.act });
    return;
  }
  const [type, detail] = STORY[g.storyStep % STORY.length]!.split(':') as [string, string | undefined];
  const act = `act-${g.storyStep}`;
  g.storyStep++;
  let payload: Record<string, unknown>;
  switch (type) {
    case 'round.opened':
      g.currentRound = `round-${++g.roundNo}`;
      payload = { type, round: g.currentRound, purpose: detail, venue: rng.pick(['Doha', 'Cairo']), mediators: ['us', 'egypt', 'qatar'].filter((m) => catalog.partyById.has(m)) };
      if ((payload.mediators as string[]).length === 0) payload.mediators = [catalog.parties[0]!.id];
      break;
    case 'round.closed':
      payload = { type, round: g.currentRound };
      break;
    case 'agreement.reached':
      // The deal's agreement settles every term; a later one covers the next phase.
      payload = detail === undefined ? { type, terms: Object.fromEntries(catalog.terms.map((t) => [t.id, rng.pick(t.ladder).id])) } : { type, terms: {}, phases: [Number(detail)] };
      break;
    case 'phase.started':
    case 'phase.completed':
      payload = { type, phase: Number(detail) };
      break;
    case 'release.made':
      payload = { type, kind: detail, count: 1 + rng.int(30) };
      break;
    default:
      payload = { type };
  }
  // Releases and round closings are not corroborated as one act here.
  g.lastLifecycle = type === 'release.made' || type === 'round.closed' ? null : { type, act, payload };
  push(g, payload, { lag: 0, act });
}

function proposal(g: Generator): void {
  const { rng, catalog } = g;
  if (g.proposalNo === 0 || rng.chance(0.35)) {
    // A new text now and then (about one per 3,000 events); mostly other sources reporting the current one.
    const n = g.proposalNo === 0 || rng.chance(0.01) ? ++g.proposalNo : g.proposalNo;
    const terms = Object.fromEntries(catalog.terms.filter(() => rng.chance(0.3)).map((t) => [t.id, rng.pick(t.ladder).id]));
    push(g, { type: 'proposal.tabled', proposal: `proposal-${n}`, by: rng.pick(catalog.parties).id, title: `Proposal ${n}`, terms }, { lag: 0 });
    return;
  }
  const p = `proposal-${Math.max(1, g.proposalNo - rng.int(3))}`;
  const party = rng.pick(catalog.principals);
  // Responses are claims too: a mediator or the other party may say a party accepted.
  const attribution = claimant(g, party);
  if (rng.chance(0.7)) push(g, { type: 'proposal.accepted', proposal: p, party, as: rng.chance(0.6) ? 'text' : 'basis' }, { attribution });
  else push(g, { type: 'proposal.rejected', proposal: p, party }, { attribution });
}

function mediatorsOf(catalog: Catalog): string[] {
  const mediators = catalog.parties.filter((p) => p.role === 'mediator').map((p) => p.id);
  return mediators.length > 0 ? mediators : [catalog.parties[0]!.id];
}

/** `n` valid events against `catalog`, the same for the same seed. */
export function syntheticEvents(catalog: Catalog, n: number, seed = 1): ParleyEvent[] {
  const g: Generator = {
    rng: createRng(seed),
    catalog,
    events: [],
    seq: 0,
    day: START,
    storyStep: 0,
    roundNo: 0,
    currentRound: null,
    lastLifecycle: null,
    proposalNo: 0,
    positions: new Map(),
    mediators: mediatorsOf(catalog),
  };
  const { rng } = g;
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % PER_DAY === 0) g.day++;
    // One lifecycle event per day at most, so reports of one day cannot reorder them.
    if (i % PER_DAY === 1) {
      lifecycle(g);
      continue;
    }
    const r = rng.next();
    if (r < 0.4) position(g);
    else if (r < 0.65) push(g, { type: 'talks.assessed', tone: rng.chance(0.5) ? 'optimistic' : 'pessimistic' });
    else if (r < 0.8) push(g, { type: 'statement.made', kind: rng.pick(['call', 'accusation', 'meeting', 'denial', 'commitment', 'other']), about: [rng.pick(catalog.parties).id] });
    else if (r < 0.9) push(g, { type: 'figure.reported', figure: rng.pick(FIGURES), value: rng.int(200) });
    else proposal(g);
  }
  return g.events;
}

/** A catalog-shaped list of `count` two-option terms, for the explore benchmarks. */
export function binaryTerms(count: number): Term[] {
  return Array.from({ length: count }, (_, i) => ({ id: `term-${i}`, label: `Term ${i}`, axis: 'low to high', ladder: [{ id: 'low', label: 'low' }, { id: 'high', label: 'high' }] }));
}

/**
 * Positions on every term of `catalog` (two-option terms): the principals at
 * opposite ends, so each term is open one step apart. `linked` terms carry a
 * condition of the first principal on the next term.
 */
export function exploreEvents(catalog: Catalog, linked: number, noise = 0, seed = 7): ParleyEvent[] {
  const [a, b] = catalog.principals;
  const g: Generator = { rng: createRng(seed), catalog, events: [], seq: 0, day: requireDayNumber('2024-08-01'), storyStep: 0, roundNo: 0, currentRound: null, lastLifecycle: null, proposalNo: 0, positions: new Map(), mediators: mediatorsOf(catalog) };
  for (let i = 0; i < noise; i++) {
    const r = g.rng.next();
    if (r < 0.5) push(g, { type: 'talks.assessed', tone: 'optimistic' });
    else push(g, { type: 'statement.made', kind: 'meeting', about: [] });
  }
  g.day++;
  catalog.terms.forEach((t, i) => {
    const next = catalog.terms[(i + 1) % catalog.terms.length]!;
    const conditions = i < linked ? [{ term: next.id, accepts: ['high'] }] : [];
    push(g, { type: 'position.stated', party: a, term: t.id, accepts: ['low'], rejects: [], conditions }, { lag: 0 });
    push(g, { type: 'position.stated', party: b, term: t.id, accepts: ['high'], rejects: [], conditions: [] }, { lag: 0 });
  });
  return g.events;
}

/** `count` seeded random days between a log's first and last event, as query dates. Pure. */
export function randomDates(log: EventLog, count: number, seed: number): string[] {
  const rng = createRng(seed);
  const first = log.entries[0]!.day;
  const last = log.entries.at(-1)!.day;
  return Array.from({ length: count }, () => isoFromDayNumber(first + rng.int(last - first + 1)));
}
