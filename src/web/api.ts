// The viewer's read-only JSON API as a pure function from a request path and
// query to a status and a body, so it can be tested without a socket. Every
// state carries its provenance; hypothetical values stay marked.
import type { Source } from '../domain/catalog-schema.js';
import { isIsoDay, isoFromDayNumber } from '../domain/dates.js';
import type { EventLog } from '../domain/event-log.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import type { LogEntry } from '../domain/ordering.js';
import { type Problem, type ProblemCode, ProblemError, quoted } from '../domain/problem.js';
import { type Policy, defaultPolicy, policies } from '../model/claims.js';
import { gapStatuses } from '../model/gaps.js';
import { machineStructure } from '../model/machine-structure.js';
import type { StateFilter } from '../model/negotiation-state.js';
import type { Overlay } from '../model/overlay.js';
import { filterEntries, lastDate, stateAt } from '../model/replay.js';
import { diffStates } from '../model/state-diff.js';
import { steps } from '../model/steps.js';

export interface Library {
  readonly log: EventLog;
  readonly scenarios: readonly Overlay[];
  /** The policy a request that names none is answered under (`parley view --policy`). */
  readonly policy?: Policy;
}

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface TimelineDay {
  readonly date: string;
  readonly eventIds: readonly string[];
  readonly phase: string;
  /** How many terms stand at each gap status at the end of the day. */
  readonly gaps: Readonly<Record<string, number>>;
  /** How many of those gaps are contested (another current claim would change their status). */
  readonly contested: number;
  readonly hypothetical: boolean;
}

export interface TimelineEvent {
  readonly id: string;
  readonly type: string;
  readonly occurred: string;
  /** The day the event sorts on (a month-precision event's sort day), YYYY-MM-DD. */
  readonly day: string;
  /** When its source reported it; null for a hypothetical event without a report. */
  readonly reported: string | null;
  readonly summary: string;
  /** Who said it (`attribution.speaker`); null for an outlet's own narration. */
  readonly speaker: string | null;
  readonly source: string | null;
  readonly hypothetical: boolean;
}

export interface RoundSpan {
  readonly id: string;
  readonly venue: string;
  readonly opened: string;
  readonly closed: string | null;
  readonly hypothetical: boolean;
}

const ok = (body: unknown): ApiResponse => ({ status: 200, body });

/** The one place problem codes become HTTP statuses: a missing thing is 404, any other bad request 400. Pure. */
export function httpStatusFor(problems: readonly Problem[]): number {
  return problems.some((p) => p.code === 'not-found' || p.code === 'unknown-event') ? 404 : 400;
}

/** A failed request: the status for its problems, and a body with the first as `error` and all of them. */
function fail(problems: readonly Problem[]): ApiResponse {
  return { status: httpStatusFor(problems), body: { error: problems.map((p) => p.message).join('; '), problems } };
}

const refuse = (code: ProblemCode, field: string, message: string): ProblemError => new ProblemError([{ file: 'request', code, field, message }]);

function summary({ event: e, day }: LogEntry): TimelineEvent {
  return {
    id: e.id,
    type: e.type,
    occurred: e.occurred,
    day: isoFromDayNumber(day),
    reported: e.reported ?? null,
    summary: e.summary,
    speaker: e.attribution?.speaker ?? null,
    source: e.source ?? null,
    hypothetical: e.hypothetical,
  };
}

/** The rounds the entries open, each with the first closing they report. */
function rounds(entries: readonly LogEntry[]): RoundSpan[] {
  const byId = new Map<string, RoundSpan>();
  for (const { event: e } of entries) {
    if (e.type === 'round.opened' && !byId.has(e.round)) byId.set(e.round, { id: e.round, venue: e.venue, opened: e.occurred, closed: null, hypothetical: e.hypothetical });
    if (e.type === 'round.closed') {
      const r = byId.get(e.round);
      if (r && r.closed === null) byId.set(e.round, { ...r, closed: e.occurred });
    }
  }
  return [...byId.values()];
}

function timeline(log: EventLog, filter: StateFilter): { events: TimelineEvent[]; days: TimelineDay[]; rounds: RoundSpan[] } {
  const days = steps(log, { by: 'day', filter }).map((s): TimelineDay => {
    const gaps: Record<string, number> = Object.fromEntries(gapStatuses.map((g) => [g, 0]));
    for (const gap of Object.values(s.after.gaps)) gaps[gap.status]!++;
    return {
      date: s.from,
      eventIds: s.events.map((e) => e.event.id),
      phase: s.after.stage ? `${s.after.phase}.${s.after.stage}` : s.after.phase,
      gaps,
      contested: Object.values(s.after.gaps).filter((gap) => gap.contested).length,
      hypothetical: s.events.some((e) => e.event.hypothetical),
    };
  });
  return { events: days.flatMap((d) => d.eventIds).map((id) => summary(log.byId.get(id)!)), days, rounds: rounds(filterEntries(log, filter)) };
}

function dateParam(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (!isIsoDay(value)) throw refuse('bad-date', name, `${name}: expected a date YYYY-MM-DD, got ${quoted(value)}`);
  return value;
}

