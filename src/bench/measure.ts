// Timing and memory helpers: repeat, take the median, report per-unit rates.
import { getHeapStatistics } from 'node:v8';

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Milliseconds one call of `fn` takes. */
export function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** The median of `reps` timings in ms, after `warmup` untimed calls. */
export function medianTime(fn: () => unknown, reps: number, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) times.push(time(fn));
  return median(times);
}

/**
 * The median times in ms of `a` and `b`, run alternately (after `warmup` untimed
 * rounds), so that both meet the same load on a shared machine and their
 * ratio is fair even when the absolute times wander.
 */
export function medianTimes(a: () => unknown, b: () => unknown, reps: number, warmup = 1): [number, number] {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < reps; i++) {
    ta.push(time(a));
    tb.push(time(b));
  }
  return [median(ta), median(tb)];
}

export async function medianTimeAsync(fn: () => Promise<unknown>, reps: number, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const gc = (globalThis as { gc?: () => void }).gc;
export const canCollect = gc !== undefined;

/** Used heap after a full collection (when node runs with --expose-gc). */
export function usedHeap(): number {
  gc?.();
  gc?.();
  return getHeapStatistics().used_heap_size;
}

/** Runs `build` and returns its value with the heap it retains (bytes). */
export function retained<T>(build: () => T): { value: T; bytes: number } {
  const before = usedHeap();
  const value = build();
  const bytes = usedHeap() - before;
  return { value, bytes };
}

export const perSecond = (count: number, ms: number) => (count * 1000) / ms;
