// A term's ladder (its options in order, one concession step apart) with
// where each principal stands on it: the position the policy derives, and
// every claim behind it, numbered so the list below can say who made it,
// how they relate to the party, according to which outlet, and in what words.
import { type EventDetail, type Meta, type NegotiationState, api } from './api-client.js';
import { h } from './dom.js';
import './ladder.css';

type Position = NegotiationState['positions'][string][string];
type Claim = Position['claims'][number];
type Term = Meta['catalog']['terms'][number];

export interface LadderView {
  readonly term: Term;
  /** The two principals, each with its name and position (null when it has none). */
  readonly sides: readonly { readonly party: string; readonly name: string; readonly position: Position | null }[];
  /** What the gap between them is, in words ("Open: 2 steps apart"). */
  readonly gap: string;
  /** Whose claims to list: one principal's (a position cell) or both (the gap cell). */
  readonly list: readonly string[];
  readonly labelOf: (option: string) => string;
  /** The outlet's name for a source id. */
  readonly outlet: (source: string | null) => string;
}

const rankWords: Readonly<Record<Claim['rank'], string>> = {
  'own-on-record': 'the party’s own words, on record',
  'own-off-record': 'the party’s own words, not on record',
  mediator: 'a mediator’s account',
  'other-party': 'the other side’s account',
  narration: 'the outlet’s own narration',
};

/** Claim numbers, one sequence over both sides, in the order the sides are shown. */
function numbered(view: LadderView): Map<Claim, number> {
  const numbers = new Map<Claim, number>();
  for (const side of view.sides) for (const c of side.position?.claims ?? []) numbers.set(c, numbers.size + 1);
  return numbers;
}

const isBasis = (p: Position, c: Claim) => p.basis !== null && c.eventIds.some((id) => p.basis!.eventIds.includes(id)) && c.speaker === p.basis.speaker;

function stance(p: Position | null, option: string, numbers: Map<Claim, number>): HTMLElement {
  const cell = h('td', { class: 'stance' });
  if (!p) return cell;
  const held = p.accepts.includes(option) ? 'accepts' : p.rejects.includes(option) ? 'rejects' : null;
  if (held) cell.append(h('span', { class: `held ${held}` }, held === 'accepts' ? `✓ accepts${p.prefers === option ? ' (prefers)' : ''}` : '✗ rejects'));
  const claims = p.claims.flatMap((c) => (c.accepts.includes(option) ? [`${numbers.get(c)}✓`] : c.rejects.includes(option) ? [`${numbers.get(c)}✗`] : []));
  if (claims.length > 0) cell.append(h('span', { class: 'claim-refs' }, `claims ${claims.join(' ')}`));
  return cell;
}

/** The ladder as a table: a row per option (step 1 at the top), a column per principal. */
export function renderLadder(view: LadderView): HTMLElement {
  const { labelOf } = view;
  const numbers = numbered(view);
  const overlap = (option: string) => view.sides.every((s) => s.position?.accepts.includes(option));
  const table = h(
    'table',
    { class: 'ladder' },
    h('caption', {}, `${view.term.label}: the options in order, one concession step per row. ${view.gap}.`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'step' }, 'Step'), h('th', { scope: 'col' }, 'Option'), ...view.sides.map((s) => h('th', { scope: 'col' }, s.name)))),
    h(
      'tbody',
      {},
      ...view.term.ladder.map((o, i) =>
        h('tr', { 'data-option': o.id, class: overlap(o.id) ? 'overlap' : '' }, h('td', { class: 'step' }, String(i + 1)), h('th', { scope: 'row' }, labelOf(o.id)), ...view.sides.map((s) => stance(s.position, o.id, numbers))),
      ),
    ),
  );
  return h('div', { class: 'ladder-wrap' }, table, h('p', { class: 'ladder-key' }, ladderKey(view, numbers)));
}

