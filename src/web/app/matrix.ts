// The terms x parties matrix: each principal's position and the gap between
// them, every cell a button that opens the statements behind it. Gap status is
// written out in words as well as coloured; hypothetical values say so.
import type { Meta, NegotiationState } from './api-client.js';
import { h } from './dom.js';

export interface CellRef {
  readonly title: string;
  readonly eventIds: readonly string[];
}

export interface MatrixOptions {
  readonly caption: string;
  /** Cells ("term/party" or "term/gap") to flag, with the reason shown in the cell. */
  readonly flags?: ReadonlyMap<string, string>;
  readonly onOpen: (cell: CellRef) => void;
  /** Distinguishes the ids of several matrices on one page. */
  readonly idPrefix: string;
}

export function gapText(gap: NegotiationState['gaps'][string]): { label: string; detail: string } {
  switch (gap.status) {
    case 'agreed':
      return { label: 'Agreed', detail: gap.option };
    case 'bridged':
      return { label: 'Bridged', detail: `overlap: ${gap.options.join(', ')}` };
    case 'open':
      return { label: 'Open', detail: gap.distance === null ? 'one side names only refusals' : `${gap.distance} step${gap.distance === 1 ? '' : 's'} apart` };
    case 'undetermined':
      return { label: 'Undetermined', detail: `neither rejects ${gap.candidates.join(', ')}` };
    case 'unknown':
      return { label: 'Unknown', detail: `no position from ${gap.missing.join(', ')}` };
  }
}

const hypBadge = () => h('span', { class: 'badge hyp' }, '◆ hypothetical');

export function renderMatrix(meta: Meta, state: NegotiationState, options: MatrixOptions): HTMLTableElement {
  const { catalog } = meta;
  const partyName = (id: string) => catalog.parties.find((p) => p.id === id)?.name ?? id;
  const optionLabel = (term: string, option: string) => catalog.terms.find((t) => t.id === term)?.ladder.find((o) => o.id === option)?.label ?? option;
  const [a, b] = catalog.principals;
  const table = h('table', { class: 'matrix', id: `${options.idPrefix}-matrix` });
  table.append(
    h('caption', {}, options.caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Term'), h('th', { scope: 'col' }, partyName(a)), h('th', { scope: 'col' }, partyName(b)), h('th', { scope: 'col' }, 'Gap'))),
  );
  const body = h('tbody');
  for (const term of catalog.terms) {
    const row = h('tr', { 'data-term': term.id }, h('th', { scope: 'row', title: term.axis }, term.label));
    for (const party of [a, b]) {
      const p = state.positions[term.id]?.[party];
      const flag = options.flags?.get(`${term.id}/${party}`);
      const cellId = `${options.idPrefix}-${term.id}-${party}`;
      const td = h('td', { class: `position${p?.hypothetical ? ' is-hyp' : ''}${flag ? ' flagged' : ''}`, 'data-party': party });
      if (p) {
        td.append(
          h(
            'button',
            { type: 'button', class: 'cell', id: cellId, title: `${partyName(party)} on ${term.label}: ${p.accepts.map((o) => optionLabel(term.id, o)).join(' or ')}${p.contested ? ' (contested)' : ''}. Show the statements behind it.`, onclick: () => options.onOpen({ title: `${partyName(party)} on ${term.label}`, eventIds: p.eventIds }) },
            h('span', { class: 'accepts' }, p.accepts.map((o) => optionLabel(term.id, o)).join(' or ')),
            p.accepts.length === 0 ? h('span', { class: 'rejects' }, `rejects ${p.rejects.map((o) => optionLabel(term.id, o)).join(', ')}`) : null,
            p.conditions.length > 0 ? h('span', { class: 'badge' }, 'conditional') : null,
            p.contested ? h('span', { class: 'badge contested' }, `contested: ${p.claims.length} claims`) : null,
            p.basis && p.basis.relation !== 'self' ? h('span', { class: 'badge' }, `according to ${p.basis.speaker}`) : null,
            p.hypothetical ? hypBadge() : null,
            h('span', { class: 'count' }, `${p.eventIds.length} statement${p.eventIds.length === 1 ? '' : 's'}`),
          ),
        );
      } else td.append(h('span', { class: 'none' }, 'no reported position'));
      if (flag) td.append(h('span', { class: 'badge flag' }, `⚑ ${flag}`));
      row.append(td);
    }
    const gap = state.gaps[term.id]!;
    const text = gapText(gap);
    const gapFlag = options.flags?.get(`${term.id}/gap`);
    const gapCell = h('td', { class: `gap gap-${gap.status}${gap.hypothetical ? ' is-hyp' : ''}${gapFlag ? ' flagged' : ''}`, 'data-gap': gap.status });
    const content = [
      h('span', { class: 'gap-label' }, text.label),
      h('span', { class: 'gap-detail' }, text.detail),
      gap.contested ? h('span', { class: 'badge contested' }, `contested: other claims give ${gap.alternatives.join(', ')}`) : null,
      gap.hypothetical ? hypBadge() : null,
    ];
    gapCell.append(
      gap.eventIds.length > 0
        ? h('button', { type: 'button', class: 'cell', id: `${options.idPrefix}-${term.id}-gap`, title: `Gap on ${term.label}: ${text.label}, ${text.detail}. Show the statements behind it.`, onclick: () => options.onOpen({ title: `Gap on ${term.label}: ${text.label.toLowerCase()}`, eventIds: gap.eventIds }) }, ...content)
        : h('span', { class: 'cell static', id: `${options.idPrefix}-${term.id}-gap` }, ...content),
    );
    if (gapFlag) gapCell.append(h('span', { class: 'badge flag' }, `⚑ ${gapFlag}`));
    row.append(gapCell);
    body.append(row);
  }
  table.append(body);
  return table;
}
