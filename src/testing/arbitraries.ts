// fast-check arbitraries for valid events and logs against any catalog, so
// users can property-test their own logs and catalogs the way parley's own
// tests do.
import fc from 'fast-check';
import type { Catalog } from '../domain/catalog-schema.js';
import { isoFromDayNumber, requireDayNumber } from '../domain/dates.js';
import { type DealSpec, dealSpecSchema, plannedEndRules } from '../domain/deal-spec.js';
import { type EventLog, createLog } from '../domain/event-log.js';
import { type ParleyEvent, eventSchema } from '../domain/event-schema.js';
import { toEntry } from '../domain/ordering.js';
import { releaseKinds } from '../event-types/release-made.js';
import { roundPurposes } from '../model/deal-machine.js';

export interface EventArbitraryOptions {
  /** First and last possible `occurred` day (YYYY-MM-DD). */
  readonly from?: string;
  readonly to?: string;
  /** Probability-like weight of hypothetical events; 0 for reported only. */
  readonly hypotheticalWeight?: number;
  /** How many distinct round and proposal ids to draw from (small pools make events meet). */
  readonly idPool?: number;
  /**
   * Positions as closed sets: every option not accepted is rejected (how
   * positions read before claims carried rejects). Default false: each claim
   * accepts, rejects or says nothing of each option.
   */
  readonly closedSets?: boolean;
}

const DEFAULT_FROM = '2024-05-01';
const DEFAULT_TO = '2025-04-30';

export function isoDateArbitrary(from = DEFAULT_FROM, to = DEFAULT_TO): fc.Arbitrary<string> {
  return fc.integer({ min: requireDayNumber(from), max: requireDayNumber(to) }).map(isoFromDayNumber);
}

const idArbitrary = fc.stringMatching(/^[A-Za-z0-9_-]{12}$/);

function subsetOf<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.subarray([...items], { minLength: 1 });
}

