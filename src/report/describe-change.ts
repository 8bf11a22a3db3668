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

const list = (v: unknown) => (Array.isArray(v) ? v.join('|') : String(v));

function describeValue(kind: string, v: unknown): string {
  if (v === null || v === undefined) return '(none)';
  const o = v as Value & Record<string, unknown>;
  switch (kind) {
    case 'phase':
      return describeLifecycle(String(v));
    case 'round':
      return describeRound(o as unknown as RoundView);
    case 'agreement':
      return `agreement: ${describeAgreement(o as unknown as Agreement)}`;
    case 'proposal':
      return `"${o.title}" tabled by ${o.by} on ${o.tabled}`;
    case 'response':
      return `${o.response}${o.as === 'basis' ? ' as a basis' : ''}`;
    case 'position': {
      const conditions = (o.conditions as { term: string; accepts: string[] }[]) ?? [];
      return `accepts ${list(o.accepts)}${conditions.length ? ` if ${conditions.map((c) => `${c.term} is ${list(c.accepts)}`).join(' and ')}` : ''}`;
    }
    case 'gap':
      return describeGap(o as unknown as Gap);
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

function subjectOf(path: string): { group: ChangeGroup; kind: string; subject: string } {
  const parts = path.split('.');
  const [head, a, b, c, d] = parts;
  switch (head) {
    case 'phase':
      return { group: 'phase', kind: 'phase', subject: 'phase' };
    case 'round':
      return { group: 'round', kind: 'round', subject: 'round' };
    case 'agreement':
      return { group: 'phase', kind: 'agreement', subject: 'agreement' };
    case 'proposals':
      return c === 'responses' ? { group: 'proposals', kind: 'response', subject: `${d} on ${a}` } : { group: 'proposals', kind: 'proposal', subject: `proposal ${a}` };
    case 'positions':
      return { group: 'positions', kind: 'position', subject: `${b} on ${a}` };
    case 'gaps':
      return { group: 'gaps', kind: 'gap', subject: `gap on ${a}` };
    case 'assessments':
      return { group: 'other', kind: 'assessment', subject: `assessment by ${b} (according to ${a})` };
    case 'figures':
      return { group: 'other', kind: 'figure', subject: `${a} according to ${b}` };
    case 'releases':
      return { group: 'other', kind: 'tally', subject: `${b === 'living' ? 'living hostages' : b === 'remains' ? "hostages' remains" : b} released in phase ${a}` };
    case 'anomalies':
      return { group: 'other', kind: 'anomaly', subject: `anomaly in event ${a}` };
    default:
      return { group: 'other', kind: 'other', subject: path };
  }
}

export function describeChange(change: StateChange): ChangeText {
  const { group, kind, subject } = subjectOf(change.path);
  return {
    group,
    subject,
    before: describeValue(kind, change.before),
    after: describeValue(kind, change.after),
    hypothetical: change.hypothetical,
    eventIds: change.eventIds,
  };
}

const groupOrder: readonly ChangeGroup[] = ['phase', 'round', 'proposals', 'positions', 'gaps', 'other'];

/** Changes in reading order: the lifecycle first, then proposals, positions, gaps. */
export function describeChanges(changes: readonly StateChange[]): ChangeText[] {
  return changes.map(describeChange).sort((x, y) => groupOrder.indexOf(x.group) - groupOrder.indexOf(y.group));
}
