// A state change in words: "gap on philadelphi: unknown -> open, 3 steps apart".
// The diff gives values stripped of provenance; this names them for a reader.
import { describeLifecycle } from '../model/apply-event.js';
import type { Gap } from '../model/gaps.js';
import type { RoundView } from '../model/negotiation-state.js';
import type { StateChange } from '../model/state-diff.js';
import { describeGap } from './describe-gap.js';
import type { Agreement } from '../model/replay-state.js';
import { describeAgreement } from './describe-agreement.js';
import { describeRound } from './describe-round.js';

type Value = Record<string, unknown> | null;

/** How a change names what it is about: ids for the terminal, the catalog's names for a handout. */
export interface Names {
  party(id: string): string;
  term(id: string): string;
  /** A set of options of a term, e.g. "a|b" or "a or b". */
  options(term: string, ids: readonly string[]): string;
  source(id: string): string;
  proposal(id: string): string;
}

const asIs = (id: string) => id;

/** Names that are the ids themselves, options joined by "|". */
export const idNames: Names = { party: asIs, term: asIs, options: (_, ids) => ids.join('|'), source: asIs, proposal: asIs };

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : [String(v)]);

function describeValue(kind: string, v: unknown, term: string, n: Names): string {
  if (v === null || v === undefined) return '(none)';
  const o = v as Value & Record<string, unknown>;
  switch (kind) {
    case 'phase':
      return describeLifecycle(String(v));
    case 'round':
      return describeRound(o as unknown as RoundView);
    case 'agreement':
      return `agreement: ${describeAgreement(o as unknown as Agreement)}`;
    case 'proposal': {
      // A later report can add the terms a text settles; without them the change would read "A -> A".
      const terms = Object.entries((o.terms as Record<string, string> | undefined) ?? {}).map(([t, option]) => `${n.term(t)} as ${n.options(t, [option])}`);
      return `"${o.title}" tabled by ${n.party(String(o.by))} on ${o.tabled}${terms.length ? `, settling ${terms.join(', ')}` : ''}`;
    }
    case 'response':
      return `${o.response}${o.as === 'basis' ? ' as a basis' : ''}`;
    case 'position': {
      // A refusal is said as a refusal: "rejects x" is never read as accepting the rest.
      const conditions = (o.conditions as { term: string; accepts: string[] }[]) ?? [];
      const [accepts, rejects] = [strings(o.accepts ?? []), strings(o.rejects ?? [])];
      const stance = [accepts.length ? `accepts ${n.options(term, accepts)}` : '', rejects.length ? `rejects ${n.options(term, rejects)}` : ''].filter(Boolean).join('; ') || 'no options named';
      return `${stance}${conditions.length ? ` if ${conditions.map((c) => `${n.term(c.term)} is ${n.options(c.term, c.accepts)}`).join(' and ')}` : ''}${o.contested === true ? ' (contested: other claims differ)' : ''}`;
    }
    case 'gap':
      return describeGap(o as unknown as Gap, { option: (option) => n.options(term, [option]), party: n.party, proposal: n.proposal });
    case 'assessment':
      return `${o.tone}`;
    case 'figure':
      return `${o.value}${o.qualifier ? ` (${o.qualifier})` : ''}`;
    case 'tally':
      return `${o.count}`;
    default:
      return typeof v === 'string' ? v : JSON.stringify(v);
  }
}

export type ChangeGroup = 'phase' | 'round' | 'proposals' | 'positions' | 'gaps' | 'other';

export interface ChangeText {
  readonly group: ChangeGroup;
  /** What changed, e.g. "israel on philadelphi". */
  readonly subject: string;
  readonly before: string;
  readonly after: string;
  readonly hypothetical: boolean;
  readonly eventIds: readonly string[];
}

function subjectOf(path: string, n: Names): { group: ChangeGroup; kind: string; term: string; subject: string } {
  // Paths are dotted ids (catalog slugs and event ids never contain a dot).
  const [head, a = '', b = '', c] = path.split('.');
  const about = (group: ChangeGroup, kind: string, subject: string, term = '') => ({ group, kind, term, subject });
  switch (head) {
    case 'phase':
      return about('phase', 'phase', 'phase');
    case 'round':
      return about('round', 'round', 'round');
    case 'agreement':
      return about('phase', 'agreement', 'agreement');
    case 'proposals':
      // proposals.<proposal> is the proposal, proposals.<proposal>.responses.<party> one party's response.
      return b === 'responses' && c !== undefined ? about('proposals', 'response', `${n.party(c)} on ${n.proposal(a)}`) : about('proposals', 'proposal', `proposal ${n.proposal(a)}`);
    case 'positions':
      return about('positions', 'position', `${n.party(b)} on ${n.term(a)}`, a);
    case 'gaps':
      return about('gaps', 'gap', `gap on ${n.term(a)}`, a);
    case 'assessments':
      return about('other', 'assessment', `assessment by ${b} (according to ${n.source(a)})`);
    case 'figures':
      return about('other', 'figure', `${a} according to ${n.source(b)}`);
    case 'releases':
      return about('other', 'tally', `${b === 'living' ? 'living hostages' : b === 'remains' ? "hostages' remains" : b} released in phase ${a}`);
    case 'anomalies':
      return about('other', 'anomaly', `anomaly in event ${a}`);
    default:
      return about('other', 'other', path);
  }
}

/** One change in words, with its group for ordering and the events behind it; ids by default. Pure. */
export function describeChange(change: StateChange, names: Names = idNames): ChangeText {
  const { group, kind, term, subject } = subjectOf(change.path, names);
  return {
    group,
    subject,
    before: describeValue(kind, change.before, term, names),
    after: describeValue(kind, change.after, term, names),
    hypothetical: change.hypothetical,
    eventIds: change.eventIds,
  };
}

const groupOrder: readonly ChangeGroup[] = ['phase', 'round', 'proposals', 'positions', 'gaps', 'other'];

/** Changes in reading order: the lifecycle first, then proposals, positions, gaps. Pure. */
export function describeChanges(changes: readonly StateChange[], names: Names = idNames): ChangeText[] {
  return changes.map((c) => describeChange(c, names)).sort((x, y) => groupOrder.indexOf(x.group) - groupOrder.indexOf(y.group));
}