/** The type-specific part of an event, valid against the catalog. */
function payloadArbitrary(catalog: Catalog, pool: number, closedSets: boolean): fc.Arbitrary<Record<string, unknown>> {
  const parties = catalog.parties.map((p) => p.id);
  const party = fc.constantFrom(...parties);
  const principal = fc.constantFrom(...catalog.principals);
  const mediators = catalog.parties.filter((p) => p.role === 'mediator').map((p) => p.id);
  const round = fc.integer({ min: 1, max: pool }).map((n) => `round-${n}`);
  const proposal = fc.integer({ min: 1, max: pool }).map((n) => `proposal-${n}`);
  const term = fc.constantFrom(...catalog.terms);
  const termText = fc
    .subarray([...catalog.terms], { maxLength: 3 })
    .chain((terms) => fc.tuple(...terms.map((t) => fc.constantFrom(...t.ladder.map((o) => o.id)))).map((opts) => Object.fromEntries(terms.map((t, i) => [t.id, opts[i]!]))));
  // Now and then a position is linked to another term (a condition), as logs record them.
  const condition = (own: string) =>
    fc.constantFrom(...catalog.terms.filter((t) => t.id !== own)).chain((t) => subsetOf(t.ladder.map((o) => o.id)).map((accepts) => ({ term: t.id, accepts })));
  // What a claim says of each option: accepted, rejected, or (open sets only) nothing.
  const stance = (ladder: readonly string[]) =>
    closedSets
      ? subsetOf(ladder).map((accepts) => ({ accepts, rejects: ladder.filter((o) => !accepts.includes(o)) }))
      : fc
          .array(fc.constantFrom('accepts', 'rejects', 'unknown'), { minLength: ladder.length, maxLength: ladder.length })
          .filter((marks) => marks.some((m) => m !== 'unknown'))
          .map((marks) => ({ accepts: ladder.filter((_, i) => marks[i] === 'accepts'), rejects: ladder.filter((_, i) => marks[i] === 'rejects') }));
  const position = term.chain((t) =>
    fc.record({
      party: fc.oneof({ weight: 3, arbitrary: principal }, { weight: 1, arbitrary: party }),
      term: fc.constant(t.id),
      stance: stance(t.ladder.map((o) => o.id)),
      conditions: catalog.terms.length > 1 ? fc.oneof({ weight: 6, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: condition(t.id).map((c) => [c]) }) : fc.constant([]),
    }),
  );
  const phase = fc.integer({ min: 1, max: catalog.deal.phases.length });
  return fc.oneof(
    { weight: 8, arbitrary: position.map(({ stance: st, ...p }) => ({ type: 'position.stated', ...p, ...st })) },
    {
      weight: 2,
      arbitrary: position.map(({ stance: st, ...p }) => ({ type: 'concession.offered', ...p, adds: st.accepts.length > 0 ? st.accepts : st.rejects })),
    },
    { weight: 5, arbitrary: fc.constantFrom('optimistic', 'pessimistic').map((tone) => ({ type: 'talks.assessed', tone })) },
    { weight: 2, arbitrary: fc.record({ figure: fc.constantFrom('hostages-remaining', 'prisoners-vetoed'), value: fc.integer({ min: 0, max: 200 }) }).map((f) => ({ type: 'figure.reported', ...f })) },
    { weight: 2, arbitrary: fc.constantFrom('call', 'accusation', 'meeting').map((kind) => ({ type: 'statement.made', kind })) },
    {
      weight: 2,
      arbitrary: fc
        .record({ round, purpose: fc.constantFrom(...roundPurposes) })
        .map((r) => ({ type: 'round.opened', ...r, venue: 'Venue', mediators: mediators.length > 0 ? mediators : [parties[0]!] })),
    },
    { weight: 2, arbitrary: round.map((r) => ({ type: 'round.closed', round: r })) },
    { weight: 2, arbitrary: fc.record({ proposal, by: party, terms: termText }).map((p) => ({ type: 'proposal.tabled', title: p.proposal, ...p })) },
    { weight: 2, arbitrary: fc.record({ proposal, party: principal, as: fc.constantFrom('text', 'basis') }).map((p) => ({ type: 'proposal.accepted', ...p })) },
    { weight: 1, arbitrary: fc.record({ proposal, party: principal }).map((p) => ({ type: 'proposal.rejected', ...p })) },
    { weight: 1, arbitrary: fc.record({ terms: termText, phases: fc.option(fc.uniqueArray(phase, { minLength: 1, maxLength: 2 }), { nil: undefined }) }).map((a) => ({ type: 'agreement.reached', ...a })) },
    { weight: 1, arbitrary: phase.map((n) => ({ type: 'phase.started', phase: n })) },
    { weight: 1, arbitrary: phase.map((n) => ({ type: 'phase.completed', phase: n })) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom(...releaseKinds), count: fc.integer({ min: 0, max: 50 }) }).map((r) => ({ type: 'release.made', ...r })) },
    { weight: 1, arbitrary: fc.record({ phase, days: fc.integer({ min: 1, max: 30 }) }).map((x) => ({ type: 'phase.extended', ...x })) },
    { weight: 1, arbitrary: fc.constant({ type: 'hostilities.resumed' }) },
  );
}

