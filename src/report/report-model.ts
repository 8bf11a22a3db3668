// A handout of the state on a date as data: every statement it rests on
// becomes a numbered note (outlet, title, date, quote), hypothetical ones say
// so. The Markdown and HTML renderers only lay this out.
import type { EventLog } from '../domain/event-log.js';
import { describeLifecycle } from '../model/apply-event.js';
import { type Policy, defaultPolicy } from '../model/claims.js';
import type { Gap } from '../model/gaps.js';
import type { NegotiationState } from '../model/negotiation-state.js';
import type { Position } from '../model/replay-state.js';
import type { StateChange } from '../model/state-diff.js';
import { type ChangeText, type Names, describeChanges } from './describe-change.js';
import { describeGap } from './describe-gap.js';
import { describeRoundStatus } from './describe-round.js';
import { dateWords, onDate } from './describe-date.js';
import { describeSpeaker } from './describe-speaker.js';
import { describeStance } from './describe-stance.js';

export interface Note {
  readonly n: number;
  readonly eventId: string;
  readonly occurred: string;
  readonly hypothetical: boolean;
  readonly summary: string;
  readonly quote: string | null;
  readonly speaker: string | null;
  /** Outlet, title and publication date of the source; null for a hypothetical event. */
  readonly outlet: string | null;
  readonly title: string | null;
  readonly published: string | null;
}

export interface Cited {
  readonly text: string;
  readonly hypothetical: boolean;
  readonly notes: readonly number[];
}

export interface TermRow {
  readonly term: string;
  readonly positions: readonly (Cited | null)[];
  readonly gap: Cited & { readonly status: Gap['status'] };
}

export interface Report {
  readonly title: string;
  readonly date: string;
  /** What the state was limited to (what these outlets had reported by a date, some outlets), in words; null when it was not. */
  readonly scope: string | null;
  /** The policy the positions were derived by (README, "Claims and policies"). */
  readonly policy: Policy;
  readonly scenario: { readonly title: string; readonly description: string } | null;
  readonly counts: { readonly events: number; readonly hypothetical: number };
  readonly phase: Cited;
  readonly round: Cited | null;
  readonly proposals: readonly Cited[];
  readonly principals: readonly string[];
  readonly terms: readonly TermRow[];
  readonly others: readonly Cited[];
  readonly assessments: readonly Cited[];
  /** What the scenario changes against the reported baseline on the date. */
  readonly changes: readonly (ChangeText & { readonly notes: readonly number[] })[] | null;
  readonly notes: readonly Note[];
}

export interface ReportInput {
  readonly state: NegotiationState;
  readonly log: EventLog;
  /** With a scenario: the reported log, where the evidence for values the what-if dropped lives. */
  readonly baseline?: EventLog;
  readonly scenario?: { readonly title: string; readonly description: string; readonly changes: readonly StateChange[] };
}


// Labels may hold "or", commas and semicolons themselves ("…by technical means or by an
// international mission"), so a set of options is joined by a mark no sentence uses.
const OPTION_SEPARATOR = ' / ';

// A party named mid-sentence: "tabled by the mediators", not "by The mediators".
const midSentence = (name: string) => name.replace(/^The /, 'the ');

// Who decided a value, when it is not the party itself: "according to John Kirby".
const accordingTo = (basis: { relation: string; speaker: string } | null) => (basis && basis.relation !== 'self' ? `, according to ${basis.speaker}` : '');

const and = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

const POLICY_TEXT: Readonly<Record<Policy, string>> = {
  'first-hand': "each party's own words first, then mediators, other parties, the outlet's narration",
  latest: 'the last report wins, whoever made it',
  consensus: 'only what every claim agrees on',
};

/** What the state was limited to, in words, and the policy when it is not the default one; null when neither. Pure. */
function scopeText(knownAt: string | null, outlets: readonly string[] | null, policy: Policy): string | null {
  const limit =
    knownAt && outlets ? `Only what ${and(outlets)} had reported by ${knownAt}; other outlets and later reports are left out.`
    : knownAt ? `Only what the log's sources had reported by ${knownAt}; later reports are left out.`
    : outlets ? `Only events reported by ${and(outlets)}; other outlets are left out.`
    : null;
  const derived = policy === defaultPolicy ? null : `Positions by the ${policy} policy: ${POLICY_TEXT[policy]}.`;
  return limit && derived ? `${limit} ${derived}` : limit ?? derived;
}

