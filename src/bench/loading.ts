// 6-7. Validating and loading: parseLog and loadLog in process on 10^5
// events, then the real command line in a child process, against a bare
// script that only reads the same file and JSON.parses each line: wall time
// and the child's peak resident memory. 10^6 events in one file (the
// targets), 10^7 in ten files (must load); --quick: loading 10^5.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../domain/catalog-schema.js';
import { parseLog } from '../domain/log-builder.js';
import { CATALOG_FILES, bundledEventsDir, loadLog } from '../io/read-log.js';
import { median, medianTime, medianTimeAsync, perSecond, usedHeap } from './measure.js';
import { type BenchContext, sizeName } from './rows.js';
import { syntheticEvents } from './synthetic-log.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const CLI = here('../cli/main.js');
const BARE = here('./bare-read.js');
const MAX_RSS = here('./max-rss.js');

/** The targets of issue 14, at 10^6 events in one file. */
const MAX_RATIO = 2.5;
const MAX_PEAK_MIB = 700;
/** A child that runs longer than this is stopped and reported as such (10^7 events get four times as long). */
const TIMEOUT_MS = 300_000;

/**
 * Writes `files` JSONL files of `perFile` synthetic events each (ids made
 * unique across files) beside a copy of the catalog, unless an earlier
 * section has written them already.
 */
