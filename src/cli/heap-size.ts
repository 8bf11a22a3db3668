// A log of millions of events needs more heap than node gives by default
// (about 4 GiB on a 64-bit machine, however much memory the machine has): ten
// million events, 3.9 GB of files, take about 5 GiB. Rather than run out of
// memory after minutes, with V8's fatal error and its stack, a command
// estimates from the files' sizes, before reading them, what they will take;
// when that is more than its heap, it runs again in a child node whose heap
// is sized to the files (up to three quarters of the machine's memory). A
// heap the user chose (--max-old-space-size, also in NODE_OPTIONS) is left
// as it is, and so is the child's, so a command is run again at most once.
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { constants, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';

const MiB = 2 ** 20;
/**
 * Heap per byte of event files: a synthetic log of 10^6 events (394 MB)
 * holds 1.2 bytes per byte once loaded and 1.4 after a replay; the rest is
 * margin for the collector. Real lines, with longer quotes, take less.
 */
const HEAP_PER_FILE_BYTE = 1.6;
/** What a command needs besides its log: code, the catalog, its output. */
const BASE_HEAP = 256 * MiB;
/** The share of the machine's memory a larger heap may take. */
const MEMORY_SHARE = 0.75;
const HEAP_FLAG = '--max-old-space-size';

/** What to do about the heap before reading a log. */
export type HeapPlan = { readonly kind: 'enough' } | { readonly kind: 'grow'; readonly megabytes: number };

/**
 * Whether a log of `fileBytes` fits a heap of `limitBytes`, and if not, the
 * heap (in MiB) to run again with: the estimate plus a quarter, at most
 * three quarters of `memoryBytes`. A heap the user chose (`chosen`) is never
 * grown, nor is one that the machine's memory could not make larger. Pure.
 */
export function heapPlan(fileBytes: number, limitBytes: number, memoryBytes: number, chosen: boolean): HeapPlan {
  const needed = BASE_HEAP + HEAP_PER_FILE_BYTE * fileBytes;
  const usable = MEMORY_SHARE * memoryBytes;
  if (chosen || needed <= limitBytes || usable <= limitBytes) return { kind: 'enough' };
  return { kind: 'grow', megabytes: Math.ceil(Math.min(1.25 * needed, usable) / MiB) };
}

/** Thrown by checkHeapFor, caught by main.ts: run the command again with this heap. Not a Problem: nothing is wrong with the input. */
export class RerunWithHeap {
  constructor(
    readonly megabytes: number,
    readonly fileBytes: number,
    readonly limitMiB: number,
  ) {}
}

/** Whether the user set the heap's size: on node's command line or in NODE_OPTIONS. Reads the process's flags and environment. */
function heapChosen(): boolean {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.startsWith(HEAP_FLAG));
}

/**
 * Throws RerunWithHeap when the event files at `paths` (regular files; "-"
 * and anything that cannot be read count nothing, the loader reports those)
 * need a larger heap than this process has and can have one. Reads the
 * files' sizes only.
 */
export async function checkHeapFor(paths: readonly string[]): Promise<void> {
  const sizes = await Promise.all(paths.map((p) => stat(p).then((s) => (s.isFile() ? s.size : 0), () => 0)));
  const fileBytes = sizes.reduce((a, b) => a + b, 0);
  const limit = getHeapStatistics().heap_size_limit;
  const plan = heapPlan(fileBytes, limit, totalmem(), heapChosen());
  if (plan.kind === 'grow') throw new RerunWithHeap(plan.megabytes, fileBytes, Math.round(limit / MiB));
}

/**
 * Runs this command line again in a child node with a heap of `megabytes`,
 * on the same standard streams; resolves to its exit status (128 plus the
 * signal's number when a signal ended it). Ctrl-C at a terminal reaches the
 * child directly (it is in the terminal's process group), so this process
 * only waits through it; a SIGTERM or SIGHUP sent to this process alone is
 * passed on.
 */
export function rerunWithHeap(megabytes: number): Promise<number> {
  const args = [...process.execArgv, `${HEAP_FLAG}=${megabytes}`, process.argv[1]!, ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  const wait = () => {};
  const pass = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', wait).on('SIGTERM', pass).on('SIGHUP', pass);
  return new Promise((resolve) => {
    const done = (status: number) => {
      process.off('SIGINT', wait).off('SIGTERM', pass).off('SIGHUP', pass);
      resolve(status);
    };
    child.on('error', (e) => {
      process.stderr.write(`parley: could not run again with a larger heap: ${e.message}\n`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}
