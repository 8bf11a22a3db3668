// The handout as one self-contained HTML file (inline style, no scripts, no
// external requests), for the screen and for A4 paper. Every piece of log text
// is escaped; gap status is a word as well as a colour; hypothetical values are
// marked in text.
import { citationRuns } from './citation-runs.js';
import { HYPOTHETICAL_MARK } from './hypothetical-mark.js';
import { endsSentence, hasOwnMarks } from './quote-marks.js';
import type { Cited, Note, Report } from './report-model.js';

/** Text safe inside HTML elements and quoted attributes. Pure. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// Escaped text whose dates never break at their hyphens ("2024-" / "08-16").
const e = (text: string) => escapeHtml(text).replace(/\b\d{4}-\d{2}(?:-\d{2})?\b/g, '<span class="nw">$&</span>');
const HYP = `<span class="hyp">${HYPOTHETICAL_MARK}</span>`;

const link = (n: number) => `<a href="#note-${n}">${n}</a>`;
// One superscript per statement, its numbers apart ("11–13, 17"): side by side, separate
// superscripts would read as one long number.
function refs(notes: readonly number[]): string {
  if (notes.length === 0) return '';
  const runs = citationRuns(notes).map((r) => (typeof r === 'number' ? link(r) : `${link(r[0])}–${link(r[1])}`));
  return `<sup class="refs">${runs.join(', ')}</sup>`;
}
const cite = (c: Cited) => `${e(c.text)}${c.hypothetical ? ` ${HYP}` : ''}${refs(c.notes)}`;
// <q> adds quotation marks; a quote that brings its own gets none added.
// The quote ends with a full stop, its own or one added, so "Said by" starts a sentence.
const quote = (q: string) => `${hasOwnMarks(q) ? `<q class="own-marks">${e(q)}</q>` : `<q>${e(q)}</q>`}${endsSentence(q) ? '' : '.'}`;

function note(x: Note): string {
  if (x.hypothetical) return `<li id="note-${x.n}" class="is-hyp">${HYP} ${e(x.summary)} A what-if event from the scenario, reported by no source (${e(x.occurred)}).</li>`;
  const source = [x.outlet ? e(x.outlet) : null, x.title ? `<cite>${e(x.title)}</cite>` : null, x.published ? e(x.published) : null].filter(Boolean).join(', ');
  return `<li id="note-${x.n}">${source}.${x.quote ? ` ${quote(x.quote)}` : ''}${x.speaker ? ` Said by ${e(x.speaker)}` : ''} <span class="id">(event of ${e(x.occurred)}, ${e(x.eventId)})</span></li>`;
}

// Print: A4 with margins and page numbers; backgrounds printed (the gap colours carry
// meaning, with the status word beside them); no table row, list item or heading left
// split from what it belongs to.
const style = `:root{print-color-adjust:exact;-webkit-print-color-adjust:exact}
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1c1c1c;line-height:1.45}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f1f1f1}.gap-open{background:#fde2e1}.gap-bridged{background:#fff1c2}.gap-agreed{background:#dcf2e1}.gap-unknown{background:#eee}
.hyp{color:#5b2a86;font-weight:600}.scenario{border:2px dashed #5b2a86;padding:.5rem 1rem}.scope{font-weight:600}.id{color:#555;font-size:.85em;white-space:nowrap}.nw{white-space:nowrap}
sup.refs{font-size:.7em;line-height:0;white-space:nowrap;padding-left:.1em}sup a{text-decoration:none}q.own-marks{quotes:none}
@page{size:A4;margin:16mm 15mm 18mm;@bottom-center{content:"Page " counter(page) " of " counter(pages);font:9pt system-ui,sans-serif;color:#555}}
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}a{color:inherit}
thead{display:table-header-group}tr,li,.scenario,.scope{break-inside:avoid}h1,h2{break-after:avoid}}`;

/** The report as a complete HTML document; all report text escaped. Pure. */
export function renderHtml(r: Report): string {
  const list = (items: readonly Cited[]) => `<ul>${items.map((i) => `<li>${cite(i)}</li>`).join('')}</ul>`;
  const parts = [
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(r.title)}</title>\n<style>${style}</style>\n</head>\n<body>`,
    `<h1>${e(r.title)}</h1>`,
  ];
  if (r.scope) parts.push(`<p class="scope">${e(r.scope)}</p>`);
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
