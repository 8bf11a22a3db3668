// The one definition of a line in a JSONL file: text up to "\n", without a
// "\r" before it (files written on Windows), numbered from 1.

/**
 * Calls `emit` with every line of `text` and its number, the first numbered
 * `first`; a text without a final "\n" still ends with a line (so '' is one
 * empty line). Returns how many lines it emitted. Pure.
 */
export function eachLine(text: string, first: number, emit: (line: string, n: number) => void): number {
  let n = first;
  // Walks with indexOf instead of a split: no array of a million strings at once.
  for (let start = 0; ; n++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    emit(text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end), n);
    if (nl < 0) return n - first + 1;
    start = nl + 1;
  }
}
