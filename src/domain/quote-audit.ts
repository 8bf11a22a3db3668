// The evidence audit: every quote in a log must appear, character for
// character, in the document its source names. Pure: the shell reads the
// documents and hands their text here, keyed by file name.
import type { EventLog } from './event-log.js';
import { type ProblemCode, escapeEcho, quoted } from './problem.js';

export type QuoteFailureKind =
  /** The event names a source that is not in the registry (sources.json). */
  | 'unknown-source'
  /** The source's document is not among the documents given. */
  | 'missing-document'
  /** The quote is not in the document, even after normalising. */
  | 'not-found'
  /** The quote matches only after normalising typographic quotes, apostrophes and whitespace. */
  | 'normalised-only';

/** The problem code of each kind of failure (see Problem). */
export const quoteFailureCodes: Readonly<Record<QuoteFailureKind, ProblemCode>> = {
  'unknown-source': 'unknown-source',
  'missing-document': 'not-found',
  'not-found': 'quote-not-found',
  'normalised-only': 'quote-not-found',
};

export interface QuoteFailure {
  readonly kind: QuoteFailureKind;
  readonly eventId: string;
  readonly source: string;
  /** The document the source names, when the source is known. */
  readonly document: string | null;
  readonly message: string;
  /** For `normalised-only`: what differs between the quote and the document. */
  readonly hint: string | null;
}

export interface QuoteAudit {
  /** Events with a source and a quote. */
  readonly checked: number;
  readonly failures: readonly QuoteFailure[];
}

const DOUBLE_QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB']);
const SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`']);

interface Normalised {
  readonly text: string;
  /** origin[i] is the index in the original text of normalised character i. */
  readonly origin: readonly number[];
}

/**
 * Straight quotes for typographic ones, one space for any run of whitespace
 * (including no-break spaces), and no leading or trailing whitespace; keeps a
 * map back to the original text so a match can be shown as the document has it.
 */
export function normaliseForAudit(text: string): Normalised {
  let out = '';
  const origin: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/u.test(c)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && out.length > 0) {
      out += ' ';
      origin.push(pendingSpace);
    }
    pendingSpace = -1;
    out += DOUBLE_QUOTES.has(c) ? '"' : SINGLE_QUOTES.has(c) ? "'" : c;
    origin.push(i);
  }
  return { text: out, origin };
}

const show = (c: string) => (/\s/u.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : c);

/** Describes how `quote` differs from `found`, the document's span it matches after normalising. */
function describeDifferences(quote: string, found: string): string {
  const q = normaliseForAudit(quote);
  const f = normaliseForAudit(found);
  const diffs: string[] = [];
  for (let i = 0; i < q.text.length && i < f.text.length; i++) {
    const qc = quote[q.origin[i]!]!;
    const fc = found[f.origin[i]!]!;
    if (qc !== fc) diffs.push(`${show(qc)} -> ${show(fc)}`);
  }
  if (quote.trim() !== quote) diffs.push('leading/trailing whitespace in the quote');
  const unique = [...new Set(diffs)];
  const listed = unique.length === 0 ? 'whitespace only' : unique.slice(0, 6).join(', ') + (unique.length > 6 ? ', ...' : '');
  return `matches after normalising quotes, apostrophes and whitespace (${listed}); the document reads: ${found}`;
}

/**
 * Checks the quote of every event that has both a source and a quote
 * against `documents` (document file name -> text). Failures come in log order.
 */
export function auditQuotes(log: EventLog, documents: ReadonlyMap<string, string>): QuoteAudit {
  const failures: QuoteFailure[] = [];
  const normalisedDocs = new Map<string, Normalised>();
  let checked = 0;
  for (const { event } of log.entries) {
    if (event.source === undefined || event.quote === undefined) continue;
    checked++;
    const base = { eventId: event.id, source: event.source };
    const source = log.catalog.sourceById.get(event.source);
    if (!source) {
      failures.push({ ...base, kind: 'unknown-source', document: null, hint: null, message: `source ${quoted(event.source)} is not in the source registry` });
      continue;
    }
    const text = documents.get(source.document);
    if (text === undefined) {
      failures.push({ ...base, kind: 'missing-document', document: source.document, hint: null, message: `document ${source.document} of source ${source.id} is not in the sources folder` });
      continue;
    }
    if (text.includes(event.quote)) continue;
    let doc = normalisedDocs.get(source.document);
    if (!doc) normalisedDocs.set(source.document, (doc = normaliseForAudit(text)));
    const needle = normaliseForAudit(event.quote).text;
    const at = needle === '' ? -1 : doc.text.indexOf(needle);
    if (at < 0) {
      failures.push({ ...base, kind: 'not-found', document: source.document, hint: null, message: `quote not found in ${source.document}: ${escapeEcho(event.quote)}` });
      continue;
    }
    const found = text.slice(doc.origin[at]!, doc.origin[at + needle.length - 1]! + 1);
    failures.push({
      ...base,
      kind: 'normalised-only',
      document: source.document,
      message: `quote is not verbatim in ${source.document}`,
      hint: describeDifferences(event.quote, found),
    });
  }
  return { checked, failures };
}
