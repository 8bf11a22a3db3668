// The gap between the two principals on a term. One rule (`gapShape`) decides
// the status from the two positions; the replay asks it when an agreement is
// reported, and a query asks it again with provenance. Derived on demand, so a
// gap can never disagree with the positions it comes from.
import type { Catalog } from '../domain/catalog-schema.js';
import { type OrderedTable, tableValues } from './ordered-table.js';
import type { EventIds, PositionContent } from './replay-state.js';

interface GapBase {
  readonly eventIds: EventIds;
  readonly hypothetical: boolean;
  /** True when taking another current claim of either principal as its position would change the status. */
  readonly contested: boolean;
  /** The statuses other claims would give, when contested. */
  readonly alternatives: readonly GapStatus[];
}

/** What the positions alone say: the status without provenance. */
export type GapShape =
  /** An option both principals accept. */
  | { readonly status: 'bridged'; readonly options: readonly string[] }
  /**
   * Every option is rejected by at least one principal, or everything one
   * accepts the other rejects. `distance`: the fewest ladder steps between an
   * option each accepts (null when one side names none it accepts).
   */
  | { readonly status: 'open'; readonly distance: number | null }
  /** No option both accept, but some option neither rejects (`candidates`). */
  | { readonly status: 'undetermined'; readonly candidates: readonly string[] }
  /** A principal has no claim on the term. */
  | { readonly status: 'unknown'; readonly missing: readonly string[] };

export type Gap =
  /** Both principals accepted a common text on this term: a proposal both accepted as a text, or a signed agreement. */
  | (GapBase & { readonly status: 'agreed'; readonly option: string; readonly basis: 'agreement' | 'proposal'; readonly proposal: string | null })
  | (GapBase & GapShape);

export type GapStatus = Gap['status'];
export const gapStatuses: readonly GapStatus[] = ['agreed', 'bridged', 'open', 'undetermined', 'unknown'];

type Stance = Pick<PositionContent, 'accepts' | 'rejects'>;

/**
 * The gap the two principals' positions give on a term whose ladder is
 * `ladder` (option ids in order). Pure. The table in the README ("Gaps") is
 * this function; test/gaps.test.ts checks it exhaustively on small ladders.
 */
export function gapShape(ladder: readonly string[], principals: readonly [string, string], a: Stance | undefined, b: Stance | undefined): GapShape {
  if (!a || !b) return { status: 'unknown', missing: principals.filter((_, i) => (i === 0 ? !a : !b)) };
  const both = a.accepts.filter((o) => b.accepts.includes(o));
  if (both.length > 0) return { status: 'bridged', options: both };
  const open = ladder.every((o) => a.rejects.includes(o) || b.rejects.includes(o)) || coveredBy(a.accepts, b.rejects) || coveredBy(b.accepts, a.rejects);
  if (!open) return { status: 'undetermined', candidates: ladder.filter((o) => !a.rejects.includes(o) && !b.rejects.includes(o)) };
  return { status: 'open', distance: distance(ladder, a, b) };
}

const coveredBy = (accepts: readonly string[], rejects: readonly string[]) => accepts.length > 0 && accepts.every((o) => rejects.includes(o));

// Measured between what the two accept, so that a concession (which only adds
// accepted options) can only shorten it.
function distance(ladder: readonly string[], a: Stance, b: Stance): number | null {
  let best = Infinity;
  for (const x of a.accepts) for (const y of b.accepts) best = Math.min(best, Math.abs(ladder.indexOf(x) - ladder.indexOf(y)));
  return best === Infinity ? null : best;
}

/** A response as the common-text rule reads it. */
export interface ResponseLike {
  readonly response: string;
  readonly as: string | null;
}

/** A proposal as the common-text rule reads it. */
export interface ProposalLike {
  readonly terms: Readonly<Record<string, string>>;
}

/**
 * The last proposal in `proposals` whose text settles `term` and that both
 * principals accepted as a text (not only as a basis for talks). Pure.
 */
export function commonTextProposal<P extends ProposalLike>(term: string, proposals: Iterable<P>, responseOf: (p: P, party: string) => ResponseLike | undefined, [a, b]: readonly [string, string]): P | undefined {
  let found: P | undefined;
  for (const p of proposals) {
    if (!Object.hasOwn(p.terms, term)) continue;
    const ra = responseOf(p, a);
    const rb = responseOf(p, b);
    if (ra?.response === 'accepted' && rb?.response === 'accepted' && ra.as === 'text' && rb.as === 'text') found = p;
  }
  return found;
}

/** What the replay knows when an agreement is reported: positions, proposals and a standing agreement, without provenance. */
export interface GapStatusInputs {
  readonly positions: ReadonlyMap<string, ReadonlyMap<string, { readonly content: Stance }>>;
  readonly proposals: OrderedTable<ProposalLike & { readonly responses: ReadonlyMap<string, ResponseLike> }>;
  readonly agreement: { readonly terms: Readonly<Record<string, string>> } | null;
}

/** The status of the gap on `term` in a replay state: the same rule a query presents. Pure. */
export function gapStatusIn(term: string, inputs: GapStatusInputs, catalog: Catalog): GapStatus {
  if (inputs.agreement && Object.hasOwn(inputs.agreement.terms, term)) return 'agreed';
  if (commonTextProposal(term, tableValues(inputs.proposals), (p, party) => p.responses.get(party), catalog.principals)) return 'agreed';
  const byParty = inputs.positions.get(term);
  const ladder = catalog.termById.get(term)!.ladder.map((o) => o.id);
  return gapShape(ladder, catalog.principals, byParty?.get(catalog.principals[0])?.content, byParty?.get(catalog.principals[1])?.content).status;
}

/** Terms still open once an agreement text settles the terms it names. Pure. */
export function openTermsUnder(inputs: GapStatusInputs, catalog: Catalog, settled: Readonly<Record<string, string>>): string[] {
  return catalog.terms.filter((t) => !Object.hasOwn(settled, t.id) && gapStatusIn(t.id, inputs, catalog) === 'open').map((t) => t.id);
}
