// "Did you mean ...?" for a near-miss id: the same id in another case, or one
// a few edits away (`Israel` -> `israel`, `philadelfi` -> `philadelphi`).

/** Edit distance (insertions, deletions, substitutions), giving up above `limit`. Pure. */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

const MAX_INPUT = 200;

/**
 * The candidate `input` most likely meant, or undefined: a case-insensitive
 * (and "_"/" " for "-") match first, else the single closest candidate within
 * a third of its length in edits (at least one). Ties give no suggestion.
 * Pure and deterministic.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length === 0 || input.length > MAX_INPUT) return undefined;
  const list = [...candidates].filter((c) => c !== input);
  const fold = (s: string) => s.toLowerCase().replace(/[_\s]+/g, '-');
  const folded = list.filter((c) => fold(c) === fold(input));
  if (folded.length === 1) return folded[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const c of list) {
    const limit = Math.max(1, Math.floor(Math.max(c.length, input.length) / 3));
    const d = levenshtein(fold(input), fold(c), limit);
    if (d > limit) continue;
    if (d < bestDistance) [best, bestDistance, tie] = [c, d, false];
    else if (d === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}

/** `; did you mean "x"?` or an empty string, for the end of a problem message. Pure. */
export function suggestionSuffix(input: string, candidates: Iterable<string>): string {
  const s = didYouMean(input, candidates);
  return s === undefined ? '' : `; did you mean "${s}"?`;
}
