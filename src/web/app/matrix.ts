// The terms x parties matrix: each principal's position and the gap between
// them, every cell a button that opens the term's ladder and the claims behind
// it. Gap status is written out in words as well as coloured; contested and
// hypothetical values say so. With a scenario, one table compares the reported
// baseline and the what-if: two rows per term, so every column lines up.
import type { Meta, NegotiationState, ScenarioState } from './api-client.js';
import { h } from './dom.js';
import type { LadderView } from './ladder.js';
import { gapWords } from './gap-words.js';
import './matrix.css';

export interface CellRef {
  readonly title: string;
  readonly eventIds: readonly string[];
  /** The term's ladder with both sides on it, for a position or a gap. */
  readonly ladder?: LadderView;
}

export interface MatrixOptions {
  readonly caption: string;
  /** Cells ("term/party" or "term/gap") to flag, with the reason shown in the cell. */
  readonly flags?: ReadonlyMap<string, string>;
  readonly onOpen: (cell: CellRef) => void;
  /** Distinguishes the ids of several matrices on one page. */
  readonly idPrefix: string;
}

type Gap = NegotiationState['gaps'][string];


/** A gap in words, options and parties by the catalog's names: a label and a detail. Pure. */
export function gapText(gap: Gap, option: (id: string) => string, party: (id: string) => string): { label: string; detail: string } {
  const label = gapWords[gap.status].label;
  switch (gap.status) {
    case 'agreed':
      return { label, detail: option(gap.option) };
    case 'bridged':
      return { label, detail: `overlap: ${gap.options.map(option).join('; ')}` };
    case 'open':
      return { label, detail: gap.distance === null ? 'one side names only refusals' : `${gap.distance} step${gap.distance === 1 ? '' : 's'} apart` };
    case 'undetermined':
      return { label, detail: `neither position rejects ${gap.candidates.map(option).join('; ')}` };
    case 'unknown':
      return { label, detail: `no position from ${gap.missing.map(party).join(' or ')}` };
  }
}

/** The legend under a matrix: every gap status, then the marks a gap can carry (contested, hypothetical). */
export function renderGapLegend(): HTMLElement {
  const statuses = Object.entries(gapWords).flatMap(([status, s]) => [h('span', { class: `gap-${status}`, 'data-status': status }, s.label), ` ${s.meaning}; `]);
  return h(
    'p',
    { class: 'legend' },
    'Gaps: ',
    ...statuses,
    h('span', { class: 'badge contested', 'data-status': 'contested' }, 'contested'),
    ' other current claims would give another status; ',
    hypBadge(),
    ' rests on a hypothetical event. Select a cell to read the statements behind it.',
  );
}

const hypBadge = () => h('span', { class: 'badge hyp' }, '◆ hypothetical');
// Screen readers hear which cell this is; the visible text stays inside the name, as WCAG 2.5.3 asks.
const hidden = (text: string) => h('span', { class: 'visually-hidden' }, text);

type Term = Meta['catalog']['terms'][number];

function names(meta: Meta) {
  const { catalog } = meta;
  return {
    party: (id: string) => catalog.parties.find((p) => p.id === id)?.name ?? id,
    option: (term: string, option: string) => catalog.terms.find((t) => t.id === term)?.ladder.find((o) => o.id === option)?.label ?? option,
    outlet: (id: string | null) => catalog.sources.find((s) => s.id === id)?.outlet ?? id ?? 'no source',
  };
}

function ladderOf(meta: Meta, state: NegotiationState, term: Term, list: readonly string[]): LadderView {
  const n = names(meta);
  return {
    term,
    sides: meta.catalog.principals.map((party) => ({ party, name: n.party(party), position: state.positions[term.id]?.[party] ?? null })),
    gap: gapOnLadder(state.gaps[term.id]!, term, n.party),
    list,
    labelOf: (o) => n.option(term.id, o),
    outlet: n.outlet,
  };
}

/** A gap in the ladder's own terms: which steps, how many apart. Pure. */
function gapOnLadder(gap: Gap, term: Term, party: (id: string) => string): string {
  const steps = (ids: readonly string[]) => {
    const n = ids.map((id) => term.ladder.findIndex((o) => o.id === id) + 1).sort((a, b) => a - b);
    return `step${n.length === 1 ? '' : 's'} ${n.join(', ')}`;
  };
  switch (gap.status) {
    case 'agreed':
      return `Gap: agreed, on ${steps([gap.option])}`;
    case 'bridged':
      return `Gap: bridged, both accept ${steps(gap.options)}`;
    case 'open':
      return `Gap: open, ${gap.distance === null ? 'one side names only refusals' : `${gap.distance} step${gap.distance === 1 ? '' : 's'} apart`}`;
    case 'undetermined':
      return `Gap: undetermined, no step both accept; neither position rejects ${steps(gap.candidates)}`;
    case 'unknown':
      return `Gap: unknown, no position from ${gap.missing.map(party).join(' or ')}`;
  }
}