/** A valid event: reported (with a catalog source) or hypothetical. */
export function eventArbitrary(catalog: Catalog, options: EventArbitraryOptions = {}): fc.Arbitrary<ParleyEvent> {
  const from = options.from ?? DEFAULT_FROM;
  const to = options.to ?? DEFAULT_TO;
  const hypotheticalWeight = catalog.sources.length === 0 ? 1 : options.hypotheticalWeight ?? 0;
  const reportedWeight = catalog.sources.length === 0 ? 0 : 1;
  const provenance = fc.oneof(
    ...(reportedWeight > 0
      ? [{
          weight: 4,
          arbitrary: fc
            .record({
              source: fc.constantFrom(...catalog.sources.map((s) => s.id)),
              lag: fc.integer({ min: 0, max: 10 }),
              onRecord: fc.boolean(),
              // A few speakers, each for a party or for none (narration), so claims meet and rank differently.
              speaker: fc.constantFrom('speaker-a', 'speaker-b', 'speaker-c'),
              speakerParty: fc.option(fc.constantFrom(...catalog.parties.map((x) => x.id)), { nil: undefined, freq: 3 }),
            })
            .map((p) => ({ ...p, hypothetical: false as const })),
        }]
      : []),
    ...(hypotheticalWeight > 0 ? [{ weight: Math.max(1, Math.round(4 * hypotheticalWeight)), arbitrary: fc.constant({ hypothetical: true as const }) }] : []),
  );
  return fc
    .record({
      id: idArbitrary,
      occurred: isoDateArbitrary(from, to),
      // Now and then month precision, sometimes placed within the month by a sortDate.
      month: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined, freq: 6 }),
      act: fc.option(fc.constantFrom('act-a', 'act-b'), { nil: undefined, freq: 4 }),
      payload: payloadArbitrary(catalog, options.idPool ?? 3, options.closedSets ?? false),
      provenance,
    })
    .map(({ id, occurred: day, month, act, payload, provenance: p }) => {
      const occurred = month === undefined ? day : day.slice(0, 7);
      const precision = month === undefined ? 'day' : 'month';
      const sortDate = month !== undefined && month % 2 === 0 ? `${occurred}-${String(month).padStart(2, '0')}` : undefined;
      const common = { id, occurred, precision, dateBasis: 'generated', ...(sortDate ? { sortDate } : {}), summary: `generated ${String(payload.type)}`, ...(act ? { act } : {}) };
      const event = p.hypothetical
        ? { ...common, hypothetical: true }
        : {
            ...common,
            hypothetical: false,
            source: p.source,
            reported: isoFromDayNumber(requireDayNumber(sortDate ?? (month === undefined ? day : `${occurred}-28`)) + p.lag),
            quote: 'generated quote',
            attribution: { speaker: p.speaker, ...(p.speakerParty ? { party: p.speakerParty } : {}), onRecord: p.onRecord },
          };
      return withDefaults({ ...event, ...payload });
    });
}

/** Fills the schema's defaults, so generated events equal parsed ones. */
function withDefaults(e: Record<string, unknown>): ParleyEvent {
  return eventSchema.parse(e);
}

export interface LogArbitraryOptions extends EventArbitraryOptions {
  readonly minLength?: number;
  readonly maxLength?: number;
  /**
   * Mix in a lifecycle storyline from the catalog's deal spec (rounds, an
   * agreement settling every term, phases, releases, next-phase talks and
   * agreements, sometimes a collapse) so that logs reach later phases;
   * random events alone almost never do. Default true.
   */
  readonly story?: boolean;
}

/** Events with distinct ids; lengths spread up to maxLength. */
export function eventsArbitrary(catalog: Catalog, options: LogArbitraryOptions = {}): fc.Arbitrary<ParleyEvent[]> {
  const random = fc.uniqueArray(eventArbitrary(catalog, options), {
    minLength: options.minLength ?? 0,
    maxLength: options.maxLength ?? 60,
    selector: (e) => e.id,
    size: 'max',
  });
  if (options.story === false) return random;
  return fc.tuple(random, fc.option(storyArbitrary(catalog, options), { freq: 2, nil: [] })).map(([events, story]) => {
    const ids = new Set(events.map((e) => e.id));
    return [...events, ...story.filter((e) => !ids.has(e.id))];
  });
}

/**
 * A deal's lifecycle from start to conclusion, as the spec has it: talks, the
 * agreement, each phase with an implementation round, releases and a round on
 * the next phase, an agreement on every phase that needs its own, and the
 * completion of each phase. Payloads only; `storyArbitrary` dates them.
 */
export function dealStory(catalog: Catalog): Record<string, unknown>[] {
  const spec = catalog.deal;
  const settlement = Object.fromEntries(catalog.terms.map((t) => [t.id, t.ladder[0]!.id]));
  const story: Record<string, unknown>[] = [
    { type: 'round.opened', round: 'story-talks', venue: 'Venue', purpose: 'talks' },
    { type: 'round.closed', round: 'story-talks' },
    { type: 'agreement.reached', terms: settlement },
  ];
  spec.phases.forEach((p, i) => {
    const n = i + 1;
    story.push({ type: 'phase.started', phase: n }, { type: 'round.opened', round: `story-implementation-${n}`, venue: 'Venue', purpose: 'implementation' });
    story.push({ type: 'release.made', kind: 'living', count: 3 });
    if (p.days !== null) story.push({ type: 'phase.extended', phase: n, days: 7 });
    if (n < spec.phases.length) {
      story.push({ type: 'round.opened', round: `story-next-${n}`, venue: 'Venue', purpose: 'next-phase' });
      if (spec.phases[n]!.requires === 'phase-agreement') story.push({ type: 'agreement.reached', phases: [n + 1] });
    }
    story.push({ type: 'phase.completed', phase: n });
  });
  return story;
}

