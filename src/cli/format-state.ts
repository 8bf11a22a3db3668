// Human-readable rendering of a state: who holds which position, according to
// whom, and what is hypothetical. Plain text, so it can go into a handout.
import type { EventLog } from '../domain/event-log.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import { describeLifecycle } from '../model/apply-event.js';
import type { NegotiationState } from '../model/negotiation-state.js';
import type { Marked } from '../model/replay-state.js';
import { describeReleases } from '../model/release-tally.js';
import { describeAgreement } from '../report/describe-agreement.js';
import { describeClaimant, describeOverride, describeResponse } from '../report/describe-claim.js';
import { describeGap } from '../report/describe-gap.js';
import { describeRound } from '../report/describe-round.js';
import { describeStance } from '../report/describe-stance.js';
import { HYPOTHETICAL_MARK } from '../report/hypothetical-mark.js';
import { describeSpeaker } from '../report/describe-speaker.js';
import { appendAll } from '../domain/append-all.js';
import { displayWidth, fitLines, padToWidth } from './screen-text.js';

export { HYPOTHETICAL_MARK };

const hyp = (m: Pick<Marked, 'hypothetical'> | null | undefined) => (m?.hypothetical ? ` ${HYPOTHETICAL_MARK}` : '');


/** "Kirby (us), told reporters; anadolu-2024-08-23" */
export function describeAttribution(event: ParleyEvent): string {
  if (event.hypothetical) return 'hypothetical';
  const a = event.attribution;
  const who = describeSpeaker(a);
  return `${who}; ${event.source ?? 'no source'}`;
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c]!))));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : padToWidth(cell, widths[c]!))).join('  ').trimEnd());
}

function sources(log: EventLog, ids: readonly string[]): string {
  const names = new Set<string>();
  for (const id of ids) {
    const e = log.byId.get(id)?.event;
    names.add(e?.hypothetical ? 'hypothetical' : e?.source ?? id);
  }
  return [...names].join(', ');
}

export interface FormatOptions {
  /** Print the quote and attribution behind every position. */
  readonly quotes?: boolean;
  /** Columns to fit every line in (a line too long is wrapped under its own indent); 80 when not given. */
  readonly width?: number;
}

/** A terminal's usual width, which a pipe and a handout get too. */
const DEFAULT_WIDTH = 80;

/** The terms table: one row per term with the gap last, or, when that is wider than `width`, each gap on its own line under its row. */
function termsTable(rows: readonly string[][], width: number): string[] {
  const wide = table(rows).map((l) => `  ${l}`);
  if (wide.every((l) => displayWidth(l) <= width)) return wide;
  const narrow = table(rows.map((r) => r.slice(0, -1))).map((l) => `  ${l}`);
  return narrow.flatMap((l, i) => (i === 0 ? [l] : [l, `      gap: ${rows[i]!.at(-1)}`]));
}

/** Claims listed under one contested position in the text (the deciding one always among them). */
const CLAIMS_LISTED = 12;

