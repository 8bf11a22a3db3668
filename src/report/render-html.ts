// The handout as one self-contained HTML file (inline style, no scripts, no
// external requests). Every piece of log text is escaped; gap status is a word
// as well as a colour; hypothetical values are marked in text.
import type { Cited, Note, Report } from './report-model.js';
import { HYPOTHETICAL_MARK } from './hypothetical-mark.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const e = escapeHtml;
const HYP = `<span class="hyp">${HYPOTHETICAL_MARK}</span>`;

const refs = (notes: readonly number[]) => notes.map((n) => `<sup><a href="#note-${n}">${n}</a></sup>`).join('');
const cite = (c: Cited) => `${e(c.text)}${c.hypothetical ? ` ${HYP}` : ''}${refs(c.notes)}`;

function note(x: Note): string {
  if (x.hypothetical) return `<li id="note-${x.n}" class="is-hyp">${HYP} ${e(x.summary)} A what-if event from the scenario, reported by no source (${e(x.occurred)}).</li>`;
  const source = [x.outlet ? e(x.outlet) : null, x.title ? `<cite>${e(x.title)}</cite>` : null, x.published ? e(x.published) : null].filter(Boolean).join(', ');
  return `<li id="note-${x.n}">${source}.${x.quote ? ` <q>${e(x.quote)}</q>` : ''}${x.speaker ? ` Said by ${e(x.speaker)}` : ''} <span class="id">(event of ${e(x.occurred)}, ${e(x.eventId)})</span></li>`;
}

const style = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1c1c1c;line-height:1.45}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f1f1f1}.gap-open{background:#fde2e1}.gap-bridged{background:#fff1c2}.gap-agreed{background:#dcf2e1}.gap-unknown{background:#eee}
.hyp{color:#5b2a86;font-weight:600}.scenario{border:2px dashed #5b2a86;padding:.5rem 1rem}.id{color:#666;font-size:.85em}sup a{text-decoration:none}
@media print{a{color:inherit}}`;

export function renderHtml(r: Report): string {
  const list = (items: readonly Cited[]) => `<ul>${items.map((i) => `<li>${cite(i)}</li>`).join('')}</ul>`;
  const parts = [
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${e(r.title)}</title>\n<style>${style}</style>\n</head>\n<body>`,
    `<h1>${e(r.title)}</h1>`,
  ];
  if (r.scenario) parts.push(`<p class="scenario">${HYP} ${e(r.scenario.description)} Values marked ${HYPOTHETICAL_MARK} rest on events that did not happen.</p>`);
  parts.push(`<p>Replayed from ${r.counts.events} events${r.counts.hypothetical ? `, ${r.counts.hypothetical} of them hypothetical` : ''}. Every statement is cited; numbers refer to the sources at the end.</p>`);
  parts.push(`<ul><li><strong>Phase:</strong> ${cite(r.phase)}</li>${r.round ? `<li><strong>Round:</strong> ${cite(r.round)}</li>` : ''}</ul>`);
  parts.push('<h2>Proposals</h2>', r.proposals.length ? list(r.proposals) : '<p>None reported.</p>');
  parts.push(
    '<h2>Positions and gaps</h2>',
    `<table><thead><tr><th scope="col">Term</th>${r.principals.map((p) => `<th scope="col">${e(p)}</th>`).join('')}<th scope="col">Gap</th></tr></thead><tbody>`,
    ...r.terms.map((t) => `<tr><th scope="row">${e(t.term)}</th>${t.positions.map((p) => `<td>${p ? cite(p) : '<em>no reported position</em>'}</td>`).join('')}<td class="gap-${t.gap.status}">${cite(t.gap)}</td></tr>`),
    '</tbody></table>',
  );
  if (r.others.length) parts.push('<h2>Other parties</h2>', list(r.others));
  if (r.assessments.length) parts.push('<h2>Assessments of the talks</h2>', list(r.assessments));
  if (r.changes) {
    parts.push('<h2>What the scenario changes against the reported baseline</h2>');
    parts.push(r.changes.length ? `<ul>${r.changes.map((c) => `<li>${e(c.subject)}: reported ${e(c.before)}; what-if ${e(c.after)}${c.hypothetical ? ` ${HYP}` : ''}${refs(c.notes)}</li>`).join('')}</ul>` : '<p>Nothing, on this date.</p>');
  }
  parts.push('<h2>Sources</h2>', r.notes.length ? `<ol>${r.notes.map(note).join('')}</ol>` : '<p>No events by this date.</p>', '</body>\n</html>\n');
  return parts.join('\n');
}
