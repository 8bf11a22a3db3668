// npm run bench [-- --quick] [-- --json] [-- --largest]: replay (against a hand-written fold
// of the same semantics, checked to agree, and a naive XState-plus-immer
// actor), state on a date, what-if forks, explore, validation and loading, on
// synthetic logs of 10^4..10^7 events. Each target is printed with its
// measured figure and PASS/FAIL. Everything is seeded, so two runs measure
// the same work. Each part is a section (a function of the context in
// rows.ts); a new part is a module of its own and one entry in `sections`.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { Catalog } from '../domain/catalog-schema.js';
import { type EventLog, logFromEvents } from '../domain/event-log.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import { bundledEventsDir, loadCatalog, loadLog } from '../io/read-log.js';
import { fork } from '../model/fork.js';
import { lastDate, replay, stateAt } from '../model/replay.js';
import { policies } from '../model/claims.js';
import { handReplay, handView } from './hand-reducer.js';
import { loadingSection, validationSection } from './loading.js';
import { canCollect, median, medianTimes, perSecond, quantile, time } from './measure.js';
import { naiveActorReplay } from './naive-actor.js';
import { benchExplore } from './explore-bench.js';
import { type BenchContext, type Row, type Section, type Target, sizeName } from './rows.js';
import { randomDates, syntheticEvents } from './synthetic-log.js';
import { disagreements } from './agreement.js';
import { startupRows } from './startup.js';
import { benchStateAt } from './query-bench.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, json: { type: 'boolean' }, largest: { type: 'boolean' } } });
const quick = values.quick ?? false;
const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const reps = quick ? 3 : 7;
const queries = quick ? 200 : 1000;
const forks = quick ? 20 : 200;
/** A fork of a large log rebuilds its index (a full replay), so fewer of them. */
const forksFor = (n: number) => (n >= 1_000_000 ? 3 : n >= 100_000 ? 10 : forks);
/** Untimed runs before the timed ones, so the JIT has compiled what is measured. */
const warmup = quick ? 1 : 2;

const rows: Row[] = [];
const row = (r: Row) => {
  rows.push(r);
  if (!values.json) process.stderr.write(`  ${r.measure} [${r.log}]: ${fmt(r.value)} ${r.unit}${r.note ? ` (${r.note})` : ''}${r.target ? ` [${targetCell(r.target)}]` : ''}\n`);
};
const targetCell = (t: Target) => `${t.text}: ${t.pass ? 'PASS' : 'FAIL'}`;

/** The replay rows of one log: model, hand fold (checked to agree under every policy), ratio. */
function benchReplay(log: EventLog, name: string): void {
  const n = log.entries.length;
  const catalog = log.catalog;
  const anomalies = replay(log).anomalies.length;
  // --quick times the larger log twice: its ratio moves less than the smaller one's.
  const times = quick && n >= 100_000 ? 2 : reps;
  const [model, hand] = medianTimes(() => replay(log), () => handView(handReplay(log.entries, catalog), catalog), times, warmup);
  row({ measure: 'replay (model)', log: name, value: perSecond(n, model), unit: 'events/s', note: `${anomalies} anomalies, ${model.toFixed(1)} ms` });
  row({ measure: 'replay (hand-written fold)', log: name, value: perSecond(n, hand), unit: 'events/s', note: `${hand.toFixed(1)} ms` });
  row({ measure: 'replay model / hand fold', log: name, value: model / hand, unit: 'x slower', target: { text: 'at most 2x', pass: model / hand <= 2 } });
  // Equal work: the fold must give the model's state and anomalies, at every size (every policy at the smaller ones).
  const checked = n <= (quick ? 10_000 : 100_000) ? policies : (['first-hand'] as const);
  const problems = checked.flatMap((policy) => disagreements(log, policy, 5).map((p) => `${policy}: ${p}`));
  for (const p of problems) process.stderr.write(`  disagreement [${name}] ${p}\n`);
  row({ measure: 'hand fold agrees with the model', log: name, value: problems.length, unit: 'differences', note: checked.join(', '), target: { text: 'none', pass: problems.length === 0 } });
  if (problems.length > 0) process.exitCode = 1;
}

/** The design parley avoids: an XState actor holding the state in its context, immer per event. */
function benchNaive(log: EventLog, name: string): void {
  const n = log.entries.length;
  const same = JSON.stringify(naiveActorReplay(log)) === JSON.stringify(replay(log));
  if (!same) process.exitCode = 1;
  // --quick: one timed run each after the run compared above (it is 25x the model's time).
  const [naive, model] = medianTimes(() => naiveActorReplay(log), () => replay(log), quick ? 1 : 3, quick ? 0 : 1);
  row({ measure: 'replay (naive XState actor + immer)', log: name, value: perSecond(n, naive), unit: 'events/s', note: `${naive.toFixed(0)} ms; ${same ? 'same state as the model' : 'DIFFERENT state from the model'}` });
  row({ measure: 'naive actor / model', log: name, value: naive / model, unit: 'x slower' });
}

function fmt(x: number): string {
  if (!Number.isFinite(x) || (Number.isInteger(x) && Math.abs(x) < 1e4)) return String(x);
  if (Math.abs(x) >= 1e6) return `${(x / 1e6).toFixed(2)} M`;
  if (Math.abs(x) >= 1e4) return `${(x / 1e3).toFixed(1)} k`;
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 1) return x.toFixed(2);
  return x.toFixed(4);
}