/** A prefix of the deal's lifecycle (see `dealStory`) on increasing dates, possibly ending in a collapse. */
export function storyArbitrary(catalog: Catalog, options: EventArbitraryOptions = {}): fc.Arbitrary<ParleyEvent[]> {
  const from = requireDayNumber(options.from ?? DEFAULT_FROM);
  const to = requireDayNumber(options.to ?? DEFAULT_TO);
  const mediators = catalog.parties.filter((p) => p.role === 'mediator').map((p) => p.id);
  const story = dealStory(catalog);
  return fc
    .record({
      steps: fc.integer({ min: 1, max: story.length }),
      collapse: fc.boolean(),
      days: fc.uniqueArray(fc.integer({ min: from, max: to }), { minLength: story.length + 1, maxLength: story.length + 1 }),
      ids: fc.uniqueArray(idArbitrary, { minLength: story.length + 1, maxLength: story.length + 1 }),
    })
    .map(({ steps, collapse, days, ids }) => {
      const sorted = [...days].sort((a, b) => a - b);
      const payloads = [...story.slice(0, steps), ...(collapse ? [{ type: 'hostilities.resumed' }] : [])];
      return payloads.map((payload, i) =>
        withDefaults({
          id: ids[i]!,
          occurred: isoFromDayNumber(sorted[i]!),
          precision: 'day',
          dateBasis: 'generated storyline',
          summary: `storyline ${String(payload.type)}`,
          hypothetical: true,
          ...payload,
          ...(payload.type === 'round.opened' ? { mediators: mediators.length > 0 ? mediators : [catalog.parties[0]!.id] } : {}),
        }),
      );
    });
}

/** A log built from generated events, each positioned by its index. */
export function logArbitrary(catalog: Catalog, options: LogArbitraryOptions = {}): fc.Arbitrary<EventLog> {
  return eventsArbitrary(catalog, options).map((events) => createLog(catalog, events.map((e, i) => toEntry(e, i))));
}

/**
 * A valid deal spec with 1 to 4 phases, random planned durations (or none),
 * next-phase talk due days within them, planned-end rules and requirements,
 * over the catalog's terms (some deferrable to a later phase).
 */
export function dealSpecArbitrary(catalog: Catalog): fc.Arbitrary<DealSpec> {
  const phaseArbitrary = fc
    .record({
      days: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
      due: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
      onPlannedEnd: fc.constantFrom(...plannedEndRules),
      ownAgreement: fc.boolean(),
      hostages: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    });
  return fc
    .record({
      phases: fc.array(phaseArbitrary, { minLength: 1, maxLength: 4 }),
      deferred: fc.subarray(catalog.terms.map((t) => t.id)),
      staleDays: fc.integer({ min: 1, max: 30 }),
    })
    .map(({ phases, deferred, staleDays }) =>
      dealSpecSchema.parse({
        id: 'generated-deal',
        label: 'A generated deal',
        phases: phases.map((p, i) => ({
          label: `Phase ${i + 1}`,
          days: p.days,
          // Due within the phase, and only where there is a next phase to talk about.
          nextPhaseTalksDueDay: i === phases.length - 1 || p.due === null ? null : p.days === null ? p.due : Math.min(p.due, p.days),
          onPlannedEnd: p.onPlannedEnd,
          requires: i === 0 || !p.ownAgreement ? 'agreement' : 'phase-agreement',
          figures: p.hostages === undefined ? {} : { hostages: p.hostages },
        })),
        agreement: { mustSettle: 'all-but-deferrable', mayDefer: phases.length < 2 ? [] : deferred.map((term) => ({ term, to: 2 })) },
        roundStaleAfterDays: staleDays,
      }),
    );
}
