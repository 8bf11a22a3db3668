// The practical limit: the same fold as parley's replay, written as one plain
// mutable reducer with no statechart library, no immutability and no
// checkpoints. It computes the same things: positions and proposal responses
// as claims per claimant with the position a policy derives from them
// (options as bit masks, claims updated in place), concessions in force,
// gaps, rounds, the lifecycle by a plain switch with the same guards,
// assessments, figures, releases and anomalies. So the ratio replay / hand
// fold is the price of the model's design (immutable leaves, shared ids,
// the registry, the statechart), not of different work. `handView` presents
// what a query shows, so that agreement.ts can compare it with the model.
import type { Catalog } from '../domain/catalog-schema.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import type { LogEntry } from '../domain/ordering.js';
import { type ClaimRank, type Policy, type Relation, SCENARIO_SPEAKER, claimRanks, defaultPolicy } from '../model/claims.js';
import type { GapStatus } from '../model/gaps.js';

interface Marked {
  eventIds: string[];
  hypothetical: boolean;
}

/** A condition on another term: the options (as a mask over its ladder) the position depends on. */
interface HandCondition {
  term: string;
  mask: number;
}

/** Who makes a claim and where it sits in the replay order, inline in every claim. */
interface HandClaimBase extends Marked {
  source: string | null;
  speaker: string;
  speakerParty: string | null;
  relation: Relation;
  /** Index into claimRanks: 0 is the party's own words on the record. */
  rank: number;
  day: number;
  reportedDay: number;
  seq: number;
  date: string;
  inference: string | null;
  /** The proposal whose accepted text implies the claim, if it is implied. */
  impliedBy: string | null;
  onRecord: boolean;
  reported: string | null;
}

interface HandPositionClaim extends HandClaimBase {
  accepts: number;
  rejects: number;
  prefers: string | null;
  /** The bit of `prefers` in the ladder (0 when none). */
  prefersBit: number;
  conditions: HandCondition[];
  /** The conditions as one string, for equality. */
  conditionsKey: string;
}

interface HandConcession extends HandClaimBase {
  adds: number;
  conditions: HandCondition[];
}

/** How many current claims say one thing, and one of them (to read what it says). */
interface ContentCount<C> {
  count: number;
  claim: C;
}

export interface HandPosition {
  /** The latest claim of each claimant, in the order claimants first spoke. */
  claims: HandPositionClaim[];
  /** claimant key -> index in `claims`. */
  byClaimant: Map<string, number>;
  /** content key -> the claims that say it: contested and consensus read the distinct contents only. */
  contents: Map<string, ContentCount<HandPositionClaim>>;
  /** One per claimant; reported ones go once a later claim supersedes them. */
  concessions: HandConcession[];
  basis: HandPositionClaim | null;
  accepts: number;
  rejects: number;
  prefers: string | null;
  conditions: HandCondition[];
  contested: boolean;
}

interface HandResponseClaim extends HandClaimBase {
  response: 'accepted' | 'rejected';
  as: 'text' | 'basis' | null;
}

export interface HandResponse {
  claims: HandResponseClaim[];
  byClaimant: Map<string, number>;
  /** "response|as" -> the claims that say it. */
  contents: Map<string, ContentCount<HandResponseClaim>>;
  basis: HandResponseClaim | null;
  response: 'accepted' | 'rejected' | 'disputed';
  as: 'text' | 'basis' | null;
  contested: boolean;
}

interface HandProposal extends Marked {
  terms: Record<string, string>;
  responses: Map<string, HandResponse>;
}

interface Mark extends Marked {
  act: string | null;
}

export interface HandState {
  phase: string;
  stage: string | null;
  mark: Mark | null;
  round: (Marked & { id: string; closed: string | null }) | null;
  roundsOpened: number;
  agreement: (Marked & { terms: Record<string, string> }) | null;
  proposals: Map<string, HandProposal>;
  positions: Map<string, Map<string, HandPosition>>;
  /** source -> speaker -> latest assessment */
  assessments: Map<string, Map<string, Marked & { tone: string; date: string }>>;
  /** figure -> source -> latest value */
  figures: Map<string, Map<string, Marked & { value: number; date: string }>>;
  /** Phases an agreement covers. */
  covered: Set<number>;
  /** phase -> living hostages and remains released in it (since it last started). */
  hostages: Map<number, number>;
  prisoners: Map<number, number>;
  /** phase -> release acts counted in it, so a second report of one is not added twice. */
  releaseActs: Map<number, Set<string>>;
  /** phase -> extension acts counted, so a second report of one corroborates it. */
  extensionActs: Map<number, Set<string>>;
  anomalies: number;
  eventCount: number;
}

function extend(m: Marked, e: ParleyEvent): void {
  m.eventIds.push(e.id);
  if (e.hypothetical) m.hypothetical = true;
}

