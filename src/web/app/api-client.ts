// The viewer's view of the JSON API: typed fetches, types shared with the server.
import type { Catalog } from '../../domain/catalog-schema.js';
import type { ParleyEvent } from '../../domain/event-schema.js';
import type { Source } from '../../domain/catalog-schema.js';
import type { Policy } from '../../model/claims.js';
import type { MachineNode } from '../../model/machine-structure.js';
import type { NegotiationState } from '../../model/negotiation-state.js';
import type { StateChange } from '../../model/state-diff.js';
import type { RoundSpan, TimelineDay, TimelineEvent } from '../api.js';

export type { NegotiationState, StateChange, TimelineDay, TimelineEvent, RoundSpan, MachineNode, ParleyEvent, Policy, Source };

export interface Meta {
  readonly catalog: Pick<Catalog, 'terms' | 'parties' | 'sources' | 'principals'>;
  readonly first: string | null;
  readonly last: string | null;
  readonly eventDays: readonly string[];
  readonly rounds: readonly RoundSpan[];
  readonly machine: MachineNode;
  readonly policies: readonly Policy[];
  /** The policy the server was started with (`parley view --policy`). */
  readonly policy: Policy;
}

export interface Timeline {
  readonly events: readonly TimelineEvent[];
  readonly days: readonly TimelineDay[];
  readonly rounds: readonly RoundSpan[];
}

export interface ScenarioInfo {
  readonly n: number;
  readonly title: string;
  readonly description: string;
  readonly file: string;
  /** The days its hypothetical events occur on. */
  readonly dates: readonly string[];
  /** The days the scenario itself compares on. */
  readonly compareOn: readonly string[];
  readonly hypotheticalEvents: number;
  /** The what-if's statechart when the scenario names its own deal spec; null when it runs under the log's. */
  readonly machine: MachineNode | null;
}

export interface ScenarioState {
  readonly title: string;
  readonly at: string;
  readonly baseline: NegotiationState;
  readonly whatIf: NegotiationState;
  readonly changes: readonly StateChange[];
}

export interface EventDetail {
  readonly event: ParleyEvent;
  readonly source: Source | null;
}

async function get<T>(path: string, params: Record<string, string | readonly string[] | null> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of v === null ? [] : typeof v === 'string' ? [v] : v) query.append(k, x);
  const qs = query.toString();
  const res = await fetch(`${path}${qs ? `?${qs}` : ''}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${((await res.json()) as { error?: string }).error ?? ''}`);
  return (await res.json()) as T;
}

/** What every state and timeline request is filtered by: a source (or all), reported by a date (or ever), a policy. */
export interface Query {
  readonly source: string | null;
  readonly knownAt: string | null;
  readonly policy: Policy;
}

const params = (q: Query) => ({ source: q.source, knownAt: q.knownAt, policy: q.policy });

export const api = {
  meta: () => get<Meta>('/api/meta'),
  state: (at: string, q: Query) => get<NegotiationState>('/api/state', { at, ...params(q) }),
  timeline: (q: Query) => get<Timeline>('/api/timeline', params(q)),
  event: (id: string) => get<EventDetail>(`/api/events/${encodeURIComponent(id)}`),
  scenarios: () => get<ScenarioInfo[]>('/api/scenarios'),
  scenarioState: (n: number, at: string, q: Query) => get<ScenarioState>(`/api/scenario/${n}/state`, { at, ...params(q) }),
  scenarioTimeline: (n: number, q: Query) => get<Timeline>(`/api/scenario/${n}/timeline`, params(q)),
};
