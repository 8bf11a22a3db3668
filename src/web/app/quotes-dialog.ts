// The statements behind a value, in a modal dialog that Escape or the Close
// button dismisses. For a position or a gap it first shows the term's ladder
// with each side placed on it, then every claim with its speaker, relation,
// source and quote; otherwise the quote, speaker and source of each event.
import { type EventDetail, api } from './api-client.js';
import { byId, h } from './dom.js';
import { type LadderView, renderClaims, renderLadder } from './ladder.js';
import './quotes-dialog.css';

function statement({ event: e, source }: EventDetail): HTMLLIElement {
  const a = e.attribution;
  const speaker = a ? `${a.speaker}${a.via ? `, via ${a.via}` : ''}${a.onRecord ? '' : ' (not on record)'}` : 'unattributed';
  return h(
    'li',
    { class: `statement${e.hypothetical ? ' is-hyp' : ''}`, 'data-event': e.id },
    h('p', { class: 'when' }, `${e.occurred} · ${e.type}`, e.hypothetical ? h('span', { class: 'badge hyp' }, '◆ hypothetical') : null),
    h('p', { class: 'summary' }, e.summary),
    e.quote ? h('blockquote', {}, `“${e.quote}”`) : null,
    e.hypothetical
      ? h('p', { class: 'source' }, 'A what-if event from the scenario, reported by no source.')
      : h('p', { class: 'source' }, `Said by ${speaker}; according to `, source ? h('cite', {}, `${source.outlet}, “${source.title}”, ${source.published}`) : (e.source ?? 'no source')),
  );
}

let opened = 0;

/** Opens the dialog at its top; with a ladder, shows the ladder and the claims instead of bare statements. Not pure: fetches events. */
export async function openQuotes(title: string, eventIds: readonly string[], ladder?: LadderView | null): Promise<void> {
  const mine = ++opened;
  const dialog = byId<HTMLDialogElement>('quotes');
  const heading = byId('quotes-title');
  heading.textContent = title;
  heading.tabIndex = -1;
  const body = byId('quotes-body');
  const ladderTable = ladder ? renderLadder(ladder) : null;
  body.replaceChildren(...(ladderTable ? [ladderTable] : []), h('p', { class: 'loading' }, 'Loading…'));
  byId('quotes-count').textContent = '';
  if (!dialog.open) dialog.showModal();
  // showModal focuses the first control, the Close button at the bottom; a long dialog must start at its top.
  heading.focus({ preventScroll: true });
  dialog.scrollTop = 0;
  if (ladder) {
    const list = await renderClaims(ladder);
    if (mine !== opened) return;
    body.replaceChildren(ladderTable!, list);
    const claims = ladder.sides.filter((s) => ladder.list.includes(s.party)).flatMap((s) => s.position?.claims ?? []);
    const outlets = new Set(claims.map((c) => (c.hypothetical ? 'the scenario' : ladder.outlet(c.source))));
    byId('quotes-count').textContent = `${claims.length} claim${claims.length === 1 ? '' : 's'}, from ${outlets.size} source(s)`;
  } else {
    const details = await Promise.all(eventIds.map((id) => api.event(id)));
    if (mine !== opened) return;
    body.replaceChildren(h('ol', { class: 'statements' }, ...details.map(statement)));
    byId('quotes-count').textContent = `${details.length} statement${details.length === 1 ? '' : 's'}, from ${new Set(details.map((d) => (d.event.hypothetical ? 'the scenario' : d.source?.outlet ?? d.event.source))).size} source(s)`;
  }
  dialog.scrollTop = 0;
}