function maskOf(index: ReadonlyMap<string, number>, options: readonly string[]): number {
  let mask = 0;
  for (let i = 0; i < options.length; i++) mask |= 1 << index.get(options[i]!)!;
  return mask;
}

function optionsOf(ladder: readonly string[], mask: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < ladder.length; i++) if (mask & (1 << i)) out.push(ladder[i]!);
  return out;
}

/** Later in the replay order: occurred, then reported, then log order (claims.ts, compareLatest). */
const later = (a: HandClaimBase, b: HandClaimBase) => a.day !== b.day ? a.day > b.day : a.reportedDay !== b.reportedDay ? a.reportedDay > b.reportedDay : a.seq > b.seq;

function deciding<C extends HandClaimBase>(claims: readonly C[], policy: Policy): C | null {
  if (policy === 'consensus' || claims.length === 0) return null;
  let best = claims[0]!;
  for (let i = 1; i < claims.length; i++) {
    const c = claims[i]!;
    if (policy === 'latest' ? c.seq > best.seq : c.rank < best.rank || (c.rank === best.rank && later(c, best))) best = c;
  }
  return best;
}

/**
 * The deciding claim once \`added\` (the newest claim of all: the replay goes
 * in order) has replaced \`replaced\` (its claimant's earlier claim, if any):
 * \`added\` decides when it ranks at least as well as the deciding claim, and
 * every claim is weighed again only when the deciding claimant itself spoke
 * again at a worse rank.
 */
function nextDeciding<C extends HandClaimBase>(basis: C | null, added: C, replaced: C | undefined, claims: readonly C[], policy: Policy): C | null {
  if (policy === 'consensus') return null;
  if (policy === 'latest' || basis === null || added.rank <= basis.rank) return added;
  return replaced === basis ? deciding(claims, policy) : basis;
}

/** Counts \`added\` under its content in place of \`replaced\`. */
function recount<C>(contents: Map<string, ContentCount<C>>, added: C, addedKey: string, replacedKey: string | undefined): void {
  if (replacedKey !== undefined) {
    const was = contents.get(replacedKey)!;
    // The claim kept for a content may be one since replaced: it still says that content.
    if (--was.count === 0) contents.delete(replacedKey);
  }
  const now = contents.get(addedKey);
  if (now === undefined) contents.set(addedKey, { count: 1, claim: added });
  else now.count++;
}

const supersedes = (p: HandPositionClaim, c: HandConcession, policy: Policy) => later(p, c) && (policy === 'latest' || p.rank <= c.rank);

const sameContent = (a: HandPositionClaim, b: HandPositionClaim) => a.accepts === b.accepts && a.rejects === b.rejects && a.prefers === b.prefers && a.conditionsKey === b.conditionsKey;
const contentKey = (c: HandPositionClaim) => `${c.accepts}|${c.rejects}|${c.prefers ?? ''}|${c.conditionsKey}`;
const responseKey = (c: HandResponseClaim) => `${c.response}|${c.as ?? ''}`;
/** Claimants as claims.ts tells them apart: speaker, source, the speaker's party, the proposal that implies the claim. */
const claimantKey = (c: HandClaimBase) => `${c.speaker}\u0000${c.source ?? ''}\u0000${c.speakerParty ?? ''}\u0000${c.impliedBy ?? ''}`;

const NO_CONDITIONS: HandCondition[] = [];

