// The cheapest ways to pick one choice per slot, where each choice costs some
// steps of each principal: ordered by total steps, then by how evenly the
// steps are shared, then lexicographically by choice index (slot 0 first).
//
// The slots are independent (a choice never changes what another slot allows),
// so the search never walks the combinations themselves. It tabulates, for each
// suffix of slots, which (steps of a, steps of b) totals some combination
// reaches, counting them; every combination of a given cost is then counted
// without being built, and listing walks only the branches that lead to the
// next set in order. Memory is the tables plus the sets asked for, whatever
// the number of combinations. Work is counted in units (one per choice tried
// against a table cell, or while listing) against a budget, so a search stops
// at the same point on every machine.

/** Steps each principal takes for one choice. */
export interface Choice {
  readonly a: number;
  readonly b: number;
}

export interface SearchInput {
  /** The choices of each slot, in the slot's own order (its lexicographic order). */
  readonly slots: readonly (readonly Choice[])[];
  /** Most steps in one combination. */
  readonly maxSteps: number;
  /** Most combinations listed. */
  readonly limit: number;
  /** Most units of work. */
  readonly budget: number;
  /** Called now and then with (units done, units expected). */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface CostCount {
  readonly steps: number;
  /** Exact below 2^53 (Number.MAX_SAFE_INTEGER), rounded above. */
  readonly count: number;
}

export interface SearchOutcome {
  /** How many combinations there are at each cost, cheapest first; null when the budget stopped the search before counting. */
  readonly counts: readonly CostCount[] | null;
  /** The listed combinations, best first: for each, the index of the choice taken in each slot. */
  readonly picks: readonly Int32Array[];
  readonly work: number;
  /** Why the search stopped short: before counting (the tables need `needed` units), or while listing. */
  readonly stopped: null | { readonly phase: 'counting'; readonly needed: number } | { readonly phase: 'listing' };
}

/**
 * The `limit` best combinations of one choice per slot within `maxSteps`, and
 * how many there are at each cost. Pure and deterministic: the same input gives
 * the same outcome, and a smaller limit gives a prefix of a larger one's list.
 */
export function searchCheapest(input: SearchInput): SearchOutcome {
  const { slots, limit, budget, onProgress } = input;
  const n = slots.length;
  if (slots.some((s) => s.length === 0)) return { counts: [], picks: [], work: 0, stopped: null };
  const most = (s: readonly Choice[], f: (c: Choice) => number) => s.reduce((m, c) => Math.max(m, f(c)), 0);
  const cap = Math.min(input.maxSteps, slots.reduce((sum, s) => sum + most(s, (c) => c.a + c.b), 0));
  // Totals a suffix can reach, capped by the step limit: the table of slot s is capA[s]+1 by capB[s]+1.
  const capA = new Int32Array(n + 1);
  const capB = new Int32Array(n + 1);
  for (let s = n - 1; s >= 0; s--) {
    capA[s] = Math.min(cap, capA[s + 1]! + most(slots[s]!, (c) => c.a));
    capB[s] = Math.min(cap, capB[s + 1]! + most(slots[s]!, (c) => c.b));
  }
  const cells = (s: number) => (capA[s]! + 1) * (capB[s]! + 1);
  let needed = 0;
  for (let s = 0; s < n; s++) needed += cells(s + 1) * slots[s]!.length;
  if (needed > budget) return { counts: null, picks: [], work: 0, stopped: { phase: 'counting', needed } };

  const reach: Uint8Array[] = new Array<Uint8Array>(n + 1);
  reach[n] = Uint8Array.of(1);
  let count = Float64Array.of(1);
  let work = 0;
  // Reported at most about a hundred times, however many slots there are.
  let reported = 0;
  for (let s = n - 1; s >= 0; s--) {
    const width = capB[s]! + 1;
    const nextWidth = capB[s + 1]! + 1;
    const here = new Uint8Array(cells(s));
    const counted = new Float64Array(cells(s));
    const below = reach[s + 1]!;
    for (const c of slots[s]!) {
      work += below.length;
      for (let ra = 0; ra <= capA[s + 1]!; ra++) {
        for (let rb = 0; rb <= capB[s + 1]!; rb++) {
          const from = ra * nextWidth + rb;
          if (below[from] === 0 || ra + c.a + rb + c.b > cap) continue;
          const to = (ra + c.a) * width + rb + c.b;
          here[to] = 1;
          counted[to]! += count[from]!;
        }
      }
    }
    reach[s] = here;
    count = counted;
    if (onProgress && work - reported >= needed / 100) {
      reported = work;
      onProgress(work, needed);
    }
  }

  const byCost = new Float64Array(cap + 1);
  for (let ta = 0; ta <= capA[0]!; ta++) for (let tb = 0; tb <= capB[0]! && ta + tb <= cap; tb++) byCost[ta + tb]! += count[ta * (capB[0]! + 1) + tb]!;
  const counts: CostCount[] = [];
  byCost.forEach((c, steps) => {
    if (c > 0) counts.push({ steps, count: c });
  });

  // Whether the suffix from slot s can take ra steps of a and r - ra of b.
  const reaches = (s: number, ra: number, r: number) => ra >= 0 && ra <= capA[s]! && r - ra >= 0 && r - ra <= capB[s]! && reach[s]![ra * (capB[s]! + 1) + r - ra] === 1;
  const picks: Int32Array[] = [];
  const chosen = new Int32Array(n);
  // Depth-first, without recursion (a catalog may have many terms): per slot,
  // the steps left, up to two totals of a still wanted (-1: none), the next choice.
  const left = new Int32Array(n + 1);
  const wantA = new Int32Array(n + 1);
  const wantB = new Int32Array(n + 1);
  const next = new Int32Array(n + 1);
  let stopped: SearchOutcome['stopped'] = null;
  // One class of equally good sets at a time: `cost` steps, |a - b| = imbalance.
  const listClass = (cost: number, imbalance: number): boolean => {
    const low = (cost - imbalance) / 2;
    const high = (cost + imbalance) / 2;
    wantA[0] = reaches(0, low, cost) ? low : -1;
    wantB[0] = high !== low && reaches(0, high, cost) ? high : -1;
    if (wantA[0] < 0 && wantB[0] < 0) return true;
    left[0] = cost;
    next[0] = 0;
    let s = 0;
    while (s >= 0) {
      if (s === n) {
        picks.push(chosen.slice());
        if (picks.length >= limit) return false;
        s--;
        continue;
      }
      const choices = slots[s]!;
      if (next[s]! >= choices.length) {
        s--;
        continue;
      }
      if (work >= budget) {
        stopped = { phase: 'listing' };
        return false;
      }
      work++;
      const j = next[s]!++;
      const c = choices[j]!;
      const r = left[s]! - c.a - c.b;
      const a1 = wantA[s]! >= 0 && reaches(s + 1, wantA[s]! - c.a, r) ? wantA[s]! - c.a : -1;
      const a2 = wantB[s]! >= 0 && reaches(s + 1, wantB[s]! - c.a, r) ? wantB[s]! - c.a : -1;
      if (a1 < 0 && a2 < 0) continue;
      chosen[s] = j;
      s++;
      left[s] = r;
      wantA[s] = a1;
      wantB[s] = a2;
      next[s] = 0;
    }
    return true;
  };
  outer: for (const { steps } of limit > 0 ? counts : []) {
    for (let imbalance = steps % 2; imbalance <= steps; imbalance += 2) if (!listClass(steps, imbalance)) break outer;
  }
  onProgress?.(work, Math.max(work, needed));
  return { counts, picks, work, stopped };
}
