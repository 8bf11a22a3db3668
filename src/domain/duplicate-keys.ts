// JSON.parse keeps the last of two equal keys without a word, so an event
// line with `"party":"israel", ... "party":"hamas"` would load as hamas, and
// it takes a "__proto__" key as an ordinary one. These checks find both. The
// quick test runs on every line of a log and must cost little beside
// JSON.parse: one single-character native search per colon and one walk of
// the parsed value. The exact scan runs only when the quick test cannot rule
// a duplicate out (a `":` inside a string, say).

/** Deeper than any event; past it the count gives up and the exact checks decide. */
const COUNT_DEPTH = 32;
/** keyCount's answer for a value nested deeper than COUNT_DEPTH. */
export const TOO_DEEP_TO_COUNT = -1;
/** keyCount's answer for a value holding a "__proto__" key. */
export const HAS_PROTOTYPE_KEY = -2;

/**
 * The keys of a parsed value at every depth; TOO_DEEP_TO_COUNT or
 * HAS_PROTOTYPE_KEY instead when it cannot or must not be counted. Pure.
 */
export function keyCount(value: unknown, depth = 0): number {
  if (typeof value !== 'object' || value === null) return 0;
  if (depth > COUNT_DEPTH) return TOO_DEEP_TO_COUNT;
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const c = keyCount(value[i], depth + 1);
      if (c < 0) return c;
      count += c;
    }
    return count;
  }
  for (const k in value) {
    if (k === '__proto__') return HAS_PROTOTYPE_KEY;
    const c = keyCount((value as Record<string, unknown>)[k], depth + 1);
    if (c < 0) return c;
    count += c + 1;
  }
  return count;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The colons of a JSON text that follow an unescaped quote (spaces allowed
 * between). Every key written is one of them, so when this equals the parsed
 * value's keyCount no key was written twice. Pure.
 */
export function keyColons(text: string): number {
  let pairs = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    let j = i - 1;
    while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
    if (text.charCodeAt(j) !== 0x22) continue;
    // An escaped quote (\" inside a string, an odd run of backslashes) closes no key.
    let slashes = 0;
    while (j - 1 - slashes >= 0 && text.charCodeAt(j - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) pairs++;
  }
  return pairs;
}

interface Frame {
  readonly keys: Set<string> | null;
  readonly path: string;
}

/**
 * The first key that appears twice in one object of a JSON text, with its
 * dotted path, or undefined. Assumes `text` is valid JSON (it has been
 * parsed). Iterative, so any depth is safe. Pure.
 */
export function duplicateKeyIn(text: string): { key: string; path: string } | undefined {
  const stack: Frame[] = [];
  let lastKey = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const parent = stack[stack.length - 1];
      const path = parent === undefined ? '' : parent.keys === null ? `${parent.path}[]` : parent.path === '' ? lastKey : `${parent.path}.${lastKey}`;
      stack.push({ keys: c === 0x7b ? new Set() : null, path });
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x22 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      const frame = stack[stack.length - 1];
      let k = j + 1;
      while (k < text.length && isSpace(text.charCodeAt(k))) k++;
      if (frame?.keys && text.charCodeAt(k) === 0x3a /* : */) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (frame.keys.has(key)) return { key, path: frame.path === '' ? key : `${frame.path}.${key}` };
        frame.keys.add(key);
        lastKey = key;
      }
      i = j;
    }
  }
  return undefined;
}
