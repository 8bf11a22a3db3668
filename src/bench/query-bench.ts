// The query rows of the benchmark: the checkpoint index (build time and the
// heap it holds, per 10^5 events), and stateAt on random dates, with the
// targets of issue 14: under 1 ms at 3x10^6 events, and flat from 10^5 up.
import type { Catalog } from '../domain/catalog-schema.js';
import { type EventLog, logFromEvents } from '../domain/event-log.js';
import { buildIndex, indexFor, lastDate, stateAt } from '../model/replay.js';
import { canCollect, median, medianTime, quantile, retained, time } from './measure.js';
import { randomDates, syntheticEvents } from './synthetic-log.js';
import type { Row } from './rows.js';

/** A row as the benchmark prints it (rows.ts). */
export type QueryRow = Row;

export interface QueryBenchOptions {
  readonly row: (r: QueryRow) => void;
  readonly queries: number;
  readonly quick: boolean;
}

/**
 * Checkpoint memory must stay under this many MiB per 10^5 events from 10^5
 * up (a checkpoint every 128 events; a smaller log is dominated by what does
 * not grow with it, such as the interned claimants).
 */
const MIB_PER_1E5_EVENTS = 200;
/** stateAt's median at the largest log over its median at 10^5. */
const FLAT_RATIO = 2;

const LARGEST = 3_000_000;
const LARGEST_NAME = '3x10^6';

/**
 * The index and stateAt rows of one log; returns stateAt's median (ms). The
 * log's index is built while the heap it retains is measured (after a full
 * collection, with --expose-gc), then queried on `queries` seeded dates.
 */
export function benchStateAt(log: EventLog, name: string, { row, queries, quick }: QueryBenchOptions): number {
  const n = log.entries.length;
  let once = 0;
  // The index stateAt keeps for the log (built here, then shared by the queries below).
  const { value: index, bytes } = retained(() => {
    const start = performance.now();
    const built = indexFor(log);
    once = performance.now() - start;
    return built;
  });
  const built = quick || n > 1_000_000 ? once : medianTime(() => buildIndex(log), 3, 0);
  row({ measure: 'checkpoint index: build', log: name, value: built, unit: 'ms', note: `${index.checkpoints.length} checkpoints every ${index.interval} events` });
  const mib = bytes / 2 ** 20;
  row({ measure: 'checkpoint index: memory', log: name, value: mib, unit: 'MiB', note: canCollect ? 'heap after gc' : 'no --expose-gc: rough' });
  const perLog = mib / (n / 100_000);
  if (n >= 100_000) row({ measure: 'checkpoint index: memory per 10^5 events', log: name, value: perLog, unit: 'MiB', target: { text: `at most ${MIB_PER_1E5_EVENTS} MiB`, pass: perLog <= MIB_PER_1E5_EVENTS } });
  stateAt(log, lastDate(log)!);
  const times = randomDates(log, queries, 3).map((d) => time(() => stateAt(log, d)));
  const stateMedian = median(times);
  row({ measure: 'stateAt, median', log: name, value: stateMedian, unit: 'ms/query', ...(n >= 1_000_000 ? { target: { text: 'under 1 ms', pass: stateMedian < 1 } } : {}) });
  row({ measure: 'stateAt, p95', log: name, value: quantile(times, 0.95), unit: 'ms/query' });
  return stateMedian;
}

/**
 * The rows of the largest log (3x10^6 events) and how flat stateAt is: its
 * median there over its median at 10^5, both measured here, one after the
 * other. Run by largest-queries.ts in a process of its own (--largest, not
 * with --quick): its checkpoints hold about 4.5 GiB and take a minute or two
 * to build, and a fresh heap keeps the garbage and the compiled code of the
 * benchmark's earlier parts out of the two medians compared.
 */
export function benchLargestQueries(catalog: Catalog, options: QueryBenchOptions): void {
  const quiet: QueryBenchOptions = { ...options, row: () => {} };
  const at1e5 = benchStateAt(logFromEvents(catalog, syntheticEvents(catalog, 100_000, 100_000)), '10^5', quiet);
  const largest = benchStateAt(logFromEvents(catalog, syntheticEvents(catalog, LARGEST, LARGEST)), LARGEST_NAME, options);
  const ratio = largest / at1e5;
  options.row({
    measure: 'stateAt median, 3x10^6 / 10^5',
    log: 'flatness',
    value: ratio,
    unit: 'x',
    note: `10^5 measured just before, in the same process: ${at1e5.toFixed(2)} ms`,
    target: { text: `at most ${FLAT_RATIO}x`, pass: ratio <= FLAT_RATIO },
  });
}
