// Start-up of the CLI: `parley state` on the bundled log against `node -e 0`,
// run alternately as child processes so both meet the same load. The target
// (issue 14) is within 2x of a bare node: what the CLI itself adds to a run
// must stay below what starting node costs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../io/package-root.js';
import { medianTime, medianTimes } from './measure.js';
import type { Row } from './rows.js';

/** A row as the benchmark prints it (rows.ts). */
export type StartupRow = Row;

const binary = join(packageRoot, 'dist', 'cli', 'main.js');

/** Runs `node ...args` to its end, output discarded; throws if it fails. Not pure: it starts a process. */
function runNode(args: readonly string[]): void {
  const r = spawnSync(process.execPath, args, { stdio: 'ignore', cwd: packageRoot });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status ?? r.signal}`);
}

/**
 * The start-up rows: median wall time of `node -e 0`, of `parley --help` and
 * of `parley state` (the bundled log), and the ratio of the last to the
 * first with its target. Not pure: it starts 3 x `runs` processes.
 */
export function startupRows({ quick }: { readonly quick: boolean }): StartupRow[] {
  const runs = quick ? 10 : 30;
  const [bare, state] = medianTimes(() => runNode(['-e', '0']), () => runNode([binary, 'state']), runs, 2);
  const help = medianTime(() => runNode([binary, '--help']), quick ? 3 : 10, 1);
  const ratio = state / bare;
  return [
    { measure: 'start-up: node -e 0', log: 'none', value: bare, unit: 'ms', note: `median of ${runs}` },
    { measure: 'start-up: parley --help', log: 'none', value: help, unit: 'ms' },
    { measure: 'start-up: parley state', log: 'bundled', value: state, unit: 'ms', note: `median of ${runs}, alternating with node -e 0` },
    { measure: 'parley state / node -e 0', log: 'bundled', value: ratio, unit: 'x', target: { text: 'parley state within 2x of node -e 0', pass: ratio <= 2 } },
  ];
}
