// The line of every field of a JSON or YAML document, so a problem can name
// its line, and a missing field the line of the object that lacks it.
import { LineCounter, type Node, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { fieldPath } from './problem.js';

/** Deeper than any parley file; hostile nesting is not walked. */
const MAX_DEPTH = 64;

function collect(node: unknown, path: (string | number)[], counter: LineCounter, out: Map<string, number>): void {
  if (path.length > MAX_DEPTH) return;
  const n = node as Node | null;
  if (n?.range) out.set(fieldPath(path), counter.linePos(n.range[0]).line);
  if (isMap(n)) {
    for (const pair of n.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyNode = pair.key as Node | null;
      if (keyNode?.range) out.set(fieldPath([...path, key]), counter.linePos(keyNode.range[0]).line);
      if (pair.value && (isMap(pair.value) || isSeq(pair.value))) collect(pair.value, [...path, key], counter, out);
    }
  } else if (isSeq(n)) {
    n.items.forEach((item, i) => collect(item, [...path, i], counter, out));
  }
}

/** More opening brackets than any parley file has; the parser is known to cope with this many nested. */
const MAX_BRACKETS = 10_000;

/**
 * Whether the text could nest brackets deeper than the YAML parser copes with
 * (it runs out of memory at about 10^5 levels): counted without regard to
 * quotes, so no quoting can hide nesting. Such a text is not parsed here. Pure.
 */
export function mayNestTooDeep(text: string, limit = MAX_BRACKETS): boolean {
  let opening = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x5b || c === 0x7b) && ++opening > limit) return true;
  }
  return false;
}

/** Field path ("events[2].term") -> 1-based line, for a JSON or YAML text; empty when it does not parse. Pure. */
export function fieldLines(text: string): ReadonlyMap<string, number> {
  const counter = new LineCounter();
  const out = new Map<string, number>();
  // JSON is YAML 1.2, so one parser serves both; a broken file has its own problems already.
  if (mayNestTooDeep(text)) return out;
  try {
    const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length === 0) collect(doc.contents, [], counter, out);
  } catch {
    // Nesting too deep for the parser: such a file has its own problems, and lines are a courtesy.
  }
  return out;
}

/** The line of `field`, or of its nearest enclosing field present in the file (for a missing field: the object lacking it). Pure. */
export function lineOfField(lines: ReadonlyMap<string, number>, field: string): number | undefined {
  for (let path = field; ; ) {
    const line = lines.get(path);
    if (line !== undefined) return line;
    if (path === '') return undefined;
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    path = cut <= 0 ? '' : path.slice(0, cut);
  }
}