/** Conditions merged: sorted by term, two on one term keep only the options both allow. */
function mergeConditions(a: readonly HandCondition[], b: readonly HandCondition[]): HandCondition[] {
  if (b.length === 0 && a.length === 0) return NO_CONDITIONS;
  const out: HandCondition[] = [];
  for (const list of [a, b]) {
    for (const c of list) {
      const same = out.find((x) => x.term === c.term);
      if (same) same.mask &= c.mask;
      else out.push({ term: c.term, mask: c.mask });
    }
  }
  return out.sort((x, y) => (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
}

const conditionsKey = (conditions: readonly HandCondition[]) => (conditions.length === 0 ? '' : conditions.map((c) => `${c.term}:${c.mask}`).join(','));

/** The replay's own order numbers and claimant of `e` about `subject`, as claims.ts's claimantOf. */
function claimBase(e: ParleyEvent, entry: LogEntry, seq: number, subject: string, mediators: ReadonlySet<string>): HandClaimBase {
  const base = { day: entry.day, reportedDay: entry.reportedDay, seq, date: e.occurred, reported: e.reported ?? null, inference: (e as { inference?: string }).inference ?? null, impliedBy: null, eventIds: [e.id], hypothetical: e.hypothetical };
  if (e.hypothetical) return { source: null, speaker: e.attribution?.speaker ?? SCENARIO_SPEAKER, speakerParty: subject, relation: 'self', rank: 0, onRecord: true, ...base };
  const a = e.attribution;
  const speakerParty = a?.party ?? null;
  const relation: Relation = speakerParty === null ? 'narration' : speakerParty === subject ? 'self' : mediators.has(speakerParty) ? 'mediator' : 'other-party';
  const rank = relation === 'self' ? (a?.onRecord ? 0 : 1) : relation === 'mediator' ? 2 : relation === 'other-party' ? 3 : 4;
  return { source: e.source ?? null, speaker: a?.speaker ?? 'unattributed', speakerParty, relation, rank, onRecord: a?.onRecord ?? false, ...base };
}

const sameClaimant = (a: HandClaimBase, b: HandClaimBase) => a.speaker === b.speaker && a.source === b.source && a.speakerParty === b.speakerParty && a.impliedBy === b.impliedBy;

/**
 * Puts \`claim\` (whose one event id is its own) in its claimant's place, or
 * after the others for a new claimant, and returns the claim it replaced. The
 * same claimant saying the same again (\`same\`) corroborates its claim: one
 * more id, the date it was first made.
 */
function placeClaim<C extends HandClaimBase>(held: { readonly claims: C[]; readonly byClaimant: Map<string, number> }, claim: C, same: (earlier: C) => boolean): C | undefined {
  const key = claimantKey(claim);
  const k = held.byClaimant.get(key);
  if (k === undefined) {
    held.byClaimant.set(key, held.claims.length);
    held.claims.push(claim);
    return undefined;
  }
  const earlier = held.claims[k]!;
  if (same(earlier)) {
    earlier.eventIds.push(claim.eventIds[0]!);
    claim.eventIds = earlier.eventIds;
    claim.date = earlier.date;
    claim.hypothetical ||= earlier.hypothetical;
  }
  held.claims[k] = claim;
  return earlier;
}

/** A claimant's concession among a position's (few) concessions. */
function indexOfClaimant(claims: readonly HandClaimBase[], c: HandClaimBase): number {
  for (let i = 0; i < claims.length; i++) if (sameClaimant(claims[i]!, c)) return i;
  return -1;
}

/** The position the policy derives from the claims (p.basis already chosen), widened by the concessions in force. */
function derive(p: HandPosition, policy: Policy): void {
  const basis = p.basis;
  if (basis !== null) {
    p.accepts = basis.accepts;
    p.rejects = basis.rejects;
    p.prefers = basis.prefers;
    p.conditions = basis.conditions;
  } else {
    // Consensus: accepted only if every claim naming accepted options accepts it and none rejects it
    // (what every claim agrees on is what every distinct content agrees on).
    let accepts = -1;
    let named = false;
    let rejects = 0;
    let prefers: HandPositionClaim | null | undefined;
    let conditions = NO_CONDITIONS;
    for (const { claim: c } of p.contents.values()) {
      if (c.accepts !== 0) {
        accepts &= c.accepts;
        named = true;
      }
      rejects |= c.rejects;
      if (c.prefers !== null) prefers = prefers === undefined || prefers?.prefers === c.prefers ? c : null;
      if (c.conditions.length > 0) conditions = mergeConditions(conditions, c.conditions);
    }
    p.accepts = named ? accepts & ~rejects : 0;
    p.rejects = rejects;
    p.prefers = prefers && (prefers.prefersBit & p.accepts) !== 0 ? prefers.prefers : null;
    p.conditions = conditions;
  }
  for (const c of p.concessions) {
    if (!inForce(p, c, policy)) continue;
    p.accepts |= c.adds;
    p.rejects &= ~c.adds;
    if (c.conditions.length > 0) p.conditions = mergeConditions(p.conditions, c.conditions);
  }
  p.contested = p.contents.size > 1;
}

/**
 * A concession no current claim supersedes. A reported one is dropped as soon
 * as a claim supersedes it, and every claim made before it is earlier, so
 * only a hypothetical one (kept to show the override) needs the claims weighed.
 */
function inForce(p: HandPosition, c: HandConcession, policy: Policy): boolean {
  if (!c.hypothetical) return true;
  for (const claim of p.claims) if (supersedes(claim, c, policy)) return false;
  return true;
}

/** Replays `entries` under `policy` into a mutable state. Pure: only the returned state is new. */
export function handReplay(entries: readonly LogEntry[], catalog: Catalog, policy: Policy = defaultPolicy): HandState {
  const ladders = new Map(catalog.terms.map((t) => [t.id, t.ladder.map((o) => o.id)]));
  const mediators = new Set(catalog.parties.filter((p) => p.role === 'mediator').map((p) => p.id));
  const [pa, pb] = catalog.principals;
  const s: HandState = {
    phase: 'negotiating',
    stage: 'betweenRounds',
    mark: null,
    round: null,
    roundsOpened: 0,
    agreement: null,
    proposals: new Map(),
    positions: new Map(),
    assessments: new Map(),
    figures: new Map(),
    covered: new Set(),
    hostages: new Map(),
    prisoners: new Map(),
    releaseActs: new Map(),
    extensionActs: new Map(),
    anomalies: 0,
    eventCount: 0,
  };
  const deal = catalog.deal;
  const lastPhase = deal.phases.length;
  const phaseNo = () => (/^phase\d+$/.test(s.phase) ? Number(s.phase.slice(5)) : 0);
  const deferrable = new Set(deal.agreement.mayDefer.map((d) => d.term));
  const mustSettle = (term: string) => (deal.agreement.mustSettle === 'all-but-deferrable' ? !deferrable.has(term) : deal.agreement.mustSettle.includes(term));
  const closeRound = (e: ParleyEvent) => {
    if (s.round && s.round.closed === null) {
      s.round.closed = e.occurred;
      extend(s.round, e);
    }
  };
  // Every move (a new phase or a new stage) records the event behind it, as the model's lifecycle mark.
  const enter = (e: ParleyEvent, phase: string, stage: string | null) => {
    if (phase !== s.phase || stage !== s.stage) s.mark = { act: e.act ?? null, eventIds: [e.id], hypothetical: e.hypothetical };
    s.phase = phase;
    s.stage = stage;
  };
  const corroborates = (e: ParleyEvent) => {
    if (e.act === undefined || s.mark === null || s.mark.act !== e.act) return false;
    extend(s.mark, e);
    return true;
  };
  // A term is open when no common text settles it and the principals' positions give the status `open`.
  const openTerm = (term: string, settled: Record<string, string>): boolean => {
    if (Object.hasOwn(settled, term) || (s.agreement !== null && Object.hasOwn(s.agreement.terms, term))) return false;
    if (commonText(s, term, pa, pb)) return false;
    const byParty = s.positions.get(term);
    return gapStatus(ladders.get(term)!.length, byParty?.get(pa), byParty?.get(pb)) === 'open';
  };
  // A claim about a party's position: it replaces the claimant's earlier one (a repeat corroborates it).
  const claimPosition = (term: string, party: string, claim: HandPositionClaim): void => {
    let byParty = s.positions.get(term);
    if (!byParty) s.positions.set(term, (byParty = new Map()));
    let p = byParty.get(party);
    if (!p) byParty.set(party, (p = { claims: [], byClaimant: new Map(), contents: new Map(), concessions: [], basis: null, accepts: 0, rejects: 0, prefers: null, conditions: NO_CONDITIONS, contested: false }));
    const replaced = placeClaim(p, claim, (earlier) => sameContent(earlier, claim) && earlier.inference === claim.inference);
    if (p.concessions.length > 0) p.concessions = p.concessions.filter((c) => c.hypothetical || !supersedes(claim, c, policy));
    recount(p.contents, claim, contentKey(claim), replaced && contentKey(replaced));
    p.basis = nextDeciding(p.basis, claim, replaced, p.claims, policy);
    derive(p, policy);
  };
  const conditionsOf = (conditions: readonly { term: string; accepts: readonly string[] }[]): HandCondition[] => {
    if (conditions.length === 0) return NO_CONDITIONS;
    return mergeConditions(NO_CONDITIONS, conditions.map((c) => ({ term: c.term, mask: maskOf(catalog.optionIndex.get(c.term)!, c.accepts) })));
  };

  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const e = entry.event;
    const seq = ++s.eventCount;
    switch (e.type) {
      case 'position.stated': {
        const index = catalog.optionIndex.get(e.term)!;
        const conditions = conditionsOf(e.conditions);
        const claim = claimBase(e, entry, seq, e.party, mediators) as HandPositionClaim;
        claim.accepts = maskOf(index, e.accepts);
        claim.rejects = maskOf(index, e.rejects);
        claim.prefers = e.prefers ?? null;
        claim.prefersBit = e.prefers === undefined ? 0 : 1 << index.get(e.prefers)!;
        claim.conditions = conditions;
        claim.conditionsKey = conditionsKey(conditions);
        claimPosition(e.term, e.party, claim);
        break;
      }
      case 'concession.offered': {
        const p = s.positions.get(e.term)?.get(e.party);
        if (!p) {
          s.anomalies++;
          break;
        }
        const claim = claimBase(e, entry, seq, e.party, mediators) as HandConcession;
        claim.adds = maskOf(catalog.optionIndex.get(e.term)!, e.adds);
        claim.conditions = conditionsOf(e.conditions);
        const k = indexOfClaimant(p.concessions, claim);
        if (k < 0) p.concessions.push(claim);
        else {
          // Merged with the claimant's earlier concession.
          const earlier = p.concessions[k]!;
          claim.adds |= earlier.adds;
          claim.conditions = mergeConditions(earlier.conditions, claim.conditions);
          claim.inference ??= earlier.inference;
          earlier.eventIds.push(e.id);
          claim.eventIds = earlier.eventIds;
          claim.hypothetical ||= earlier.hypothetical;
          p.concessions[k] = claim;
        }
        derive(p, policy);
        break;
      }
      case 'talks.assessed': {
        const source = e.source ?? 'hypothetical';
        let bySpeaker = s.assessments.get(source);
        if (!bySpeaker) s.assessments.set(source, (bySpeaker = new Map()));
        bySpeaker.set(e.attribution?.speaker ?? 'unattributed', { tone: e.tone, date: e.occurred, eventIds: [e.id], hypothetical: e.hypothetical });
        break;
      }
      case 'figure.reported': {
        let bySource = s.figures.get(e.figure);
        if (!bySource) s.figures.set(e.figure, (bySource = new Map()));
        bySource.set(e.source ?? 'hypothetical', { value: e.value, date: e.occurred, eventIds: [e.id], hypothetical: e.hypothetical });
        break;
      }
      case 'statement.made':
        break;
      case 'proposal.tabled': {
        const p = s.proposals.get(e.proposal);
        if (p) {
          Object.assign(p.terms, e.terms);
          extend(p, e);
        } else s.proposals.set(e.proposal, { terms: Object.assign(Object.create(null) as Record<string, string>, e.terms), responses: new Map(), eventIds: [e.id], hypothetical: e.hypothetical });
        break;
      }
      case 'proposal.accepted':
      case 'proposal.rejected': {
        const p = s.proposals.get(e.proposal);
        if (!p) {
          s.anomalies++;
          break;
        }
        const claim = claimBase(e, entry, seq, e.party, mediators) as HandResponseClaim;
        claim.response = e.type === 'proposal.accepted' ? 'accepted' : 'rejected';
        claim.as = e.type === 'proposal.accepted' ? e.as : null;
        let r = p.responses.get(e.party);
        if (!r) p.responses.set(e.party, (r = { claims: [], byClaimant: new Map(), contents: new Map(), basis: null, response: claim.response, as: claim.as, contested: false }));
        const replaced = placeClaim(r, claim, (earlier) => earlier.response === claim.response && earlier.as === claim.as);
        recount(r.contents, claim, responseKey(claim), replaced && responseKey(replaced));
        r.basis = nextDeciding(r.basis, claim, replaced, r.claims, policy);
        deriveResponse(r);
        // Accepting a text implies accepting what it says on each term it settles, by the same claimant.
        if (e.type === 'proposal.accepted' && e.as === 'text') {
          for (const term of Object.keys(p.terms)) {
            const implied = claimBase(e, entry, seq, e.party, mediators) as HandPositionClaim;
            implied.impliedBy = e.proposal;
            implied.inference = `implied by accepting the text of ${e.proposal}`;
            implied.accepts = maskOf(catalog.optionIndex.get(term)!, [p.terms[term]!]);
            implied.rejects = 0;
            implied.prefers = null;
            implied.prefersBit = 0;
            implied.conditions = NO_CONDITIONS;
            implied.conditionsKey = conditionsKey(NO_CONDITIONS);
            claimPosition(term, e.party, implied);
          }
        }
        break;
      }
      // The lifecycle, by a plain switch with the statechart's guards.
      case 'round.opened': {
        if (s.round && s.round.id === e.round && s.round.closed === null) {
          extend(s.round, e);
          corroborates(e);
          break;
        }
        const n = phaseNo();
        const allowed =
          s.phase === 'negotiating' || s.phase === 'collapsed'
            ? e.purpose === 'talks'
            : s.phase === 'agreed'
              ? e.purpose === 'implementation'
              : n > 0 && (e.purpose === 'implementation' || (e.purpose === 'next-phase' && n < lastPhase));
        if (!allowed) {
          s.anomalies++;
          break;
        }
        if (s.phase === 'negotiating' || s.phase === 'collapsed') enter(e, 'negotiating', 'roundInSession');
        s.round = { id: e.round, closed: null, eventIds: [e.id], hypothetical: e.hypothetical };
        s.roundsOpened++;
        break;
      }
      case 'round.closed': {
        const round = s.round;
        if (round && round.id === e.round && round.closed !== null) {
          extend(round, e);
          corroborates(e);
          break;
        }
        const matches = round !== null && round.id === e.round && round.closed === null;
        const placed = matches && (s.phase === 'negotiating' ? s.stage === 'roundInSession' : s.phase === 'agreed' || phaseNo() > 0);
        if (!placed) {
          s.anomalies++;
          break;
        }
        if (s.phase === 'negotiating') enter(e, 'negotiating', 'betweenRounds');
        round!.closed = e.occurred;
        extend(round!, e);
        break;
      }
      case 'agreement.reached': {
        if (corroborates(e)) {
          if (s.agreement) extend(s.agreement, e);
          break;
        }
        const first = s.phase === 'negotiating' || s.phase === 'collapsed';
        const settled = first || s.agreement === null ? e.terms : { ...s.agreement.terms, ...e.terms };
        const later = (s.phase === 'agreed' || (phaseNo() > 0 && phaseNo() < lastPhase)) && lastPhase > 1;
        if (!(first || later) || catalog.terms.some((t) => mustSettle(t.id) && openTerm(t.id, settled))) {
          s.anomalies++;
          break;
        }
        closeRound(e);
        if (first) {
          enter(e, 'agreed', null);
          s.covered = new Set(e.phases ?? deal.phases.flatMap((p, i) => (p.requires === 'agreement' ? [i + 1] : [])));
          s.agreement = { terms: settled, eventIds: [e.id], hypothetical: e.hypothetical };
        } else {
          for (const p of e.phases ?? [phaseNo() + 1]) if (p <= lastPhase) s.covered.add(p);
          s.agreement = { terms: settled, eventIds: [...s.agreement!.eventIds, e.id], hypothetical: s.agreement!.hypothetical || e.hypothetical };
        }
        break;
      }
      case 'phase.started':
      case 'phase.completed': {
        if (corroborates(e)) break;
        const covered = s.agreement !== null && (deal.phases[e.phase - 1]?.requires === 'agreement' || s.covered.has(e.phase));
        const ok =
          e.type === 'phase.started'
            ? (e.phase === 1 ? s.phase === 'agreed' : s.phase === `phase${e.phase - 1}`) && covered
            : s.phase === `phase${e.phase}` && (e.phase === lastPhase || s.stage === 'inProgress');
        if (!ok) {
          s.anomalies++;
          break;
        }
        if (e.type === 'phase.started') {
          enter(e, `phase${e.phase}`, e.phase === lastPhase ? null : 'inProgress');
          // A phase that starts again (a new agreement after a collapse) counts its releases afresh.
          s.hostages.delete(e.phase);
          s.prisoners.delete(e.phase);
          s.releaseActs.delete(e.phase);
        } else if (e.phase === lastPhase) enter(e, 'concluded', null);
        else enter(e, s.phase, 'completed');
        break;
      }
      case 'phase.extended': {
        const acts = s.extensionActs.get(e.phase);
        if (acts && e.act !== undefined && acts.has(e.act)) break;
        if (s.phase !== `phase${e.phase}` || deal.phases[e.phase - 1]?.days === null) {
          s.anomalies++;
          break;
        }
        if (e.act !== undefined) s.extensionActs.set(e.phase, new Set([...(acts ?? []), e.act]));
        break;
      }
      case 'release.made': {
        const n = phaseNo();
        if (n === 0) {
          s.anomalies++;
          break;
        }
        let acts = s.releaseActs.get(n);
        if (!acts) s.releaseActs.set(n, (acts = new Set()));
        const key = `${e.kind}|${e.act}`;
        if (e.act !== undefined && acts.has(key)) break;
        if (e.act !== undefined) acts.add(key);
        const tally = e.kind === 'prisoners' ? s.prisoners : s.hostages;
        tally.set(n, (tally.get(n) ?? 0) + e.count);
        break;
      }
      case 'hostilities.resumed':
        if (corroborates(e)) break;
        if (s.phase !== 'agreed' && phaseNo() === 0) {
          s.anomalies++;
          break;
        }
        closeRound(e);
        enter(e, 'collapsed', null);
        // A collapsed deal no longer settles terms.
        s.agreement = null;
        break;
    }
  }
  return s;
}

/** The response the claims give (r.basis already chosen). */
function deriveResponse(r: HandResponse): void {
  const first = r.claims[0]!;
  const contested = r.contents.size > 1;
  r.contested = contested;
  const basis = r.basis;
  r.response = basis !== null ? basis.response : contested ? 'disputed' : first.response;
  r.as = basis !== null ? basis.as : contested ? null : first.as;
}

/** The id of the last proposal whose text settles `term` and that both principals accepted as a text. */
function commonText(s: HandState, term: string, pa: string, pb: string): string | undefined {
  let found: string | undefined;
  for (const [id, p] of s.proposals) {
    if (!Object.hasOwn(p.terms, term)) continue;
    const ra = p.responses.get(pa);
    const rb = p.responses.get(pb);
    if (ra?.response === 'accepted' && rb?.response === 'accepted' && ra.as === 'text' && rb.as === 'text') found = id;
  }
  return found;
}

interface Stance {
  readonly accepts: number;
  readonly rejects: number;
}

/** gaps.ts's gapShape on masks: bridged, open, undetermined or unknown. */
function gapStatus(size: number, a: Stance | undefined, b: Stance | undefined): GapStatus {
  if (!a || !b) return 'unknown';
  if ((a.accepts & b.accepts) !== 0) return 'bridged';
  const all = (1 << size) - 1;
  const covered = (accepts: number, rejects: number) => accepts !== 0 && (accepts & ~rejects) === 0;
  const open = ((a.rejects | b.rejects) & all) === all || covered(a.accepts, b.rejects) || covered(b.accepts, a.rejects);
  return open ? 'open' : 'undetermined';
}

/** The fewest ladder steps between an option each accepts (null when one accepts none), as the model measures it. */
function gapDistance(size: number, a: Stance, b: Stance): number | null {
  const xs = a.accepts;
  const ys = b.accepts;
  let best = Infinity;
  for (let i = 0; i < size; i++) if (xs & (1 << i)) for (let j = 0; j < size; j++) if (ys & (1 << j)) best = Math.min(best, Math.abs(i - j));
  return best === Infinity ? null : best;
}

/** A basis as a query shows it. */
export interface HandBasis {
  readonly source: string | null;
  readonly speaker: string;
  readonly relation: Relation;
  readonly rank: ClaimRank;
  readonly eventIds: readonly string[];
}

export interface HandPositionView {
  readonly accepts: readonly string[];
  readonly rejects: readonly string[];
  readonly prefers: string | null;
  readonly conditions: readonly { term: string; accepts: readonly string[] }[];
  readonly since: string;
  readonly basis: HandBasis | null;
  readonly contested: boolean;
  /** Every claim, presented as the model presents it, built on first read as the model's (the fold does the same work). */
  readonly claims: readonly object[];
  readonly concessions: number;
  readonly eventIds: readonly string[];
  readonly hypothetical: boolean;
}

export interface HandResponseView {
  readonly response: string;
  readonly as: string | null;
  readonly date: string;
  readonly basis: HandBasis | null;
  readonly contested: boolean;
  readonly claims: number;
  readonly eventIds: readonly string[];
  readonly hypothetical: boolean;
}

export interface HandGapView {
  readonly status: GapStatus;
  /** options (bridged), distance (open), candidates (undetermined), missing (unknown), option (agreed). */
  readonly detail: unknown;
  readonly contested: boolean;
  readonly alternatives: readonly GapStatus[];
  readonly eventIds: readonly string[];
}

/** What a query on the hand fold's final state shows, in the model's terms (term -> party -> position, ...). */
export interface HandView {
  readonly phase: string;
  readonly stage: string | null;
  readonly roundsOpened: number;
  readonly positions: Map<string, Map<string, HandPositionView>>;
  readonly responses: Map<string, Map<string, HandResponseView>>;
  readonly gaps: Map<string, HandGapView>;
  readonly assessments: number;
  readonly hostages: number;
  readonly prisoners: number;
  readonly anomalies: number;
}

const basisView = (c: HandClaimBase | null): HandBasis | null =>
  c === null ? null : { source: c.source, speaker: c.speaker, relation: c.relation, rank: claimRanks[c.rank]!, eventIds: c.eventIds.slice() };

/** A claim's claimant and provenance, in the fields the model presents. */
const claimView = (c: HandClaimBase) => ({
  source: c.source,
  speaker: c.speaker,
  speakerParty: c.speakerParty,
  relation: c.relation,
  onRecord: c.onRecord,
  rank: claimRanks[c.rank]!,
  impliedBy: c.impliedBy,
  date: c.date,
  reported: c.reported,
  inference: c.inference,
});

/** A position claim as the model presents it. */
const claimListed = (c: HandPositionClaim, ladder: readonly string[], ladders: ReadonlyMap<string, readonly string[]>) => ({
  ...claimView(c),
  accepts: optionsOf(ladder, c.accepts),
  rejects: optionsOf(ladder, c.rejects),
  prefers: c.prefers,
  conditions: c.conditions.map((x) => ({ term: x.term, accepts: optionsOf(ladders.get(x.term)!, x.mask) })),
  hypothetical: c.hypothetical,
  eventIds: c.eventIds.slice(),
});

const latestDate = (dates: readonly string[]) => dates.reduce((a, b) => (b > a ? b : a));
const earliestDate = (dates: readonly string[]) => dates.reduce((a, b) => (b < a ? b : a));

/** Presents the hand fold's state as a query would (the part the bench compares). Pure. */
export function handView(s: HandState, catalog: Catalog, policy: Policy = defaultPolicy): HandView {
  const ladders = new Map(catalog.terms.map((t) => [t.id, t.ladder.map((o) => o.id)]));
  const positions = new Map<string, Map<string, HandPositionView>>();
  for (const [term, byParty] of s.positions) {
    const ladder = ladders.get(term)!;
    const out = new Map<string, HandPositionView>();
    for (const [party, p] of byParty) {
      const widenedBy = p.concessions.filter((c) => inForce(p, c, policy));
      const agreeing = p.basis === null ? p.claims : p.claims.filter((c) => sameContent(c, p.basis!));
      const ids = new Set<string>();
      let hypothetical = false;
      for (const c of [...agreeing, ...widenedBy]) {
        for (const id of c.eventIds) ids.add(id);
        hypothetical ||= c.hypothetical;
      }
      const held = p.basis === null ? latestDate(p.claims.map((c) => c.date)) : earliestDate(agreeing.map((c) => c.date));
      // Claims are built on first read, as the model's are: a replay not asked for every claim does not copy them.
      let claims: readonly object[] | undefined;
      out.set(party, {
        accepts: optionsOf(ladder, p.accepts),
        rejects: optionsOf(ladder, p.rejects),
        prefers: p.prefers,
        conditions: p.conditions.map((c) => ({ term: c.term, accepts: optionsOf(ladders.get(c.term)!, c.mask) })),
        since: latestDate([held, ...widenedBy.map((c) => c.date)]),
        basis: basisView(p.basis),
        contested: p.contested,
        get claims() {
          return (claims ??= p.claims.map((c) => claimListed(c, ladder, ladders)));
        },
        concessions: widenedBy.length,
        eventIds: [...ids],
        hypothetical,
      });
    }
    positions.set(term, out);
  }
  const responses = new Map<string, Map<string, HandResponseView>>();
  for (const [id, p] of s.proposals) {
    const out = new Map<string, HandResponseView>();
    for (const [party, r] of p.responses) {
      const agreeing = r.response === 'disputed' ? r.claims : r.claims.filter((c) => c.response === r.response && c.as === r.as);
      out.set(party, {
        response: r.response,
        as: r.as,
        date: r.basis?.date ?? latestDate(r.claims.map((c) => c.date)),
        basis: basisView(r.basis),
        contested: r.contested,
        claims: r.claims.length,
        eventIds: [...new Set(agreeing.flatMap((c) => c.eventIds))],
        hypothetical: agreeing.some((c) => c.hypothetical),
      });
    }
    responses.set(id, out);
  }
  const gaps = new Map<string, HandGapView>();
  const [pa, pb] = catalog.principals;
  for (const term of catalog.terms) {
    const none = { contested: false, alternatives: [] };
    if (s.agreement !== null && Object.hasOwn(s.agreement.terms, term.id)) {
      gaps.set(term.id, { status: 'agreed', detail: s.agreement.terms[term.id], eventIds: s.agreement.eventIds.slice(), ...none });
      continue;
    }
    const text = commonText(s, term.id, pa, pb);
    if (text !== undefined) {
      const p = s.proposals.get(text)!;
      const r = responses.get(text)!;
      gaps.set(term.id, { status: 'agreed', detail: p.terms[term.id], eventIds: [...p.eventIds, ...r.get(pa)!.eventIds, ...r.get(pb)!.eventIds], ...none });
      continue;
    }
    const size = term.ladder.length;
    const a = s.positions.get(term.id)?.get(pa);
    const b = s.positions.get(term.id)?.get(pb);
    const status = gapStatus(size, a, b);
    const detail =
      status === 'unknown' ? [...(a ? [] : [pa]), ...(b ? [] : [pb])]
      : status === 'bridged' ? optionsOf(ladders.get(term.id)!, a!.accepts & b!.accepts)
      : status === 'open' ? gapDistance(size, a!, b!)
      : optionsOf(ladders.get(term.id)!, ((1 << size) - 1) & ~a!.rejects & ~b!.rejects);
    // Contested: another current claim of either principal, taken as its position, would change the status.
    const seen = new Set<GapStatus>();
    // The status depends only on what a claim says: each distinct content once.
    const stances = (p: HandPosition | undefined): (Stance | undefined)[] => (p === undefined ? [undefined] : [p, ...[...p.contents.values()].map((c) => c.claim)]);
    for (const x of stances(a)) for (const y of stances(b)) seen.add(gapStatus(size, x, y));
    seen.delete(status);
    const order: readonly GapStatus[] = ['agreed', 'bridged', 'open', 'undetermined', 'unknown'];
    const alternatives = [...seen].sort((x, y) => order.indexOf(x) - order.indexOf(y));
    const ids = [...(positions.get(term.id)?.get(pa)?.eventIds ?? []), ...(positions.get(term.id)?.get(pb)?.eventIds ?? [])];
    gaps.set(term.id, { status, detail, contested: alternatives.length > 0, alternatives, eventIds: ids });
  }
  let assessments = 0;
  for (const bySpeaker of s.assessments.values()) assessments += bySpeaker.size;
  const sum = (m: ReadonlyMap<number, number>) => [...m.values()].reduce((n, x) => n + x, 0);
  return { phase: s.phase, stage: s.stage, roundsOpened: s.roundsOpened, positions, responses, gaps, assessments, hostages: sum(s.hostages), prisoners: sum(s.prisoners), anomalies: s.anomalies };
}