/** The state as text for a terminal, every line at most `options.width` columns: phase, round, proposals, the terms table, contested positions and responses (a few claims each), other parties and figures. Pure. */
export function formatState(state: NegotiationState, log: EventLog, options: FormatOptions = {}): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const lines: string[] = [];
  const scope = [state.sources ? `as reported by ${state.sources.join(', ')}` : 'all sources', state.knownAt ? `reported in these sources by ${state.knownAt}` : null, `positions by the ${state.policy} policy`]
    .filter(Boolean)
    .join('; ');
  lines.push(`Reported state on ${state.date} (${scope}; ${state.eventCount} events, ${state.hypotheticalEventCount} hypothetical)`);
  const since = state.phaseSince ? ` since ${state.phaseSince.date}${hyp(state.phaseSince)}` : '';
  const stale = state.round?.status === 'last-reported-in-session' && state.stage === 'roundInSession';
  const lifecycle = stale ? `${state.phase} (round last reported in session on ${state.round!.lastReported})` : describeLifecycle(state.stage ? `${state.phase}.${state.stage}` : state.phase);
  lines.push(`Phase: ${lifecycle}${since}`);
  if (state.clock) lines.push(`Clock: ${state.clock.facts.join('; ')}${hyp(state.clock)}`);
  // Parties by name: an id such as "us" reads as a pronoun in a sentence.
  const party = (id: string) => log.catalog.partyById.get(id)?.name ?? id;
  if (state.round) lines.push(`Round: ${describeRound(state.round)}, mediated by ${state.round.mediators.map(party).join(', ')}${hyp(state.round)} (${state.roundsOpened} opened so far)`);
  if (state.agreement) lines.push(`Agreement: reached ${state.agreement.date}${hyp(state.agreement)}; ${describeAgreement(state.agreement)}`);

  lines.push('', 'Proposals:');
  const proposals = Object.values(state.proposals);
  if (proposals.length === 0) lines.push('  none');
  for (const p of proposals) {
    lines.push(`  ${p.id}: "${p.title}", tabled by ${party(p.by)} on ${p.tabled}${hyp(p)} [${sources(log, p.eventIds)}]`);
    for (const [party, r] of Object.entries(p.responses)) {
      lines.push(`    ${party}: ${describeResponse(r)} on ${r.date}${hyp(r)} [${sources(log, r.eventIds)}]`);
      if (!r.contested) continue;
      for (const c of r.claims.slice(0, CLAIMS_LISTED)) lines.push(`      ${describeClaimant(c)}: ${c.response}${c.as === 'basis' ? ' as a basis' : ''} (${c.date})${hyp(c)}`);
      if (r.claims.length > CLAIMS_LISTED) lines.push(`      ... and ${r.claims.length - CLAIMS_LISTED} more claims (--json lists them all)`);
    }
  }

  const [a, b] = log.catalog.principals;
  lines.push('', `Terms (${a} / ${b}):`);
  const rows = [['term', a, b, 'gap']];
  for (const term of log.catalog.terms) {
    const cell = (party: string) => {
      const p = state.positions[term.id]?.[party];
      return p ? `${p.accepts.length > 0 ? p.accepts.join('|') : `not ${p.rejects.join('|')}`}${p.conditions.length ? ' (conditional)' : ''}${p.contested ? ' [C]' : ''}${p.hypothetical ? ' [H]' : ''}` : '-';
    };
    const gap = state.gaps[term.id]!;
    rows.push([term.id, cell(a), cell(b), `${describeGap(gap)}${gap.contested ? ` [C: other claims give ${gap.alternatives.join(', ')}]` : ''}${gap.hypothetical ? ' [H]' : ''}`]);
  }
  appendAll(lines, termsTable(rows, width));
  const all = Object.values(state.positions).flatMap((byParty) => Object.values(byParty));
  if (all.some((p) => p.contested)) lines.push(`  [C] = contested: the claims about it disagree (listed below)`);
  if (all.some((p) => p.hypothetical)) lines.push(`  [H] = rests on a hypothetical event`);

  const contested: string[] = [];
  for (const term of log.catalog.terms) {
    for (const party of log.catalog.parties) {
      const p = state.positions[term.id]?.[party.id];
      if (!p?.contested) continue;
      contested.push(`  ${party.id} on ${term.id}: ${describeStance(p)}${p.basis ? `, by ${describeClaimant(p.basis)}` : ' (consensus of all claims)'}`);
      // A big log can hold thousands of claims on one position: the text lists the deciding one and the first few, --json all.
      // The claims of one position never share an event, so one id tells the deciding claim apart (a join per claim cost megabytes on a big log).
      const decidingId = p.basis?.eventIds[0];
      const deciding = (c: (typeof p.claims)[number]) => decidingId !== undefined && c.eventIds[0] === decidingId;
      const shown = p.claims.filter((c, i) => i < CLAIMS_LISTED || deciding(c));
      for (const c of shown) contested.push(`    ${deciding(c) ? '*' : '-'} ${describeClaimant(c)}, ${c.date}: ${describeStance(c)}${c.inference ? ` [inferred: ${c.inference}]` : ''}${hyp(c)}`);
      if (shown.length < p.claims.length) contested.push(`    ... and ${p.claims.length - shown.length} more claims (--json lists them all)`);
    }
  }
  if (contested.length > 0) {
    lines.push('', `Contested positions (* = the claim the ${state.policy} policy takes):`);
    appendAll(lines, contested);
  }

  const others = log.catalog.parties.filter((p) => p.role !== 'principal');
  const otherLines: string[] = [];
  for (const term of log.catalog.terms) {
    for (const party of others) {
      const p = state.positions[term.id]?.[party.id];
      if (p) otherLines.push(`  ${party.id} on ${term.id}: ${describeStance(p)}${hyp(p)} [${sources(log, p.eventIds)}]`);
    }
  }
  if (otherLines.length > 0) lines.push('', 'Other parties:', ...otherLines);

  if (options.quotes) {
    lines.push('', 'Who said it:');
    for (const [term, byParty] of Object.entries(state.positions)) {
      for (const [party, p] of Object.entries(byParty)) {
        lines.push(`  ${term} / ${party}: ${describeStance(p)}`);
        for (const c of p.claims) {
          lines.push(`    ${describeClaimant(c)}, ${c.date}: ${describeStance(c)}${c.inference ? ` [inferred: ${c.inference}]` : ''}`);
          for (const id of c.eventIds) {
            const e = log.byId.get(id)?.event;
            if (!e) continue;
            lines.push(`      ${e.occurred} ${describeAttribution(e)}${e.quote ? `: "${e.quote}"` : ''} (${id})`);
          }
        }
      }
    }
  }

  lines.push('', 'Assessments of the talks, by source:');
  const assessed = Object.entries(state.assessments);
  if (assessed.length === 0) lines.push('  none');
  for (const [source, list] of assessed) {
    for (const x of list) lines.push(`  ${source}: ${x.speaker} ${x.tone} (CAMEO ${x.cameo}) on ${x.date}${hyp(x)}`);
  }

  const figures = Object.entries(state.figures);
  if (figures.length > 0) {
    lines.push('', 'Figures:');
    for (const [figure, list] of figures) for (const f of list) lines.push(`  ${figure}: ${f.value}${f.qualifier ? ` (${f.qualifier})` : ''} according to ${f.source} on ${f.date}${hyp(f)}`);
  }
  if (state.releases.length > 0) {
    lines.push('', 'Released under the deal:');
    for (const t of state.releases) lines.push(`  ${describeReleases(t)}${hyp({ hypothetical: [t.living, t.remains, t.prisoners].some((x) => x?.hypothetical) })}`);
  }

  if (state.overrides.length > 0) {
    lines.push('', 'What-if claims that later reports override:');
    for (const o of state.overrides) lines.push(`  ${describeOverride(o)}`);
  }

  lines.push('', state.anomalies.length === 0 ? 'Anomalies: none' : `Anomalies (${state.anomalies.length}):`);
  for (const x of state.anomalies) lines.push(`  ${x.date} ${x.eventId} (${x.type}): ${x.reason}${hyp(x)}`);
  return fitLines(lines, width).join('\n');
}