function policyParam(query: URLSearchParams, fallback: Policy): Policy {
  const value = query.get('policy');
  if (value === null || value === '') return fallback;
  if (!(policies as readonly string[]).includes(value)) throw refuse('bad-field', 'policy', `policy: expected one of ${policies.join(', ')}, got ${quoted(value)}`);
  return value as Policy;
}

function filterOf(log: EventLog, query: URLSearchParams, policy: Policy): StateFilter {
  const sources = query.getAll('source').filter((s) => s !== '');
  for (const s of sources) if (!log.catalog.sourceById.has(s)) throw refuse('unknown-source', 'source', `source: unknown source ${quoted(s)}`);
  const knownAt = dateParam(query, 'knownAt');
  return { ...(sources.length > 0 ? { sources } : {}), ...(knownAt ? { knownAt } : {}), policy: policyParam(query, policy) };
}

function dateOf(log: EventLog, query: URLSearchParams): string {
  const at = dateParam(query, 'at') ?? lastDate(log);
  if (at === undefined) throw refuse('empty-log', 'at', 'the log has no events, so there is no default date; give at=YYYY-MM-DD');
  return at;
}

function firstDate(log: EventLog): string | null {
  const first = log.entries[0];
  return first === undefined ? null : isoFromDayNumber(first.day);
}

/**
 * The API over one log and its scenarios: every parameter is checked (a bad
 * one is a 400 naming the field, a missing thing a 404) and every answer is
 * computed from the log alone. Pure but for its caches.
 */
export function createApi(library: Library): (path: string, query: URLSearchParams) => ApiResponse {
  const { log, scenarios } = library;
  const policy = library.policy ?? defaultPolicy;
  const timelines = new Map<string, ReturnType<typeof timeline>>();
  // Every knownAt date is a distinct filter: keep the most recently used few.
  const cachedTimeline = (key: string, l: EventLog, filter: StateFilter) => {
    const k = `${key}|${JSON.stringify(filter)}`;
    let t = timelines.get(k);
    if (t) timelines.delete(k);
    else {
      t = timeline(l, filter);
      if (timelines.size >= 16) timelines.delete(timelines.keys().next().value!);
    }
    timelines.set(k, t);
    return t;
  };
  const meta = {
    catalog: { terms: log.catalog.terms, parties: log.catalog.parties, sources: log.catalog.sources, principals: log.catalog.principals },
    first: firstDate(log),
    last: lastDate(log) ?? null,
    eventDays: [...new Set(log.entries.map((e) => isoFromDayNumber(e.day)))],
    rounds: rounds(log.entries),
    machine: machineStructure(log.catalog.deal),
    policies,
    policy,
  };
  const scenarioAt = (n: string): Overlay => {
    const s = /^\d+$/.test(n) ? scenarios[Number(n)] : undefined;
    if (!s) throw refuse('not-found', 'path', `no scenario ${quoted(n)}`);
    return s;
  };

  function route(path: string, query: URLSearchParams): ApiResponse {
    if (path === '/api/meta') return ok(meta);
    if (path === '/api/state') return ok(stateAt(log, dateOf(log, query), filterOf(log, query, policy)));
    if (path === '/api/timeline') return ok(cachedTimeline('log', log, filterOf(log, query, policy)));
    if (path === '/api/scenarios') {
      return ok(
        scenarios.map((s, n) => ({
          n,
          title: s.title,
          description: s.description,
          file: s.file,
          dates: s.dates,
          compareOn: s.compareOn,
          hypotheticalEvents: s.whatIf.entries.filter((e) => e.event.hypothetical).length,
          // The what-if's own statechart, when its scenario names another deal spec.
          machine: s.whatIf.catalog.deal === s.baseline.catalog.deal ? null : machineStructure(s.whatIf.catalog.deal),
        })),
      );
    }
    let m = /^\/api\/events\/([^/]+)$/.exec(path);
    if (m) {
      const id = m[1]!;
      for (const l of [log, ...scenarios.map((s) => s.whatIf)]) {
        const entry = l.byId.get(id);
        if (entry) return ok({ event: entry.event, source: sourceOf(l, entry.event) });
      }
      return fail([{ file: 'request', code: 'unknown-event', field: 'path', message: `no event ${quoted(id)}` }]);
    }
    m = /^\/api\/scenario\/([^/]+)\/(state|timeline)$/.exec(path);
    if (m) {
      const s = scenarioAt(m[1]!);
      const filter = filterOf(s.whatIf, query, policy);
      if (m[2] === 'timeline') return ok(cachedTimeline(`scenario ${m[1]}`, s.whatIf, filter));
      const at = dateOf(s.whatIf, query);
      const baseline = stateAt(s.baseline, at, filter);
      const whatIf = stateAt(s.whatIf, at, filter);
      return ok({ title: s.title, description: s.description, at, baseline, whatIf, changes: diffStates(baseline, whatIf) });
    }
    return fail([{ file: 'request', code: 'not-found', field: 'path', message: `no such endpoint: ${quoted(path)}` }]);
  }

  return (path, query) => {
    try {
      return route(path, query);
    } catch (e) {
      if (e instanceof ProblemError) return fail(e.problems);
      throw e;
    }
  };
}

function sourceOf(log: EventLog, e: ParleyEvent): Source | null {
  return e.hypothetical || e.source === undefined ? null : log.catalog.sourceById.get(e.source) ?? null;
}
