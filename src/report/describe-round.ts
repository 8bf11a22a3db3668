// A round in words, saying how it stands: in session, last reported in session
// (no source reported it closing), or closed, and by what.
import type { RoundView } from '../model/negotiation-state.js';

/** "opened 2025-02-10, last reported in session on 2025-02-27": where the round stands. Pure. */
export function describeRoundStatus(r: RoundView): string {
  const opened = `opened ${r.opened}`;
  if (r.status === 'in-session') return `${opened}, in session`;
  if (r.status === 'last-reported-in-session') return `${opened}, last reported in session on ${r.lastReported}`;
  const by = r.closedBy === 'agreement' ? ' by the agreement (no source reported it closing)' : r.closedBy === 'collapse' ? ' by the collapse (no source reported it closing)' : '';
  return `${opened}, closed ${r.closed}${by}`;
}

/** "doha-phase2 in Doha (next-phase), opened 2025-02-10, in session". Pure. */
export function describeRound(r: RoundView): string {
  return `${r.id} in ${r.venue} (${r.purpose}), ${describeRoundStatus(r)}`;
}
