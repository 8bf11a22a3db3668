// The gap between the two principals on a term, derived from their positions,
// the proposals both accepted, and any signed agreement. Derived on demand, so
// it can never disagree with the positions it comes from.
import type { Catalog } from '../domain/catalog-schema.js';
import type { Agreement, EventIds, Position, Proposal } from './replay-state.js';

interface GapBase {
  readonly eventIds: EventIds;
  readonly hypothetical: boolean;
}

export type Gap =
  /** Both principals accepted a common text on this term. */
  | (GapBase & { readonly status: 'agreed'; readonly option: string; readonly basis: 'agreement' | 'proposal'; readonly proposal: string | null })
  /** Their accepted sets overlap. */
  | (GapBase & { readonly status: 'bridged'; readonly options: readonly string[] })
  /** They do not; `distance` is the fewest ladder steps between an option of each. */
  | (GapBase & { readonly status: 'open'; readonly distance: number })
  /** A principal has no stated position. */
  | (GapBase & { readonly status: 'unknown'; readonly missing: readonly string[] });

export type GapStatus = Gap['status'];
export const gapStatuses: readonly GapStatus[] = ['agreed', 'bridged', 'open', 'unknown'];

export interface GapInputs {
  readonly positions: Readonly<Record<string, Readonly<Record<string, Position>>>>;
  readonly proposals: Readonly<Record<string, Proposal>>;
  readonly agreement: Agreement | null;
}

function commonText(term: string, inputs: GapInputs, [a, b]: readonly [string, string]): Gap | undefined {
  if (inputs.agreement && inputs.agreement.terms[term] !== undefined) {
    const { agreement } = inputs;
    return { status: 'agreed', option: agreement.terms[term]!, basis: 'agreement', proposal: null, eventIds: agreement.eventIds, hypothetical: agreement.hypothetical };
  }
  let found: Gap | undefined;
  for (const id in inputs.proposals) {
    const p = inputs.proposals[id]!;
    const option = p.terms[term];
    const ra = p.responses[a];
    const rb = p.responses[b];
    if (option === undefined || !ra || !rb) continue;
    if (ra.response !== 'accepted' || rb.response !== 'accepted' || ra.as !== 'text' || rb.as !== 'text') continue;
    found = {
      status: 'agreed',
      option,
      basis: 'proposal',
      proposal: id,
      eventIds: [...p.eventIds, ...ra.eventIds, ...rb.eventIds],
      hypothetical: p.hypothetical || ra.hypothetical || rb.hypothetical,
    };
  }
  return found;
}

export function computeGap(term: string, inputs: GapInputs, catalog: Catalog): Gap {
  const principals = catalog.principals;
  const agreed = commonText(term, inputs, principals);
  if (agreed) return agreed;
  const byParty = inputs.positions[term];
  const pa = byParty?.[principals[0]];
  const pb = byParty?.[principals[1]];
  const eventIds = [...(pa?.eventIds ?? []), ...(pb?.eventIds ?? [])];
  const hypothetical = (pa?.hypothetical ?? false) || (pb?.hypothetical ?? false);
  if (!pa || !pb) {
    return { status: 'unknown', missing: principals.filter((p) => !byParty?.[p]), eventIds, hypothetical };
  }
  const overlap = pa.accepts.filter((o) => pb.accepts.includes(o));
  if (overlap.length > 0) return { status: 'bridged', options: overlap, eventIds, hypothetical };
  const index = catalog.optionIndex.get(term)!;
  let distance = Infinity;
  for (const x of pa.accepts) for (const y of pb.accepts) distance = Math.min(distance, Math.abs(index.get(x)! - index.get(y)!));
  return { status: 'open', distance, eventIds, hypothetical };
}

export function computeGaps(inputs: GapInputs, catalog: Catalog): Record<string, Gap> {
  const gaps: Record<string, Gap> = {};
  for (const term of catalog.terms) gaps[term.id] = computeGap(term.id, inputs, catalog);
  return gaps;
}

/** What the status of a gap depends on: no provenance, so the replay can ask it of its stored state. */
export interface GapStatusInputs {
  readonly positions: Readonly<Record<string, Readonly<Record<string, { readonly accepts: readonly string[] }>>>>;
  readonly proposals: Readonly<Record<string, { readonly terms: Readonly<Record<string, string>>; readonly responses: Readonly<Record<string, { readonly response: string; readonly as: string | null }>> }>>;
  readonly agreement: { readonly terms: Readonly<Record<string, string>> } | null;
}

/** True when the gap on `term` is open: the same answer as computeGap(...).status === 'open', without building provenance. */
export function gapIsOpen(term: string, inputs: GapStatusInputs, catalog: Catalog): boolean {
  const [a, b] = catalog.principals;
  if (inputs.agreement && inputs.agreement.terms[term] !== undefined) return false;
  for (const id in inputs.proposals) {
    const p = inputs.proposals[id]!;
    const ra = p.responses[a];
    const rb = p.responses[b];
    if (p.terms[term] !== undefined && ra && rb && ra.response === 'accepted' && rb.response === 'accepted' && ra.as === 'text' && rb.as === 'text') return false;
  }
  const pa = inputs.positions[term]?.[a];
  const pb = inputs.positions[term]?.[b];
  if (!pa || !pb) return false;
  return !pa.accepts.some((o) => pb.accepts.includes(o));
}

/** Terms still open once an agreement text settles the terms it names. */
export function openTermsUnder(inputs: GapStatusInputs, catalog: Catalog, settled: Readonly<Record<string, string>>): string[] {
  return catalog.terms.filter((t) => settled[t.id] === undefined && gapIsOpen(t.id, inputs, catalog)).map((t) => t.id);
}
