// The viewer's view of the JSON API: typed fetches, types shared with the server.
import type { Catalog } from '../../domain/catalog-schema.js';
import type { ParleyEvent } from '../../domain/event-schema.js';
import type { Source } from '../../domain/catalog-schema.js';
import type { MachineNode } from '../../model/machine-structure.js';
import type { NegotiationState } from '../../model/negotiation-state.js';
import type { StateChange } from '../../model/state-diff.js';
import type { RoundSpan, TimelineDay, TimelineEvent } from '../api.js';

export type { NegotiationState, StateChange, TimelineDay, TimelineEvent, RoundSpan, MachineNode, ParleyEvent, Source };

export interface Meta {
  readonly catalog: Pick<Catalog, 'terms' | 'parties' | 'sources' | 'principals'>;
  readonly first: string | null;
  readonly last: string | null;
  readonly eventDays: readonly string[];
  readonly rounds: readonly RoundSpan[];
  readonly machine: MachineNode;
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
  readonly dates: readonly string[];
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

export const api = {
  meta: () => get<Meta>('/api/meta'),
  state: (at: string, source: string | null) => get<NegotiationState>('/api/state', { at, source }),
  timeline: (source: string | null) => get<Timeline>('/api/timeline', { source }),
  event: (id: string) => get<EventDetail>(`/api/events/${encodeURIComponent(id)}`),
  scenarios: () => get<ScenarioInfo[]>('/api/scenarios'),
  scenarioState: (n: number, at: string) => get<ScenarioState>(`/api/scenario/${n}/state`, { at }),
  scenarioTimeline: (n: number) => get<Timeline>(`/api/scenario/${n}/timeline`),
};
