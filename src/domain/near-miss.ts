// "Did you mean ...?" for a mistyped id, command or option: the closest known
// word within two edits (insertions, deletions, substitutions), if any.

/** Edit distance between two short words (Levenshtein). Pure. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known word closest to `word` within two edits (the first of equals), or
 * undefined; case is ignored, so "Israel" finds "israel". Pure.
 */
export function closest(word: string, known: Iterable<string>, maxDistance = 2): string | undefined {
  // Long input (a megabyte id) is no near miss of a short word; skip the quadratic work.
  if (word.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  const lower = word.toLowerCase();
  for (const k of known) {
    if (Math.abs(k.length - word.length) > maxDistance) continue;
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** The long options a usage text lists ("--known-at", ...), in order. Pure. */
export function optionsIn(usage: string): string[] {
  return [...new Set(usage.match(/--[a-z][a-z-]*/g) ?? [])];
}