/** The handout's content for a state: every statement numbered to the events behind it. Pure. */
export function buildReport({ state, log, baseline, scenario }: ReportInput): Report {
  const { catalog } = log;
  const notes: Note[] = [];
  const numbers = new Map<string, number>();
  const cite = (ids: readonly string[]): number[] =>
    [...new Set(ids)].map((id) => {
      let n = numbers.get(id);
      if (n === undefined) {
        const entry = log.byId.get(id) ?? baseline?.byId.get(id);
        if (entry === undefined) throw new Error(`event ${id} is in neither the what-if nor the baseline log`);
        const e = entry.event;
        const source = e.hypothetical || e.source === undefined ? undefined : catalog.sourceById.get(e.source);
        const a = e.attribution;
        n = notes.length + 1;
        numbers.set(id, n);
        notes.push({
          n,
          eventId: id,
          occurred: e.occurred,
          hypothetical: e.hypothetical,
          summary: e.summary,
          quote: e.quote ?? null,
          speaker: a ? describeSpeaker(a, null) : null,
          outlet: source?.outlet ?? (e.hypothetical ? null : e.source ?? null),
          title: source?.title ?? null,
          published: source?.published ?? null,
        });
      }
      return n;
    });
  const cited = (text: string, m: { eventIds: readonly string[]; hypothetical: boolean }): Cited => ({ text, hypothetical: m.hypothetical, notes: cite(m.eventIds) });
  const party = (id: string) => catalog.partyById.get(id)?.name ?? id;
  const label = (term: string) => (option: string) => catalog.termById.get(term)?.ladder.find((o) => o.id === option)?.label ?? option;
  const outlet = (id: string) => catalog.sourceById.get(id)?.outlet ?? id;
  // A handout names things as the catalog does; ids stay in the notes, as provenance.
  const names: Names = {
    party,
    term: (id) => catalog.termById.get(id)?.label ?? id,
    options: (term, ids) => ids.map(label(term)).join(OPTION_SEPARATOR),
    source: outlet,
    proposal: (id) => (Object.hasOwn(state.proposals, id) ? state.proposals[id]!.title : id),
  };

  // How precisely the events behind a date dated it, the most precise winning (a week-precision
  // event is still dated to a day, so "on D" would claim more than its source says).
  const precision = (ids: readonly string[], date: string) => {
    const dated = ids.map((id) => (log.byId.get(id) ?? baseline?.byId.get(id))?.event).filter((e) => e?.occurred === date);
    return dated.length > 0 && dated.every((e) => e!.precision === 'week') ? 'week' : 'day';
  };
  const phaseText = describeLifecycle(state.stage ? `${state.phase}.${state.stage}` : state.phase);
  // The clock's facts belong with the phase, and cite the events they rest on too.
  const clock = state.clock;
  const phaseMark = state.phaseSince && { eventIds: [...new Set([...state.phaseSince.eventIds, ...(clock?.eventIds ?? [])])], hypothetical: state.phaseSince.hypothetical || (clock?.hypothetical ?? false) };
  const phase = phaseMark ? cited(`${phaseText}, since ${dateWords(state.phaseSince!.date)}${clock ? `; ${clock.facts.join('; ')}` : ''}`, phaseMark) : { text: phaseText, hypothetical: false, notes: [] };
  const r = state.round;
  const round = r ? cited(`${r.venue} round (${r.id}, ${r.purpose}), mediated by ${r.mediators.map((m) => midSentence(party(m))).join(', ')}: ${describeRoundStatus(r)}`, r) : null;
  const proposals = Object.values(state.proposals).flatMap((p) => [
    cited(`"${p.title}", tabled by ${midSentence(party(p.by))} ${onDate(p.tabled, precision(p.eventIds, p.tabled))}`, p),
    ...Object.entries(p.responses).map(([who, x]) =>
      cited(`${party(who)} ${x.response} "${p.title}"${x.as === 'basis' ? ' as a basis for talks' : ''} ${onDate(x.date, precision(x.eventIds, x.date))}${accordingTo(x.basis)}`, x),
    ),
  ]);
  // A refusal is said as one ("rejects …"), never left an empty cell; a position another speaker reports says whose it is.
  const stance = (term: string, pos: Position) =>
    `${describeStance(pos, label(term), OPTION_SEPARATOR)}${pos.conditions.length ? ' (conditional)' : ''}${accordingTo(pos.basis)}`;
  const terms = catalog.terms.map((t): TermRow => {
    const gap = state.gaps[t.id]!;
    return {
      term: t.label,
      positions: catalog.principals.map((p) => {
        const pos = state.positions[t.id]?.[p];
        return pos ? cited(stance(t.id, pos), pos) : null;
      }),
      gap: { ...cited(describeGap(gap, { option: label(t.id), party: (id) => midSentence(party(id)), proposal: names.proposal, separator: OPTION_SEPARATOR }), gap), status: gap.status },
    };
  });
  const others = catalog.terms.flatMap((t) =>
    catalog.parties
      .filter((p) => !catalog.principals.includes(p.id))
      .flatMap((p) => {
        const pos = state.positions[t.id]?.[p.id];
        return pos ? [cited(`${p.name} on ${t.label}: ${stance(t.id, pos)}`, pos)] : [];
      }),
  );
  const assessments = Object.entries(state.assessments).flatMap(([source, list]) =>
    list.map((a) => cited(`${a.speaker}: ${a.tone} (${a.date}), according to ${outlet(source)}`, a)),
  );
  const changes = scenario ? describeChanges(scenario.changes, names).map((c) => ({ ...c, notes: cite(c.eventIds) })) : null;
  return {
    title: scenario ? `What-if on ${state.date}: ${scenario.title}` : `The reported state of the talks on ${state.date}`,
    date: state.date,
    scope: scopeText(state.knownAt, state.sources?.map(outlet) ?? null, state.policy),
    policy: state.policy,
    scenario: scenario ? { title: scenario.title, description: scenario.description } : null,
    counts: { events: state.eventCount, hypothetical: state.hypotheticalEventCount },
    phase,
    round,
    proposals,
    principals: catalog.principals.map(party),
    terms,
    others,
    assessments,
    changes,
    notes,
  };
}
