// A log of millions of events needs more heap than node gives by default
// (V8 sizes its heap to the machine's memory, but to no more than about
// 4 GiB on a 64-bit machine): ten million events, 3.9 GB of files, take about
// 5 GiB. Rather than run out of memory after minutes, with V8's fatal error
// and its stack, a command estimates from the files' sizes, before reading
// them, what they will take; when that is more than its heap, it runs again
// in a child node whose heap is sized to the files, up to three quarters of
// the memory the process may use. Only a command's first load may do this,
// and only while it has not read standard input: by then it has done nothing
// a second run would repeat. A heap the user chose with node's
// --max-old-space-size (also in NODE_OPTIONS) is left as it is, and so is the
// child's, so a command runs again at most once.
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { constants, totalmem } from 'node:os';
import { isatty } from 'node:tty';
import { getHeapStatistics } from 'node:v8';
import { formatProblem } from '../domain/problem.js';
import { STDIN, stdinRead } from '../io/read-text.js';

const MiB = 2 ** 20;
/**
 * Heap per byte of event files: a synthetic log of 10^6 events (394 MB)
 * holds 0.9 bytes per byte once loaded and 1.1 after a replay; the rest is
 * margin for the collector and for what a command builds. Real lines, with
 * longer quotes, take less.
 */
const HEAP_PER_FILE_BYTE = 1.6;
/** What a command needs besides its log: code, the catalog, its output. */
const BASE_HEAP = 256 * MiB;
/** The share of the process's memory a larger heap may take. */
const MEMORY_SHARE = 0.75;

/** What to do about the heap before reading a log. `short`: the estimate is more than the memory allows (`megabytes` is then the most it allows, or null when that is no more than the heap already has). */
export type HeapPlan =
  | { readonly kind: 'enough' }
  | { readonly kind: 'grow'; readonly megabytes: number }
  | { readonly kind: 'short'; readonly neededMiB: number; readonly usableMiB: number; readonly megabytes: number | null };

/**
 * Whether a log of `fileBytes` fits a heap of `limitBytes`, and if not, the
 * heap (in MiB) to run again with: the estimate plus a quarter, at most three
 * quarters of `memoryBytes`. A heap the user chose (`chosen`) is never grown.
 * Pure.
 */
export function heapPlan(fileBytes: number, limitBytes: number, memoryBytes: number, chosen: boolean): HeapPlan {
  const needed = BASE_HEAP + HEAP_PER_FILE_BYTE * fileBytes;
  if (chosen || needed <= limitBytes) return { kind: 'enough' };
  const usable = MEMORY_SHARE * memoryBytes;
  if (needed <= usable) return { kind: 'grow', megabytes: Math.ceil(Math.min(1.25 * needed, usable) / MiB) };
  return { kind: 'short', neededMiB: Math.ceil(needed / MiB), usableMiB: Math.floor(usable / MiB), megabytes: usable > limitBytes ? Math.floor(usable / MiB) : null };
}

/** Whether node's flags or NODE_OPTIONS set the old generation's size (node accepts `_` for `-` in flag names). Pure. */
export function heapChosen(execArgv: readonly string[], nodeOptions: string): boolean {
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((a) => /^--max[-_]old[-_]space[-_]size(=|$)/.test(a));
}

/** "3.9 GB", or "41 MB" under a gigabyte. Pure. */
const sizeText = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.ceil(bytes / 1e6)} MB`);

/** Thrown by checkHeapFor, caught by main.ts: run the command again with this heap. Not a Problem: nothing is wrong with the input. */
export class RerunWithHeap {
  constructor(
    readonly megabytes: number,
    readonly fileBytes: number,
    readonly limitMiB: number,
  ) {}

  /** What the user is told on stderr, after "parley COMMAND: ". */
  get notice(): string {
    return `${sizeText(this.fileBytes)} of event files need more heap than this process has (${this.limitMiB} MiB); running again with ${this.megabytes} MiB`;
  }
}

/** The memory this process may use: the machine's, or less under a container's limit. */
function memoryBytes(): number {
  const constrained = process.constrainedMemory?.();
  return constrained !== undefined && constrained > 0 ? Math.min(constrained, totalmem()) : totalmem();
}

let checked = false;

/**
 * Throws RerunWithHeap when the event files at `paths` need a larger heap
 * than this process has, and it may have one; says so on stderr when the
 * memory would not hold them even then. Only the process's first call acts,
 * and not once standard input has been read. Reads the files' sizes only
 * ("-" and what cannot be read count nothing: the loader reports those).
 */
export async function checkHeapFor(paths: readonly string[]): Promise<void> {
  if (checked || stdinRead()) return;
  checked = true;
  const sizes = await Promise.all(paths.map((p) => (p === STDIN ? 0 : stat(p).then((s) => (s.isFile() ? s.size : 0), () => 0))));
  const fileBytes = sizes.reduce((a, b) => a + b, 0);
  const limit = getHeapStatistics().heap_size_limit;
  const plan = heapPlan(fileBytes, limit, memoryBytes(), heapChosen(process.execArgv, process.env.NODE_OPTIONS ?? ''));
  if (plan.kind === 'enough') return;
  if (plan.kind === 'short') {
    process.stderr.write(`warning: ${formatProblem({ file: 'parley', code: 'too-large', warning: true, message: `${sizeText(fileBytes)} of event files may need about ${plan.neededMiB} MiB of heap, more than the ${plan.usableMiB} MiB this machine can give; the load may run out of memory (load fewer files at a time)` })}\n`);
  }
  if (plan.megabytes !== null) throw new RerunWithHeap(plan.megabytes, fileBytes, Math.round(limit / MiB));
}

/**
 * Runs this command line again in a child node with a heap of `megabytes`,
 * on the same standard streams, and resolves to its exit status; when a
 * signal ends the child, this process ends by the same signal. Ctrl-C at a
 * terminal reaches the child directly (it is in the terminal's process
 * group), so this process only waits through it; a SIGINT sent to this
 * process alone (no terminal on standard input), a SIGTERM or a SIGHUP is
 * passed on.
 */
export function rerunWithHeap(megabytes: number): Promise<number> {
  const args = [...process.execArgv, `--max-old-space-size=${megabytes}`, process.argv[1]!, ...process.argv.slice(2)];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  const pass = (signal: NodeJS.Signals) => child.kill(signal);
  const onInterrupt = () => {
    if (!isatty(0)) child.kill('SIGINT');
  };
  process.on('SIGINT', onInterrupt).on('SIGTERM', pass).on('SIGHUP', pass);
  return new Promise((resolve) => {
    const done = (status: number, signal: NodeJS.Signals | null = null) => {
      process.off('SIGINT', onInterrupt).off('SIGTERM', pass).off('SIGHUP', pass);
      if (signal !== null) process.kill(process.pid, signal);
      resolve(status);
    };
    child.on('error', (e) => {
      process.stderr.write(`parley: could not run again with a larger heap: ${e.message}\n`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? 128 + (signal ? constants.signals[signal] : 0), signal));
  });
}
