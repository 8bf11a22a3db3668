// What differs between two states, value by value, with the provenance of the
// new value. Provenance alone changing (another source confirming) is not a change.
import type { NegotiationState } from './negotiation-state.js';

export interface StateChange {
  /** Dotted path, e.g. "gaps.philadelphi" or "positions.philadelphi.israel". */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
  /** Events behind the new value (or behind the old one when the value disappeared). */
  readonly eventIds: readonly string[];
  readonly hypothetical: boolean;
}

// What says where a value came from rather than what it is: another source
// confirming a position, or another claimant deciding it with the same
// content, is not a change. (`contested` is kept: claims starting or ceasing to
// disagree is one.)
const PROVENANCE = new Set(['eventIds', 'hypothetical', 'since', 'date', 'claims', 'basis', 'concessions']);

type Flat = Map<string, { value: unknown; eventIds: readonly string[]; hypothetical: boolean }>;

function withoutProvenance(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProvenance);
  if (value === null || typeof value !== 'object') return value;
  // Keys here are term, party and proposal ids: no prototype for them to reach.
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) if (!PROVENANCE.has(k)) out[k] = withoutProvenance(v);
  return out;
}

function put(flat: Flat, path: string, value: unknown): void {
  const marked = value as { eventIds?: readonly string[]; hypothetical?: boolean } | null;
  flat.set(path, { value: withoutProvenance(value), eventIds: marked?.eventIds ?? [], hypothetical: marked?.hypothetical ?? false });
}

function flatten(s: NegotiationState): Flat {
  const flat: Flat = new Map();
  // The phase is a plain string; its provenance is the move that led to it.
  flat.set('phase', { value: s.stage ? `${s.phase}.${s.stage}` : s.phase, eventIds: s.phaseSince?.eventIds ?? [], hypothetical: s.phaseSince?.hypothetical ?? false });
  put(flat, 'round', s.round);
  put(flat, 'agreement', s.agreement);
  for (const [id, p] of Object.entries(s.proposals)) {
    put(flat, `proposals.${id}`, { ...p, responses: undefined });
    for (const [party, r] of Object.entries(p.responses)) put(flat, `proposals.${id}.responses.${party}`, r);
  }
  for (const [term, byParty] of Object.entries(s.positions)) for (const [party, pos] of Object.entries(byParty)) put(flat, `positions.${term}.${party}`, pos);
  for (const [term, gap] of Object.entries(s.gaps)) put(flat, `gaps.${term}`, gap);
  for (const [source, list] of Object.entries(s.assessments)) for (const a of list) put(flat, `assessments.${source}.${a.speaker}`, a);
  for (const [figure, list] of Object.entries(s.figures)) for (const f of list) put(flat, `figures.${figure}.${f.source}`, f);
  for (const t of s.releases) for (const kind of ['living', 'remains', 'prisoners'] as const) if (t[kind]) put(flat, `releases.${t.phase}.${kind}`, t[kind]);
  for (const a of s.anomalies) flat.set(`anomalies.${a.eventId}`, { value: a.reason, eventIds: [a.eventId], hypothetical: a.hypothetical });
  return flat;
}

export function diffStates(before: NegotiationState, after: NegotiationState): StateChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const changes: StateChange[] = [];
  // The later state's order first (it follows the state's layout), then what it lost.
  for (const path of new Set([...b.keys(), ...a.keys()])) {
    const x = a.get(path);
    const y = b.get(path);
    if (JSON.stringify(x?.value) === JSON.stringify(y?.value)) continue;
    // The events behind the new value, or behind the old one when the value went away.
    const behind = x !== undefined && (y === undefined || y.value === null) ? x : y!;
    changes.push({ path, before: x?.value ?? null, after: y?.value ?? null, eventIds: behind.eventIds, hypothetical: behind.hypothetical });
  }
  return changes;
}
