// A sanity check that the hand-written reducer computes what the model does,
// so the ratio between them compares equal work.
import type { EventLog } from '../domain/event-log.js';
import { replay } from '../model/replay.js';
import { handReplay } from './hand-reducer.js';

export function checkAgreement(log: EventLog): void {
  const model = replay(log);
  const hand = handReplay(log.entries, log.catalog);
  const problems: string[] = [];
  if (model.phase !== hand.phase) problems.push(`phase ${model.phase} vs ${hand.phase}`);
  if (model.anomalies.length !== hand.anomalies) problems.push(`anomalies ${model.anomalies.length} vs ${hand.anomalies}`);
  if (model.roundsOpened !== hand.roundsOpened) problems.push(`rounds ${model.roundsOpened} vs ${hand.roundsOpened}`);
  for (const [term, byParty] of Object.entries(model.positions)) {
    for (const [party, p] of Object.entries(byParty)) {
      const h = hand.positions.get(term)?.get(party);
      if (!h || h.accepts.join() !== p.accepts.join() || h.eventIds.join() !== p.eventIds.join()) problems.push(`position ${term}/${party}`);
    }
  }
  const assessments = Object.values(model.assessments).reduce((n, xs) => n + xs.length, 0);
  const handAssessments = [...hand.assessments.values()].reduce((n, bySpeaker) => n + bySpeaker.size, 0);
  if (assessments !== handAssessments) problems.push(`assessments ${assessments} vs ${handAssessments}`);
  const hostages = model.releases.reduce((n, t) => n + (t.living?.count ?? 0) + (t.remains?.count ?? 0), 0);
  const handHostages = [...hand.hostages.values()].reduce((n, x) => n + x, 0);
  if (hostages !== handHostages) problems.push(`hostages ${hostages} vs ${handHostages}`);
  if (problems.length > 0) throw new Error(`the hand-written reducer disagrees with the model: ${problems.join('; ')}`);
}
