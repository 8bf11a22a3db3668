// JSON.parse keeps the last of two equal keys without a word, so an event
// line with `"party":"israel", ... "party":"hamas"` would load as hamas. These
// checks find such keys. The quick test runs on every line and costs a few
// native string scans; the exact scan runs only when the quick test says the
// text has more keys than the parsed value.

/** Counts the keys of a parsed value, at every depth, without recursion. */
function keyCount(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const item of v) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    for (const k in v) {
      count++;
      const item = (v as Record<string, unknown>)[k];
      if (typeof item === 'object' && item !== null) stack.push(item);
    }
  }
  return count;
}

/**
 * True when `text` may hold a key twice: it has more `":` pairs than `value`
 * has keys, or it puts whitespace between a key and its colon (then counting
 * pairs says nothing). False means it certainly does not. Pure.
 */
export function mayHaveDuplicateKeys(text: string, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  let pairs = 0;
  for (let i = text.indexOf('":'); i >= 0; i = text.indexOf('":', i + 2)) pairs++;
  return pairs > keyCount(value) || /"\s+:/.test(text);
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

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
      while (k < text.length && WS.has(text.charCodeAt(k))) k++;
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