/** The cells of one term's row: a position per principal, then the gap. */
function cells(meta: Meta, state: NegotiationState, term: Term, options: MatrixOptions): HTMLTableCellElement[] {
  const n = names(meta);
  const label = (o: string) => n.option(term.id, o);
  const out: HTMLTableCellElement[] = [];
  for (const party of meta.catalog.principals) {
    const p = state.positions[term.id]?.[party];
    const flag = options.flags?.get(`${term.id}/${party}`);
    const td = h('td', { class: `position${p?.hypothetical ? ' is-hyp' : ''}${p?.contested ? ' is-contested' : ''}${flag ? ' flagged' : ''}`, 'data-party': party });
    const title = `${n.party(party)} on ${term.label}`;
    if (p) {
      td.append(
        h(
          'button',
          { type: 'button', class: 'cell', id: `${options.idPrefix}-${term.id}-${party}`, onclick: () => options.onOpen({ title, eventIds: p.eventIds, ladder: ladderOf(meta, state, term, [party]) }) },
          hidden(`${title}: `),
          p.accepts.length > 0 ? h('span', { class: 'accepts' }, p.accepts.map(label).join(' or ')) : h('span', { class: 'rejects' }, `rejects ${p.rejects.map(label).join(', ')}`),
          p.conditions.length > 0 ? h('span', { class: 'badge' }, 'conditional') : null,
          p.contested ? h('span', { class: 'badge contested' }, `⚠ contested: ${p.claims.length} claims, not all agree`) : null,
          p.basis && p.basis.relation !== 'self' ? h('span', { class: 'badge' }, `according to ${p.basis.speaker}`) : null,
          p.hypothetical ? hypBadge() : null,
          p.contested ? null : h('span', { class: 'count' }, `${p.claims.length} claim${p.claims.length === 1 ? '' : 's'}`),
        ),
      );
    } else td.append(h('span', { class: 'none' }, 'no reported position'));
    if (flag) td.append(h('span', { class: 'badge flag' }, `⚑ ${flag}`));
    out.push(td);
  }
  const gap = state.gaps[term.id]!;
  const text = gapText(gap, (o) => n.option(term.id, o), n.party);
  const gapFlag = options.flags?.get(`${term.id}/gap`);
  const gapCell = h('td', { class: `gap gap-${gap.status}${gap.hypothetical ? ' is-hyp' : ''}${gapFlag ? ' flagged' : ''}`, 'data-gap': gap.status });
  const content = [
    hidden(`Gap on ${term.label}: `),
    h('span', { class: 'gap-label' }, text.label),
    h('span', { class: 'gap-detail' }, text.detail),
    gap.contested ? h('span', { class: 'badge contested' }, `contested: other claims give ${gap.alternatives.join(', ')}`) : null,
    gap.hypothetical ? hypBadge() : null,
  ];
  gapCell.append(
    gap.eventIds.length > 0
      ? h('button', { type: 'button', class: 'cell', id: `${options.idPrefix}-${term.id}-gap`, onclick: () => options.onOpen({ title: `Gap on ${term.label}: ${text.label.toLowerCase()}`, eventIds: gap.eventIds, ladder: ladderOf(meta, state, term, meta.catalog.principals) }) }, ...content)
      : h('span', { class: 'cell static', id: `${options.idPrefix}-${term.id}-gap` }, ...content),
  );
  if (gapFlag) gapCell.append(h('span', { class: 'badge flag' }, `⚑ ${gapFlag}`));
  out.push(gapCell);
  return out;
}

const head = (meta: Meta, first: string[]) =>
  h('thead', {}, h('tr', {}, ...first.map((t) => h('th', { scope: 'col' }, t)), ...meta.catalog.principals.map((p) => h('th', { scope: 'col' }, names(meta).party(p))), h('th', { scope: 'col' }, 'Gap')));

/** The positions and gaps of one state. */
export function renderMatrix(meta: Meta, state: NegotiationState, options: MatrixOptions): HTMLTableElement {
  const table = h('table', { class: 'matrix', id: `${options.idPrefix}-matrix` });
  table.append(h('caption', {}, options.caption), head(meta, ['Term']));
  const body = h('tbody');
  for (const term of meta.catalog.terms) body.append(h('tr', { 'data-term': term.id }, h('th', { scope: 'row', title: term.axis }, term.label), ...cells(meta, state, term, options)));
  table.append(body);
  return table;
}

/**
 * The baseline and the what-if in one table: per term a "reported" row and a
 * "what-if" row, the what-if's cells that differ flagged.
 */
export function renderComparison(meta: Meta, st: ScenarioState, onOpen: (cell: CellRef) => void): HTMLTableElement {
  const flags = new Map<string, string>();
  for (const c of st.changes) {
    const [kind, term, party] = c.path.split('.');
    if (kind === 'positions') flags.set(`${term}/${party}`, 'differs from reported');
    if (kind === 'gaps') flags.set(`${term}/gap`, 'differs from reported');
  }
  const table = h('table', { class: 'matrix comparison', id: 'scenario-matrix' });
  table.append(h('caption', {}, `Reported (all sources) and what-if on ${st.at}, a pair of rows per term (◆ = rests on a hypothetical event)`), head(meta, ['Term', 'Account']));
  for (const term of meta.catalog.terms) {
    const changed = [...flags.keys()].some((k) => k.startsWith(`${term.id}/`));
    table.append(
      h(
        'tbody',
        { class: `pair${changed ? ' changed' : ''}`, 'data-term': term.id },
        h('tr', { 'data-term': term.id, 'data-side': 'baseline' }, h('th', { scope: 'rowgroup', rowspan: 2, title: term.axis }, term.label), h('th', { scope: 'row', class: 'side' }, 'reported'), ...cells(meta, st.baseline, term, { caption: '', onOpen, idPrefix: 'baseline' })),
        h('tr', { 'data-term': term.id, 'data-side': 'whatif' }, h('th', { scope: 'row', class: 'side whatif' }, '◆ what-if'), ...cells(meta, st.whatIf, term, { caption: '', flags, onOpen, idPrefix: 'whatif' })),
      ),
    );
  }
  return table;
}
