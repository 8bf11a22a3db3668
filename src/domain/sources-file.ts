// Adding one entry to a source registry (sources.json) without rewriting the
// entries already there: the new entry is inserted as text before the closing
// bracket, in the one-object-per-line style of the bundled registry.
import type { Source } from './catalog-schema.js';
import { sourcesFileSchema } from './catalog-schema.js';
import { type CodedProblem, codedProblem } from './coded-problem.js';

/** `{ "id": "x", "outlet": "y" }`: one line, spaced like the bundled registry. Pure. */
function entryText(entry: Source): string {
  return `{ ${Object.entries(entry).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
}

/**
 * The registry text with `entry` added last, every existing byte kept; or
 * problems when the registry is not valid or already has the id. Pure.
 */
export function withSourceEntry(text: string, entry: Source): { ok: true; text: string } | { ok: false; problems: CodedProblem[] } {
  const at = { file: 'sources.json' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [codedProblem('invalid-catalog', at, `not valid JSON (${(e as Error).message})`)] };
  }
  const parsed = sourcesFileSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: [codedProblem('invalid-catalog', at, 'not a valid source registry; run parley check on its folder')] };
  if (parsed.data.some((s) => s.id === entry.id)) {
    return { ok: false, problems: [codedProblem('duplicate-source', { ...at, field: 'id' }, `source "${entry.id}" is already registered; choose another --id`)] };
  }
  const sameDocument = parsed.data.find((s) => s.document === entry.document);
  if (sameDocument !== undefined) {
    return { ok: false, problems: [codedProblem('duplicate-document', { ...at, field: 'document' }, `document ${entry.document} is already the document of source ${sameDocument.id}`)] };
  }
  const close = text.lastIndexOf(']');
  const head = text.slice(0, close).replace(/\s+$/, '');
  const tail = text.slice(close);
  const separator = parsed.data.length === 0 ? '' : ',';
  return { ok: true, text: `${head}${separator}\n  ${entryText(entry)}\n${tail.endsWith('\n') ? tail : `${tail}\n`}` };
}
