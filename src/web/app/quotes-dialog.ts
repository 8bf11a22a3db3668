// The statements behind a value: quote, speaker and source of each event, in a
// modal dialog that Escape or the Close button dismisses.
import { type EventDetail, api } from './api-client.js';
import { byId, h } from './dom.js';

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

export async function openQuotes(title: string, eventIds: readonly string[]): Promise<void> {
  const dialog = byId<HTMLDialogElement>('quotes');
  const list = h('ol', { class: 'statements' }, h('li', {}, 'Loading…'));
  byId('quotes-title').textContent = title;
  byId('quotes-body').replaceChildren(list);
  if (!dialog.open) dialog.showModal();
  const details = await Promise.all(eventIds.map((id) => api.event(id)));
  list.replaceChildren(...details.map(statement));
  byId('quotes-count').textContent = `${details.length} statement${details.length === 1 ? '' : 's'}, from ${new Set(details.map((d) => (d.event.hypothetical ? 'the scenario' : d.source?.outlet ?? d.event.source))).size} source(s)`;
}
