// A quote in quotation marks, once: a verbatim quote that already stands
// between its own double quotation marks is shown as it is, never inside a
// second pair. The quote's text itself is never changed.

const OPENING = new Set(['"', '“']);
const CLOSING = new Set(['"', '”']);
// Regular expressions spell non-ASCII marks as escapes: the CLI bundle must be ASCII (scripts/bundle-cli.mjs).
const ANY_DOUBLE = /["\u201C\u201D]/;

/**
 * True when the whole quote is one quotation between its own marks: it opens
 * and closes with a double quotation mark and holds no other one (so
 * `"A," he said, "B."` is not enclosed as a whole). Pure.
 */
export function hasOwnMarks(quote: string): boolean {
  const text = quote.trim();
  return text.length >= 2 && OPENING.has(text[0]!) && CLOSING.has(text[text.length - 1]!) && !ANY_DOUBLE.test(text.slice(1, -1));
}

/** The quote between “ and ”, unless it already stands between its own marks. Pure. */
export function inQuotationMarks(quote: string): string {
  return hasOwnMarks(quote) ? quote : `“${quote}”`;
}

/** True when the quote ends a sentence itself ("… the corridor." or "“… corridor.”"), so no full stop is added after it. Pure. */
export function endsSentence(quote: string): boolean {
  return /[.!?\u2026]["\u201D\u2019']*$/.test(quote.trim());
}