async function writeLog(dir: string, catalog: Catalog, perFile: number, files: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  for (const f of CATALOG_FILES) await copyFile(join(bundledEventsDir, f), join(dir, f));
  const paths: string[] = [];
  for (let k = 0; k < files; k++) {
    const path = join(dir, `part-${k}.jsonl`);
    paths.push(path);
    if (await stat(path).then(() => true, () => false)) continue;
    const out = createWriteStream(path);
    const events = syntheticEvents(catalog, perFile, perFile + k);
    for (let i = 0; i < events.length; i += 10_000) {
      const text = events.slice(i, i + 10_000).map((e) => JSON.stringify(files === 1 ? e : { ...e, id: `f${k}-${e.id}` })).join('\n');
      if (!out.write(`${text}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise((resolve, reject) => out.end((e?: Error) => (e ? reject(e) : resolve(undefined))));
  }
  return paths;
}

interface Run {
  readonly ms: number;
  readonly peakBytes: number;
  readonly ok: boolean;
  readonly timedOut: boolean;
}

/** Runs `node [flags] script args` with its output discarded: wall time, peak RSS (the largest reported by max-rss.js, the child's or a child of its own), success. */
function runChild(script: string, args: readonly string[], nodeFlags: readonly string[] = [], timeout = TIMEOUT_MS): Promise<Run> {
  const report = join(tmpdir(), `parley-bench-rss-${process.pid}-${childRuns++}`);
  return new Promise((resolve) => {
    const start = performance.now();
    const env = { ...process.env, PARLEY_BENCH_MAX_RSS: report };
    const child = spawn(process.execPath, [...nodeFlags, '--import', MAX_RSS, script, ...args], { stdio: 'ignore', timeout, env });
    child.on('close', (code, signal) => {
      const ms = performance.now() - start;
      // A child killed (out of memory, or at the timeout) writes no report: its peak is unknown (NaN).
      const peaks = readFileOr(report).split('\n').filter((l) => l !== '').map(Number);
      rmSync(report, { force: true });
      resolve({ ms, peakBytes: peaks.length > 0 ? Math.max(...peaks) : NaN, ok: code === 0, timedOut: signal !== null && ms >= timeout });
    });
  });
}
/** Children started so far, to name each one's report file. */
let childRuns = 0;
const readFileOr = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** 6. parseLog (text already in memory) and loadLog (read from disk) in this process, on 10^5 events. */
export async function validationSection(ctx: BenchContext): Promise<void> {
  const { catalog, quick, row } = ctx;
  const n = 100_000;
  const dir = join(ctx.tempDir, `load-${sizeName(n)}`);
  const [file] = await writeLog(dir, catalog, n, 1);
  const text = await readFile(file!, 'utf8');
  // Start from a collected heap, as the other measures do: the logs before
  // leave garbage whose collection would otherwise be billed to loading.
  usedHeap();
  const parse = medianTime(() => {
    if (!parseLog(catalog, [{ name: 'bench.jsonl', text }]).ok) throw new Error('synthetic log failed validation');
  }, quick ? 1 : 5);
  row({ measure: 'parseLog (validate text)', log: '10^5', value: perSecond(n, parse), unit: 'events/s', note: `${parse.toFixed(0)} ms`, target: { text: 'under 1 s', pass: parse < 1000 } });
  // --quick leaves this to the child process below (`parley check`), which loads the same file.
  if (quick) return;
  usedHeap();
  const load = await medianTimeAsync(async () => {
    if (!(await loadLog([dir])).ok) throw new Error('synthetic log failed to load');
  }, 5, 1);
  row({ measure: 'loadLog (read + validate + order)', log: '10^5', value: perSecond(n, load), unit: 'events/s', note: `${load.toFixed(0)} ms` });
}

const mib = (bytes: number) => bytes / 2 ** 20;

/** 7. `parley state --log FILE` and `parley check FILE` against the bare read of the same file, timed alternately. */
export async function loadingSection(ctx: BenchContext): Promise<void> {
  const { catalog, quick, row } = ctx;
  const n = quick ? 100_000 : 1_000_000;
  const name = sizeName(n);
  const [file] = await writeLog(join(ctx.tempDir, `load-${name}`), catalog, n, 1);
  // --quick leaves out `state`: at 10^5 its time is the replay's and the checkpoints' (measured above), not loading's.
  const commands = [
    ...(quick
      ? []
      : [
          { label: 'parley state --log', args: [CLI, 'state', '--log', file!] },
          // The floor under state's ratio: the bare read, then the hand fold, nothing checked (bare-read.ts).
          { label: 'bare read + hand fold', args: [BARE, '--fold', file!] },
        ]),
    { label: 'parley check (load only)', args: [CLI, 'check', file!] },
  ];
  const runs = new Map<string, Run[]>([['bare', []], ...commands.map((c) => [c.label, []] as [string, Run[]])]);
  // Alternately, so that every command meets the same load on a shared machine.
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    runs.get('bare')!.push(await runChild(BARE, [file!]));
    for (const c of commands) {
      const earlier = runs.get(c.label)!;
      // A command that has run out of time once is not run again.
      if (!earlier.some((r) => r.timedOut)) earlier.push(await runChild(c.args[0]!, c.args.slice(1)));
    }
  }
  const summary = (rs: readonly Run[]) => ({ ms: median(rs.map((r) => r.ms)), peak: Math.max(...rs.map((r) => r.peakBytes)), ok: rs.every((r) => r.ok), timedOut: rs.some((r) => r.timedOut) });
  const peakNote = (bytes: number) => (Number.isNaN(bytes) ? 'peak unknown (the child was stopped)' : `peak ${mib(bytes).toFixed(0)} MiB`);
  const bare = summary(runs.get('bare')!);
  row({ measure: 'bare read + JSON.parse per line', log: name, value: bare.ms, unit: 'ms', note: peakNote(bare.peak) });
  for (const c of commands) {
    const s = summary(runs.get(c.label)!);
    const failed = s.timedOut ? `stopped after ${TIMEOUT_MS / 1000} s` : s.ok ? '' : 'FAILED';
    const targets = n === 1_000_000 && c.label === 'parley state --log';
    row({ measure: c.label, log: name, value: s.ms, unit: 'ms', note: failed || `${perSecond(n, s.ms).toFixed(0)} events/s` });
    row({ measure: `${c.label} / bare read`, log: name, value: s.ms / bare.ms, unit: 'x slower', ...(targets ? { target: { text: `at most ${MAX_RATIO}x`, pass: s.ok && s.ms / bare.ms <= MAX_RATIO } } : {}) });
    row({ measure: `${c.label}: peak memory`, log: name, value: mib(s.peak), unit: 'MiB', note: Number.isNaN(s.peak) ? 'unknown: the child was stopped' : 'resident, of the child', ...(targets ? { target: { text: `under ${MAX_PEAK_MIB} MiB`, pass: s.ok && mib(s.peak) < MAX_PEAK_MIB } } : {}) });
  }
  if (!quick) await tenFiles(ctx);
}

/** 10^7 events in ten files must load, as a user would run it: no node flags (parley sizes its heap, cli/heap-size.ts). */
async function tenFiles(ctx: BenchContext): Promise<void> {
  const files = await writeLog(join(ctx.tempDir, 'load-10^7'), ctx.catalog, 1_000_000, 10);
  const timeout = 4 * TIMEOUT_MS;
  const run = await runChild(CLI, ['check', ...files], [], timeout);
  const peak = Number.isNaN(run.peakBytes) ? 'peak unknown (no report: out of memory?)' : `peak ${mib(run.peakBytes).toFixed(0)} MiB`;
  const note = run.timedOut ? `stopped after ${timeout / 1000} s` : `${run.ok ? 'loaded' : 'FAILED'}, ${peak}`;
  ctx.row({ measure: 'parley check (load only), 10 files', log: '10^7', value: run.ms, unit: 'ms', note, target: { text: 'loads with no node flags', pass: run.ok } });
}
