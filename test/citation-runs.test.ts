// Citation numbers grouped so they never run together: "3, 11–13, 17".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citationRuns, citationText } from '../src/report/citation-runs.js';

describe('citationRuns', () => {
  it('sorts, drops repeats, and merges runs of three or more', () => {
    expect(citationText([13, 11, 12, 17, 3, 3])).toBe('3, 11–13, 17');
    expect(citationText([17, 18])).toBe('17, 18');
    expect(citationText([])).toBe('');
  });

  it('covers exactly the cited numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 })), (notes) => {
        const covered = citationRuns(notes).flatMap((r) => (typeof r === 'number' ? [r] : Array.from({ length: r[1] - r[0] + 1 }, (_, i) => r[0] + i)));
        expect(covered).toEqual([...new Set(notes)].sort((a, b) => a - b));
      }),
    );
  });
});
