// What every part of the benchmark shares: a measured row (with its target,
// when it has one) and the context a section gets. A section is one function
// in its own module (src/bench/<area>.ts), listed once in main.ts.
import type { Catalog } from '../domain/catalog-schema.js';

export interface Target {
  /** What must hold, in words ("at most 2x"). */
  readonly text: string;
  readonly pass: boolean;
}

export interface Row {
  readonly measure: string;
  readonly log: string;
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
  readonly target?: Target;
}

export interface BenchContext {
  /** `--quick`: small logs only, so the whole run stays under half a minute. */
  readonly quick: boolean;
  /** Timed repetitions (medians are reported) and untimed runs before them. */
  readonly reps: number;
  readonly warmup: number;
  /** The bundled catalog, which the synthetic logs are written against. */
  readonly catalog: Catalog;
  /** A folder for files a section writes; removed when the run ends. */
  readonly tempDir: string;
  /** Records a row (and prints it as it comes, unless --json). */
  row(r: Row): void;
}

/** One part of the benchmark. */
export type Section = (ctx: BenchContext) => void | Promise<void>;

/** "10^5" for 100000. */
export const sizeName = (n: number) => `10^${Math.round(Math.log10(n))}`;
