// One wording for who claims what, in every output: "Hamas (its own words,
// anadolu-2024-08-23)", "accepted, according to the US", and the line that
// says a what-if was overridden by a later report.
import type { Relation } from '../model/claims.js';
import type { Override } from '../model/negotiation-state.js';
import type { ProposalResponse } from '../model/replay-state.js';

interface ClaimantLike {
  readonly speaker: string;
  readonly source: string | null;
  readonly relation: Relation;
  readonly impliedBy?: string | null;
}

const relationWords: Record<Relation, string> = { self: 'its own words', mediator: 'a mediator', 'other-party': 'another party', narration: "the outlet's narration" };

/** "the office of Prime Minister Netanyahu (its own words, according to anadolu-2024-08-23)". Pure. */
export function describeClaimant(c: ClaimantLike): string {
  const implied = c.impliedBy ? `, implied by accepting the text of ${c.impliedBy}` : '';
  return `${c.speaker} (${relationWords[c.relation]}${implied}, ${c.source === null ? 'hypothetical' : `according to ${c.source}`})`;
}

/** "accepted as a basis", or "accepted, according to the White House" when the deciding claim is not the party's own. Pure. */
export function describeResponse(r: ProposalResponse): string {
  const what = r.response === 'disputed' ? 'disputed (the claims disagree)' : `${r.response}${r.as === 'basis' ? ' as a basis' : ''}`;
  const who = r.basis && r.basis.relation !== 'self' ? `, according to ${r.basis.speaker}` : '';
  return `${what}${who}${r.contested && r.response !== 'disputed' ? ' [contested]' : ''}`;
}

/** "positions.end-of-war.hamas: the what-if (h-x-1) is overridden on 2024-09-13 by ev1, Hamas according to turkish-sources-2024-09-13". Pure. */
export function describeOverride(o: Override): string {
  const by = `${o.by.eventIds.at(-1)}, ${o.by.speaker} according to ${o.by.source ?? 'a hypothetical event'}`;
  return `${o.path}: the what-if (${o.hypotheticalEventIds.join(', ')}) is overridden on ${o.by.date} by ${by}`;
}
