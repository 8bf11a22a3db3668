// Where outlets differ: each outlet's own reports replayed on their own, and
// the positions that two or more of them report differently. Shared by the
// terminal (parley sources) and the viewer.
import type { NegotiationState } from './negotiation-state.js';

/** One outlet's state: the log replayed with only that source's events. */
export interface SourceView {
  readonly source: string;
  readonly state: NegotiationState;
}

export interface Divergence {
  readonly term: string;
  readonly party: string;
  /** What each outlet that reports a position on this term says, with the events behind it. */
  readonly bySource: readonly { readonly source: string; readonly accepts: readonly string[]; readonly rejects: readonly string[]; readonly eventIds: readonly string[] }[];
}

interface Ids {
  readonly terms: readonly { readonly id: string }[];
  readonly parties: readonly { readonly id: string }[];
}

/** Positions (term x party) that at least two outlets report differently, in catalog order. Pure. */
export function sourceDivergences(catalog: Ids, views: readonly SourceView[]): Divergence[] {
  const out: Divergence[] = [];
  for (const term of catalog.terms) {
    for (const party of catalog.parties) {
      const bySource = views.flatMap(({ source, state }) => {
        const p = state.positions[term.id]?.[party.id];
        return p ? [{ source, accepts: p.accepts, rejects: p.rejects, eventIds: p.eventIds }] : [];
      });
      if (new Set(bySource.map((b) => `${b.accepts.join('|')}/${b.rejects.join('|')}`)).size > 1) out.push({ term: term.id, party: party.id, bySource });
    }
  }
  return out;
}
