// The practical limit: the same fold as parley's replay, written as one plain
// mutable reducer with no statechart library, no immutability and no
// checkpoints. It computes the same things (positions with the ids of the
// events behind them, proposals and responses, rounds, the lifecycle by a
// plain switch with the same guards, assessments, figures, releases,
// anomalies), so the ratio replay / hand reducer is the price of the model.
import type { Catalog } from '../domain/catalog-schema.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import type { LogEntry } from '../domain/ordering.js';

interface Marked {
  eventIds: string[];
  hypothetical: boolean;
}

export interface HandPosition extends Marked {
  accepts: string[];
  mask: number;
  prefers: string | null;
  conditions: { term: string; accepts: string[] }[];
  since: string;
}

interface HandProposal extends Marked {
  terms: Record<string, string>;
  responses: Map<string, Marked & { response: string; as: string | null; date: string }>;
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
  agreementTerms: Record<string, string> | null;
  /** Phases an agreement covers. */
  covered: Set<number>;
  proposals: Map<string, HandProposal>;
  positions: Map<string, Map<string, HandPosition>>;
  /** source -> speaker -> latest assessment */
  assessments: Map<string, Map<string, Marked & { tone: string; date: string }>>;
  /** figure -> source -> latest value */
  figures: Map<string, Map<string, Marked & { value: number; date: string }>>;
  /** phase -> living hostages and remains released in it (since it last started). */
  hostages: Map<number, number>;
  prisoners: Map<number, number>;
  /** phase -> release acts counted in it, so a second report of one is not added twice. */
  releaseActs: Map<number, Set<string>>;
  anomalies: number;
  eventCount: number;
}

function extend(m: Marked, e: ParleyEvent): void {
  m.eventIds.push(e.id);
  if (e.hypothetical) m.hypothetical = true;
}

function maskOf(index: ReadonlyMap<string, number>, options: readonly string[]): number {
  let mask = 0;
  for (const o of options) mask |= 1 << index.get(o)!;
  return mask;
}

function optionsOf(ladder: readonly string[], mask: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < ladder.length; i++) if (mask & (1 << i)) out.push(ladder[i]!);
  return out;
}

