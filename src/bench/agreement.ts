// The check that the hand-written fold computes what the model does, so that
// the ratio between them compares equal work: positions (accepts, rejects,
// prefers, conditions, since, basis, contested, event ids), proposal
// responses, gaps (status, detail, contested), the lifecycle and anomalies.
import type { EventLog } from '../domain/event-log.js';
import type { Policy } from '../model/claims.js';
import type { NegotiationState } from '../model/negotiation-state.js';
import type { Basis } from '../model/replay-state.js';
import { replay } from '../model/replay.js';
import { type HandBasis, type HandView, handReplay, handView } from './hand-reducer.js';

const basisOf = (b: Basis | HandBasis | null) => (b === null ? null : { source: b.source, speaker: b.speaker, relation: b.relation, rank: b.rank, eventIds: [...b.eventIds] });

/** The model's state in the hand view's terms, as plain JSON-comparable records keyed by path. */
function modelRecords(state: NegotiationState): Map<string, unknown> {
  const out = new Map<string, unknown>();
  out.set('lifecycle', { phase: state.phase, stage: state.stage, roundsOpened: state.roundsOpened });
  out.set('anomalies', state.anomalies.length);
  out.set('assessments', Object.values(state.assessments).reduce((n, xs) => n + xs.length, 0));
  out.set('releases', {
    hostages: state.releases.reduce((n, t) => n + (t.living?.count ?? 0) + (t.remains?.count ?? 0), 0),
    prisoners: state.releases.reduce((n, t) => n + (t.prisoners?.count ?? 0), 0),
  });
  for (const [term, byParty] of Object.entries(state.positions)) {
    for (const [party, p] of Object.entries(byParty)) {
      out.set(`positions.${term}.${party}`, {
        accepts: p.accepts,
        rejects: p.rejects,
        prefers: p.prefers,
        conditions: p.conditions,
        since: p.since,
        basis: basisOf(p.basis),
        contested: p.contested,
        claims: p.claims.length,
        concessions: p.concessions.length,
        eventIds: p.eventIds,
        hypothetical: p.hypothetical,
      });
    }
  }
  for (const [id, proposal] of Object.entries(state.proposals)) {
    for (const [party, r] of Object.entries(proposal.responses)) {
      out.set(`responses.${id}.${party}`, { response: r.response, as: r.as, date: r.date, basis: basisOf(r.basis), contested: r.contested, claims: r.claims.length, eventIds: r.eventIds, hypothetical: r.hypothetical });
    }
  }
  for (const [term, g] of Object.entries(state.gaps)) {
    const detail = g.status === 'agreed' ? g.option : g.status === 'bridged' ? g.options : g.status === 'open' ? g.distance : g.status === 'undetermined' ? g.candidates : g.missing;
    out.set(`gaps.${term}`, { status: g.status, detail, contested: g.contested, alternatives: g.alternatives, eventIds: g.eventIds });
  }
  return out;
}

function handRecords(view: HandView): Map<string, unknown> {
  const out = new Map<string, unknown>();
  out.set('lifecycle', { phase: view.phase, stage: view.stage, roundsOpened: view.roundsOpened });
  out.set('anomalies', view.anomalies);
  out.set('assessments', view.assessments);
  out.set('releases', { hostages: view.hostages, prisoners: view.prisoners });
  for (const [term, byParty] of view.positions) for (const [party, p] of byParty) out.set(`positions.${term}.${party}`, { ...p, claims: p.claims.length, basis: basisOf(p.basis) });
  for (const [id, byParty] of view.responses) for (const [party, r] of byParty) out.set(`responses.${id}.${party}`, { ...r, basis: basisOf(r.basis) });
  for (const [term, g] of view.gaps) out.set(`gaps.${term}`, { status: g.status, detail: g.detail, contested: g.contested, alternatives: g.alternatives, eventIds: g.eventIds });
  return out;
}

/** Field names in a fixed order, so that two records with the same fields print the same. */
const canonical = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

/**
 * Where the hand fold and the model disagree on `log` under `policy`: one line
 * per differing path (at most `limit`), empty when they agree. Pure.
 */
export function disagreements(log: EventLog, policy: Policy, limit = 10): string[] {
  return differences(replay(log, { policy }), handView(handReplay(log.entries, log.catalog, policy), log.catalog, policy), limit);
}

/** Where a model state and a hand view differ: one line per differing path (at most `limit`). Pure. */
export function differences(state: NegotiationState, view: HandView, limit = 10): string[] {
  const model = modelRecords(state);
  const hand = handRecords(view);
  const problems: string[] = [];
  for (const path of new Set([...model.keys(), ...hand.keys()])) {
    const m = canonical(model.get(path));
    const h = canonical(hand.get(path));
    if (m !== h && problems.length < limit) problems.push(`${path}: model ${m ?? 'absent'}, hand ${h ?? 'absent'}`);
  }
  return problems;
}
