// Note numbers as a reader scans them: sorted, and a run of three or more
// consecutive numbers shown as its ends ("11–13"), so superscripts never
// run together into one long number.

/** A single note number, or the first and last of a run of consecutive ones. */
export type CitationRun = number | readonly [number, number];

/** The notes sorted, duplicates dropped, runs of three or more merged. Pure. */
export function citationRuns(notes: readonly number[]): CitationRun[] {
  const sorted = [...new Set(notes)].sort((a, b) => a - b);
  const runs: CitationRun[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) runs.push([sorted[i]!, sorted[j]!]);
    else for (let k = i; k <= j; k++) runs.push(sorted[k]!);
    i = j + 1;
  }
  return runs;
}

/** The runs as text: "3, 11–13, 17". Pure. */
export function citationText(notes: readonly number[]): string {
  return citationRuns(notes)
    .map((r) => (typeof r === 'number' ? String(r) : `${r[0]}–${r[1]}`))
    .join(', ');
}