export function handReplay(entries: readonly LogEntry[], catalog: Catalog): HandState {
  const ladders = new Map(catalog.terms.map((t) => [t.id, t.ladder.map((o) => o.id)]));
  const [pa, pb] = catalog.principals;
  const s: HandState = {
    phase: 'negotiating',
    stage: 'betweenRounds',
    mark: null,
    round: null,
    roundsOpened: 0,
    agreementTerms: null,
    covered: new Set(),
    proposals: new Map(),
    positions: new Map(),
    assessments: new Map(),
    figures: new Map(),
    hostages: new Map(),
    prisoners: new Map(),
    releaseActs: new Map(),
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
  const enter = (e: ParleyEvent, phase: string, stage: string | null) => {
    // Like the model, every move to another state or stage records the event behind it.
    if (phase !== s.phase || stage !== s.stage) s.mark = { act: e.act ?? null, eventIds: [e.id], hypothetical: e.hypothetical };
    s.phase = phase;
    s.stage = stage;
  };
  const corroborates = (e: ParleyEvent) => {
    if (e.act === undefined || s.mark === null || s.mark.act !== e.act) return false;
    extend(s.mark, e);
    return true;
  };
  // A term is open when both principals state positions that do not overlap and no common text settles it.
  const openTerm = (term: string, settled: Record<string, string>): boolean => {
    if (settled[term] !== undefined || (s.agreementTerms && s.agreementTerms[term] !== undefined)) return false;
    const byParty = s.positions.get(term);
    const a = byParty?.get(pa);
    const b = byParty?.get(pb);
    if (!a || !b || (a.mask & b.mask) !== 0) return false;
    for (const p of s.proposals.values()) {
      const ra = p.responses.get(pa);
      const rb = p.responses.get(pb);
      if (p.terms[term] !== undefined && ra?.response === 'accepted' && rb?.response === 'accepted' && ra.as === 'text' && rb.as === 'text') return false;
    }
    return true;
  };
  const setPosition = (e: ParleyEvent, term: string, party: string, mask: number, prefers: string | null, conditions: { term: string; accepts: string[] }[], widening: boolean) => {
    let byParty = s.positions.get(term);
    if (!byParty) s.positions.set(term, (byParty = new Map()));
    const current = byParty.get(party);
    const sameConditions =
      current !== undefined &&
      current.conditions.length === conditions.length &&
      current.conditions.every((c, i) => c.term === conditions[i]!.term && c.accepts.join() === conditions[i]!.accepts.join());
    if (current && current.mask === mask && current.prefers === prefers && sameConditions) {
      extend(current, e);
      return;
    }
    const accepts = optionsOf(ladders.get(term)!, mask);
    if (current && widening) {
      current.accepts = accepts;
      current.mask = mask;
      current.prefers = prefers;
      current.conditions = conditions;
      current.since = e.occurred;
      extend(current, e);
    } else byParty.set(party, { accepts, mask, prefers, conditions, since: e.occurred, eventIds: [e.id], hypothetical: e.hypothetical });
  };
  const none: { term: string; accepts: string[] }[] = [];
  const normalise = (conditions: readonly { term: string; accepts: readonly string[] }[]) => {
    if (conditions.length === 0) return none;
    return conditions
      .map((c) => ({ term: c.term, accepts: optionsOf(ladders.get(c.term)!, maskOf(catalog.optionIndex.get(c.term)!, c.accepts)) }))
      .sort((x, y) => (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  };

  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!.event;
    s.eventCount++;
    switch (e.type) {
      case 'position.stated':
        setPosition(e, e.term, e.party, maskOf(catalog.optionIndex.get(e.term)!, e.accepts), e.prefers ?? null, normalise(e.conditions), false);
        break;
      case 'concession.offered': {
        const current = s.positions.get(e.term)?.get(e.party);
        if (!current) {
          s.anomalies++;
          break;
        }
        const mask = current.mask | maskOf(catalog.optionIndex.get(e.term)!, e.adds);
        setPosition(e, e.term, e.party, mask, current.prefers, normalise([...current.conditions, ...e.conditions]), true);
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
        } else s.proposals.set(e.proposal, { terms: { ...e.terms }, responses: new Map(), eventIds: [e.id], hypothetical: e.hypothetical });
        break;
      }
      case 'proposal.accepted':
      case 'proposal.rejected': {
        const p = s.proposals.get(e.proposal);
        if (!p) {
          s.anomalies++;
          break;
        }
        const response = e.type === 'proposal.accepted' ? 'accepted' : 'rejected';
        const as = e.type === 'proposal.accepted' ? e.as : null;
        const r = p.responses.get(e.party);
        if (r && r.response === response && r.as === as) extend(r, e);
        else p.responses.set(e.party, { response, as, date: e.occurred, eventIds: [e.id], hypothetical: e.hypothetical });
        break;
      }
      case 'round.opened': {
        if (s.round && s.round.id === e.round && s.round.closed === null) {
          extend(s.round, e);
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
        if (corroborates(e)) break;
        const first = s.phase === 'negotiating' || s.phase === 'collapsed';
        const settled = first || s.agreementTerms === null ? e.terms : { ...s.agreementTerms, ...e.terms };
        const later = (s.phase === 'agreed' || (phaseNo() > 0 && phaseNo() < lastPhase)) && lastPhase > 1;
        if (!(first || later) || catalog.terms.some((t) => mustSettle(t.id) && openTerm(t.id, settled))) {
          s.anomalies++;
          break;
        }
        closeRound(e);
        if (first) {
          enter(e, 'agreed', null);
          s.covered = new Set(e.phases ?? deal.phases.flatMap((p, i) => (p.requires === 'agreement' ? [i + 1] : [])));
        } else {
          for (const p of e.phases ?? [phaseNo() + 1]) if (p <= lastPhase) s.covered.add(p);
        }
        s.agreementTerms = settled;
        break;
      }
      case 'phase.started':
      case 'phase.completed': {
        if (corroborates(e)) break;
        const covered = s.agreementTerms !== null && (deal.phases[e.phase - 1]?.requires === 'agreement' || s.covered.has(e.phase));
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
      case 'phase.extended':
        if (s.phase !== `phase${e.phase}` || deal.phases[e.phase - 1]?.days === null) s.anomalies++;
        break;
      case 'release.made': {
        if (phaseNo() === 0) {
          s.anomalies++;
          break;
        }
        const n = phaseNo();
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
        s.agreementTerms = null;
        enter(e, 'collapsed', null);
        break;
    }
  }
  return s;
}
