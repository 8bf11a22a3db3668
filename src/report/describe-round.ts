// A round in words, saying how it stands: in session, last reported in session
// (no source reported it closing), or closed, and by what.
import type { RoundView } from '../model/negotiation-state.js';

/** "doha-aug in Doha (next-phase), opened 2025-02-03, last reported in session on 2025-02-04". Pure. */
export function describeRound(r: RoundView): string {
  const head = `${r.id} in ${r.venue} (${r.purpose}), opened ${r.opened}`;
  if (r.status === 'in-session') return `${head}, in session`;
  if (r.status === 'last-reported-in-session') return `${head}, last reported in session on ${r.lastReported}`;
  const by = r.closedBy === 'agreement' ? ' by the agreement (no source reported it closing)' : r.closedBy === 'collapse' ? ' by the collapse (no source reported it closing)' : '';
  return `${head}, closed ${r.closed}${by}`;
}
