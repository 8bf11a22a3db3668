// An agreement in words: what its text settles and what it leaves to later talks.
import type { Agreement } from '../model/replay-state.js';

/** "settles philadelphi, netzarim; defers end-of-war (to phase-2 talks)". Pure. */
export function describeAgreement(a: Pick<Agreement, 'terms' | 'defers'>): string {
  const settles = Object.keys(a.terms);
  const defers = Object.entries(a.defers).map(([term, to]) => `${term} (to ${to === null ? 'later talks' : `phase-${to} talks`})`);
  return `settles ${settles.join(', ') || 'no named term'}${defers.length ? `; defers ${defers.join(', ')}` : ''}`;
}