/** The key under the ladder, true to what the list below holds: a position cell lists one side's claims only. */
function ladderKey(view: LadderView, numbers: Map<Claim, number>): string {
  const range = (claims: readonly Claim[]) => {
    const n = claims.map((c) => numbers.get(c)!);
    return n.length === 1 ? `claim ${n[0]}` : `claims ${n[0]}–${n[n.length - 1]}`;
  };
  const unlisted = view.sides.filter((s) => !view.list.includes(s.party) && (s.position?.claims.length ?? 0) > 0);
  const where =
    unlisted.length === 0
      ? 'every numbered claim is listed below'
      : `${unlisted.map((s) => `${s.name}’s (${range(s.position!.claims)})`).join(' and ')} are listed in ${unlisted.length === 1 ? 'its own' : 'their own'} position cell, the others below`;
  return `✓ accepts, ✗ rejects: the position the policy derives. “claims 2✓”: claim 2 accepts it; ${where}.`;
}

function quoteOf(d: EventDetail | undefined): HTMLElement | null {
  return d?.event.quote ? h('blockquote', {}, `“${d.event.quote}”`) : null;
}

function claimItem(c: Claim, n: number, p: Position, labelOf: (option: string) => string, details: Map<string, EventDetail>, outlet: (id: string | null) => string): HTMLLIElement {
  const says = [c.accepts.length ? `accepts ${c.accepts.map(labelOf).join(' or ')}` : '', c.rejects.length ? `rejects ${c.rejects.map(labelOf).join(', ')}` : ''].filter(Boolean).join('; ');
  const first = details.get(c.eventIds[0] ?? '');
  return h(
    'li',
    { class: `claim statement${c.hypothetical ? ' is-hyp' : ''}`, value: String(n), 'data-claim': String(n), 'data-rank': c.rank, 'data-events': c.eventIds.join(' ') },
    h('p', { class: 'who' }, h('strong', {}, c.speaker), ` · ${rankWords[c.rank]} `, isBasis(p, c) ? h('span', { class: 'badge decides' }, 'decides the position') : null, c.hypothetical ? ' ' : null, c.hypothetical ? h('span', { class: 'badge hyp' }, '◆ hypothetical') : null),
    h('p', { class: 'says' }, says || 'no stance on an option'),
    c.inference ? h('p', { class: 'inference' }, `Read as: ${c.inference}`) : null,
    ...c.eventIds.map((id) => quoteOf(details.get(id))),
    h(
      'p',
      { class: 'source' },
      c.hypothetical ? 'A what-if claim from the scenario, reported by no source.' : `Said ${c.date}, according to ${outlet(c.source)}${first?.source ? `, “${first.source.title}”` : ''}, reported ${c.reported}.`,
    ),
  );
}

/** Each listed side's claims with their quotes, fetched from the API. */
export async function renderClaims(view: LadderView): Promise<HTMLElement> {
  const { labelOf, outlet } = view;
  const numbers = numbered(view);
  const sides = view.sides.filter((s) => view.list.includes(s.party));
  const ids = [...new Set(sides.flatMap((s) => (s.position?.claims ?? []).flatMap((c) => c.eventIds)))];
  const details = new Map((await Promise.all(ids.map((id) => api.event(id)))).map((d) => [d.event.id, d]));
  return h(
    'div',
    { class: 'claims' },
    ...sides.map((s) => {
      const p = s.position;
      if (!p) return h('p', { class: 'none' }, `${s.name}: no reported position.`);
      const heading = `${s.name}: ${p.claims.length} claim${p.claims.length === 1 ? '' : 's'}${p.contested ? ', contested (they disagree)' : ''}`;
      return h('section', { class: 'claims-of', 'data-party': s.party }, h('h3', {}, heading), h('ol', {}, ...p.claims.map((c) => claimItem(c, numbers.get(c)!, p, labelOf, details, outlet))));
    }),
  );
}
