// The explore rows of the benchmark: independent one-step terms (2^n minimal
// sets of n terms), linked terms, and a catalog whose tables exceed the work
// budget. Time is a median; memory is the peak of heap plus array buffers above
// a collected heap, sampled whenever the search reports progress, and what the
// result retains.
import { getHeapStatistics } from 'node:v8';
import { type Catalog, createCatalog } from '../domain/catalog-schema.js';
import { logFromEvents } from '../domain/event-log.js';
import { lastDate, stateAt } from '../model/replay.js';
import { type ExploreResult, explore } from '../scenario/explore.js';
import { medianTime, usedHeap } from './measure.js';
import { binaryTerms, exploreEvents } from './synthetic-log.js';
import type { Row } from './rows.js';

/** A row as the benchmark prints it (rows.ts). */
export type ExploreBenchRow = Row;

export interface ExploreBenchOptions {
  readonly quick: boolean;
  readonly reps: number;
  /** Parties and sources of the synthetic catalogs. */
  readonly catalog: Catalog;
}

const LIMIT = 10;
const MiB = 2 ** 20;

const heapNow = () => {
  const h = getHeapStatistics();
  return h.used_heap_size + h.external_memory;
};

/** One explore call's result and the most memory it held at once above the heap it started from. */
function peakOf(run: (sample: () => void) => ExploreResult): { result: ExploreResult; bytes: number } {
  usedHeap();
  const base = heapNow();
  let peak = base;
  const sample = () => {
    peak = Math.max(peak, heapNow());
  };
  const result = run(sample);
  sample();
  return { result, bytes: peak - base };
}

function summary(r: ExploreResult): string {
  const stop = r.stopped === null ? 'complete' : `stopped ${r.stopped.phase === 'counting' ? `before counting (${r.stopped.needed} units needed)` : 'while listing'}`;
  return `${r.solutionCount === null ? 'not counted' : `${r.solutionCount} sets counted`}, ${r.solutions.length} listed, ${r.work} units of work; ${stop}`;
}

/** Benchmarks explore and reports each measure through `row`. Not pure: it times and samples the heap. */
export function benchExplore(row: (r: ExploreBenchRow) => void, options: ExploreBenchOptions): void {
  const { quick, reps } = options;
  const stateOf = (count: number, linked: number) => {
    const catalog = createCatalog(binaryTerms(count), options.catalog.parties, options.catalog.sources);
    const log = logFromEvents(catalog, exploreEvents(catalog, linked, 1000));
    return { catalog, state: stateAt(log, lastDate(log)!) };
  };

  for (const [label, count, linked] of [['16 independent terms', 16, 0], ['16 terms, 4 linked', 16, 4]] as const) {
    const { catalog, state } = stateOf(count, linked);
    let result: ExploreResult | undefined;
    const ms = medianTime(() => (result = explore(state, catalog, { limit: LIMIT })), reps);
    row({ measure: 'explore', log: label, value: ms, unit: 'ms', note: summary(result!), ...(linked === 0 ? { target: { text: 'under 1 s', pass: ms < 1000 } } : {}) });
  }

  // 2^n minimal sets of n steps each; the first 10 are listed and all are counted.
  for (const count of quick ? [20, 24] : [20, 22, 24, 28]) {
    const label = `${count} independent terms`;
    const { catalog, state } = stateOf(count, 0);
    const { result, bytes } = peakOf((sample) => explore(state, catalog, { limit: LIMIT, onProgress: sample }));
    const ms = medianTime(() => explore(state, catalog, { limit: LIMIT }), reps, 0); // peakOf's run was the warm-up
    const complete = result.stopped === null && result.solutionCount === 2 ** count && result.solutions.length === LIMIT;
    row({ measure: 'explore', log: label, value: ms, unit: 'ms', note: summary(result), target: { text: 'all counted, 10 listed, under 1 s', pass: complete && ms < 1000 } });
    row({ measure: 'explore peak memory', log: label, value: bytes / MiB, unit: 'MiB', note: 'heap + buffers above a collected heap', target: { text: 'under 16 MiB', pass: bytes < 16 * MiB } });
  }

  // Tables for 600 terms of up to 600 steps need more work than the default budget: the search says so at once.
  const { catalog, state } = stateOf(600, 0);
  const { result, bytes } = peakOf((sample) => explore(state, catalog, { limit: LIMIT, onProgress: sample }));
  const ms = medianTime(() => explore(state, catalog, { limit: LIMIT }), reps, 0); // peakOf's run was the warm-up
  row({ measure: 'explore over budget', log: '600 independent terms', value: ms, unit: 'ms', note: `${summary(result)}; ${(bytes / MiB).toFixed(1)} MiB`, target: { text: 'stops at the budget, under 1 s', pass: result.stopped !== null && ms < 1000 } });
}
