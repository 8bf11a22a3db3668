// The content tally the replay keeps claim by claim, against one counted from
// scratch: after any sequence of claims (new claimants, claimants saying the
// same again, changing what they say, becoming hypothetical, dates going
// back as well as forward), each content's count, hypothetical count and
// earliest date, and the latest date over every claim, are those of the
// claims in the list, or, for a date the claim holding it alone took away,
// unknown until the tally is settled, which finds every such date from the
// list (and heldSince finds the one a presentation reads). Settling happens at random points, as the replay's checkpoints do.
// Dates are drawn from a few days, so extreme dates are often shared and
// often lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClaimList, claimAt, claimsArray, emptyClaimList, placeOf, withClaimAt } from '../src/model/claim-list.js';
import { type ContentTally, countOf, emptyTally, heldSince, isSettled, settledTally, tallyAfter } from '../src/model/content-tally.js';
import type { StoredPositionClaim } from '../src/model/replay-state.js';

const claimOf = (key: number, contentId: number, date: string, hypothetical: boolean): StoredPositionClaim =>
  ({ claimant: { key }, contentId, date, hypothetical, accepts: [`o${contentId}`], rejects: [], prefers: null, conditions: [] }) as unknown as StoredPositionClaim;

/** The tally of `claims` counted from scratch, with the contents as a map (their order is the tally's own). */
function fromScratch(claims: readonly StoredPositionClaim[]) {
  const contents = new Map<number, { count: number; hypothetical: number; earliest: string; atEarliest: number }>();
  for (const c of claims) {
    const t = contents.get(c.contentId) ?? { count: 0, hypothetical: 0, earliest: c.date, atEarliest: 0 };
    t.count++;
    t.hypothetical += c.hypothetical ? 1 : 0;
    if (c.date < t.earliest) (t.earliest = c.date), (t.atEarliest = 0);
    if (c.date === t.earliest) t.atEarliest++;
    contents.set(c.contentId, t);
  }
  const dates = claims.map((c) => c.date);
  const latest = dates.reduce((a, b) => (b > a ? b : a), '');
  return { contents, hypothetical: claims.filter((c) => c.hypothetical).length, latest, atLatest: dates.filter((d) => d === latest).length };
}

/** Counts exact; each date either the list's or unknown (null), and none unknown once settled. */
function expectTallyOf(tally: ContentTally, list: ClaimList<StoredPositionClaim>): void {
  const want = fromScratch(claimsArray(list));
  const settled = settledTally(tally, list);
  expect(isSettled(settled)).toBe(true);
  expect(new Map(settled.contents.map((c) => [c.contentId, { count: c.count, hypothetical: c.hypothetical, earliest: c.earliest, atEarliest: c.atEarliest }]))).toEqual(want.contents);
  expect({ hypothetical: settled.hypothetical, latest: settled.latest, atLatest: settled.atLatest }).toEqual({ hypothetical: want.hypothetical, latest: want.latest, atLatest: want.atLatest });
  for (const c of tally.contents) {
    expect(c.content.accepts).toEqual([`o${c.contentId}`]);
    const w = want.contents.get(c.contentId)!;
    expect(c.count).toBe(w.count);
    if (c.earliest !== null) expect([c.earliest, c.atEarliest]).toEqual([w.earliest, w.atEarliest]);
  }
  if (tally.latest !== null) expect([tally.latest, tally.atLatest]).toEqual([want.latest, want.atLatest]);
  // What a presentation reads, known or not: each content's earliest date, and the latest of all (-1).
  for (const [id, w] of want.contents) expect(heldSince(tally, list, id)).toBe(w.earliest);
  if (list.length > 0) expect(heldSince(tally, list, -1)).toBe(want.latest);
  expect(isSettled(tally)).toBe(tally.latest !== null && tally.contents.every((c) => c.earliest !== null));
  if (isSettled(tally)) expect(settled).toBe(tally);
}

const claimArb = fc.record({
  key: fc.nat({ max: 12 }),
  contentId: fc.nat({ max: 4 }),
  date: fc.constantFrom('2024-08-01', '2024-08-02', '2024-08-03', '2024-08'),
  hypothetical: fc.boolean(),
  settle: fc.boolean(),
});

describe('content tally', () => {
  it('after any sequence of claims, each tally counts what its claims say, with their earliest and latest dates known or found by settling', () => {
    fc.assert(
      fc.property(fc.array(claimArb, { maxLength: 120 }), (claims) => {
        let list = emptyClaimList<StoredPositionClaim>();
        let tally = emptyTally;
        for (const { key, contentId, date, hypothetical, settle } of claims) {
          const i = placeOf(list, key);
          const removed = i < 0 ? undefined : claimAt(list, i);
          const added = claimOf(key, contentId, date, hypothetical);
          list = withClaimAt(list, i, added);
          tally = tallyAfter(tally, removed, added);
          expectTallyOf(tally, list);
          if (settle) tally = settledTally(tally, list);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds a content by its id, and nothing for one no claim says', () => {
    const a = claimOf(1, 7, '2024-08-01', false);
    const list = withClaimAt(emptyClaimList<StoredPositionClaim>(), -1, a);
    const tally = tallyAfter(emptyTally, undefined, a);
    expect(countOf(tally, 7)?.count).toBe(1);
    expect(countOf(tally, 8)).toBeUndefined();
    const b = claimOf(1, 8, '2024-08-02', true);
    const next = tallyAfter(tally, a, b);
    expect(countOf(next, 7)).toBeUndefined();
    expect(countOf(next, 8)).toMatchObject({ count: 1, hypothetical: 1, earliest: '2024-08-02' });
    expect(countOf(tally, 7)?.count).toBe(1);
  });
});
