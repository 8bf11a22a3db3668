// The handout as Markdown: a table of terms, lists for the rest, numbered
// sources at the end. Hypothetical values carry "[hypothetical]".
import { citationText } from './citation-runs.js';
import { HYPOTHETICAL_MARK as HYPOTHETICAL } from './hypothetical-mark.js';
import { endsSentence, inQuotationMarks } from './quote-marks.js';
import type { Cited, Note, Report } from './report-model.js';

/** Text that cannot break out of a table cell or start Markdown syntax. */
function md(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_{}[\]<>|#])/g, '\\$1');
}

// One bracket per statement, "[11–13, 17]": "[11][12]" would read as Markdown reference links.
const refs = (notes: readonly number[]) => (notes.length ? ` [${citationText(notes)}]` : '');
const cite = (c: Cited) => `${md(c.text)}${c.hypothetical ? ` ${HYPOTHETICAL}` : ''}${refs(c.notes)}`;

function note(x: Note): string {
  if (x.hypothetical) return `${x.n}. ${HYPOTHETICAL} ${md(x.summary)} A what-if event from the scenario, reported by no source (${x.occurred}).`;
  const source = [x.outlet, x.title ? `“${x.title}”` : null, x.published].filter(Boolean).join(', ');
  // The quote ends with a full stop, its own or one added, so "Said by" starts a sentence.
  const quote = x.quote ? ` ${md(inQuotationMarks(x.quote))}${endsSentence(x.quote) ? '' : '.'}` : '';
  return `${x.n}. ${md(source)}.${quote}${x.speaker ? ` Said by ${md(x.speaker)}` : ''} (event of ${x.occurred}, ${md(x.eventId)}).`;
}

/** The report as Markdown; all report text escaped. Pure. */
export function renderMarkdown(r: Report): string {
  const out: string[] = [`# ${md(r.title)}`, ''];
  if (r.scope) out.push(`**${md(r.scope)}**`, '');
  if (r.scenario) out.push(`> ${HYPOTHETICAL} ${md(r.scenario.description)} Values marked ${HYPOTHETICAL} rest on events that did not happen.`, '');
  out.push(`Replayed from ${r.counts.events} events${r.counts.hypothetical ? `, ${r.counts.hypothetical} of them hypothetical` : ''}. Every statement is cited; numbers refer to the sources at the end.`, '');
  out.push(`- **Phase:** ${cite(r.phase)}`);
  if (r.round) out.push(`- **Round:** ${cite(r.round)}`);
  out.push('', '## Proposals', '', ...(r.proposals.length ? r.proposals.map((p) => `- ${cite(p)}`) : ['None reported.']));
  out.push('', '## Positions and gaps', '', `| Term | ${r.principals.map(md).join(' | ')} | Gap |`, `|---|${r.principals.map(() => '---|').join('')}---|`);
  for (const t of r.terms) out.push(`| ${md(t.term)} | ${t.positions.map((p) => (p ? cite(p) : 'no reported position')).join(' | ')} | ${cite(t.gap)} |`);
  if (r.others.length) out.push('', '## Other parties', '', ...r.others.map((o) => `- ${cite(o)}`));
  if (r.assessments.length) out.push('', '## Assessments of the talks', '', ...r.assessments.map((a) => `- ${cite(a)}`));
  if (r.changes) {
    out.push('', '## What the scenario changes against the reported baseline', '');
    out.push(...(r.changes.length ? r.changes.map((c) => `- ${md(c.subject)}: reported ${md(c.before)}; what-if ${md(c.after)}${c.hypothetical ? ` ${HYPOTHETICAL}` : ''}${refs(c.notes)}`) : ['Nothing, on this date.']));
  }
  out.push('', '## Sources', '', ...(r.notes.length ? r.notes.map(note) : ['No events by this date.']));
  return `${out.join('\n')}\n`;
}