function hypotheticalConcession(catalog: Catalog, date: string, i: number): ParleyEvent {
  const term = catalog.terms[i % catalog.terms.length]!;
  return {
    id: `what-if-${i}`,
    type: 'concession.offered',
    occurred: date,
    precision: 'day',
    dateBasis: 'benchmark',
    summary: 'a what-if concession',
    hypothetical: true,
    party: catalog.principals[i % 2]!,
    term: term.id,
    adds: [term.ladder.at(-1)!.id],
    conditions: [],
  } as ParleyEvent;
}

/** A what-if fork at a random date, then the state at the end of the fork. */
function benchForks(log: EventLog, name: string, target?: (medianMs: number) => Target): void {
  const dates = randomDates(log, forksFor(log.entries.length), 11);
  const end = lastDate(log)!;
  const times = dates.map((d, i) =>
    time(() => {
      const forked = fork(log, { branchAt: d, keep: true, add: [hypotheticalConcession(log.catalog, d, i)] });
      if (!forked.ok) throw new Error('fork failed');
      stateAt(forked.value, end);
    }),
  );
  row({ measure: 'fork + suffix replay, median', log: name, value: median(times), unit: 'ms/fork', ...(target ? { target: target(median(times)) } : {}) });
  row({ measure: 'fork + suffix replay, p95', log: name, value: quantile(times, 0.95), unit: 'ms/fork' });
}

/** 1-4 on each synthetic size: replay against the fold, the naive design, state on dates, forks. */
function replaySection(ctx: BenchContext): void {
  const { catalog } = ctx;
  for (const n of sizes) {
    const name = sizeName(n);
    const log = logFromEvents(catalog, syntheticEvents(catalog, n, n));
    // 1-2. Full replay through the model against the hand-written fold, and the naive design.
    benchReplay(log, name);
    if (n === sizes[0]) benchNaive(log, name);
    // 3. State on random dates, from checkpoints (query-bench.ts).
    benchStateAt(log, name, { row, queries, quick });
    // 4. What-ifs (--quick: not at 10^5, where each fork replays half the log again; no target there).
    if (!(quick && n >= 100_000)) benchForks(log, name);
  }
}

/** 3 at 3x10^6 (only when asked, not with --quick), in a child process with the larger heap its index needs (largest-queries.ts). */
async function largestSection(): Promise<void> {
  if (!values.largest || quick) return;
  const script = fileURLToPath(new URL('./largest-queries.js', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--max-old-space-size=12288', script, String(queries)], { maxBuffer: 1 << 20 });
  for (const line of stdout.split('\n')) if (line !== '') row(JSON.parse(line) as Row);
}

/** 4. What-ifs on the bundled log. */
async function bundledForkSection(): Promise<void> {
  const bundled = await loadLog();
  if (!bundled.ok) throw new Error('cannot load the bundled log');
  benchForks(bundled.value.log, 'bundled', (ms) => ({ text: 'under 1 ms', pass: ms < 1 }));
}

/** 5. Explore: independent open terms (16 to 28), linked ones, and a search over its work budget. */
function exploreSection(ctx: BenchContext): void {
  benchExplore(ctx.row, { quick: ctx.quick, reps: ctx.reps, catalog: ctx.catalog });
}

/** 8. Start-up: a command's whole run against node's own. */
function startupSection(ctx: BenchContext): void {
  startupRows({ quick: ctx.quick }).forEach(ctx.row);
}

/** The parts of the benchmark, in the order they run (6-7 are in loading.ts). */
const sections: readonly Section[] = [replaySection, largestSection, bundledForkSection, exploreSection, validationSection, loadingSection, startupSection];

async function main(): Promise<void> {
  const started = performance.now();
  const catalogResult = await loadCatalog(bundledEventsDir);
  if (!catalogResult.ok) throw new Error('cannot load the bundled catalog');
  const catalog = catalogResult.value;
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, gc: canCollect, quick };
  if (!values.json) process.stderr.write(`parley bench on ${machine.cpus} x ${machine.cpu}, ${machine.memoryGiB} GiB, node ${machine.node}${quick ? ' (quick)' : ''}\n`);

  const tempDir = await mkdtemp(join(tmpdir(), 'parley-bench-'));
  try {
    const ctx: BenchContext = { quick, reps, warmup, catalog, tempDir, row };
    for (const section of sections) {
      const start = performance.now();
      await section(ctx);
      // Where a run's time goes, so a --quick run that grows past its budget says which part grew.
      if (!values.json) process.stderr.write(`  (${section.name}: ${((performance.now() - start) / 1000).toFixed(1)} s)\n`);
    }
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }

  const seconds = (performance.now() - started) / 1000;
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ machine, seconds, rows }, null, 2)}\n`);
    return;
  }
  const header = ['measure', 'log', 'value', 'unit', 'note', 'target'];
  const cells = rows.map((r) => [r.measure, r.log, fmt(r.value), r.unit, r.note ?? '', r.target ? targetCell(r.target) : '']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => `| ${c.map((x, i) => (i === 2 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!))).join(' | ')} |`;
  process.stdout.write(`\nMachine: ${machine.cpus} x ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}${quick ? ' (--quick)' : ''}; measured in ${seconds.toFixed(1)} s (after the build)\n\n`);
  process.stdout.write(`${line(header)}\n|${widths.map((w, i) => (i === 2 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|\n`);
  for (const c of cells) process.stdout.write(`${line(c)}\n`);
  const targets = rows.filter((r) => r.target !== undefined);
  process.stdout.write(`\nTargets: ${targets.filter((r) => r.target!.pass).length} of ${targets.length} pass${quick ? ' (--quick: no 10^6 log)' : ''}\n`);
  for (const r of targets) process.stdout.write(`  ${r.target!.pass ? 'PASS' : 'FAIL'}  ${r.measure} [${r.log}]: ${fmt(r.value)} ${r.unit} (${r.target!.text})\n`);
}

await main();
