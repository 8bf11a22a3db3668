// A command whose log needs more heap than it has runs again, once, in a
// child node with a heap sized to the files: same output, same exit status,
// signals passed on. A heap the user chose is left alone. The child runs are
// provoked with node's --max-heap-size (a small heap the user did not choose
// with --max-old-space-size), so that the bundled log is already "too large".
import { execFile, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { heapPlan } from '../src/cli/heap-size.js';
import { binary, fixture, repoRoot, runCli } from './helpers/cli.js';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

function runWithFlags(flags: readonly string[], args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [...flags, binary, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('heap plan', () => {
  it('leaves a heap that holds the estimate alone', () => {
    expect(heapPlan(100e6, 4 * GiB, 24 * GiB, false)).toEqual({ kind: 'enough' });
  });

  it('asks for the estimate and a quarter when the log is larger than the heap', () => {
    // 3.9 GB of files: 256 MiB + 1.6 bytes a byte, and a quarter more.
    const plan = heapPlan(3.9e9, 4 * GiB, 24 * GiB, false);
    expect(plan).toEqual({ kind: 'grow', megabytes: Math.ceil((1.25 * (256 * MiB + 1.6 * 3.9e9)) / MiB) });
  });

  it('asks for at most three quarters of the machine, and nothing when that is no larger', () => {
    expect(heapPlan(20e9, 4 * GiB, 24 * GiB, false)).toEqual({ kind: 'grow', megabytes: 18 * 1024 });
    expect(heapPlan(20e9, 4 * GiB, 4 * GiB, false)).toEqual({ kind: 'enough' });
  });

  it('never grows a heap the user chose', () => {
    expect(heapPlan(20e9, 1 * GiB, 24 * GiB, true)).toEqual({ kind: 'enough' });
  });
});

describe('running again with a larger heap', () => {
  it('gives the output of a run that had the heap, and says on stderr why it ran again', async () => {
    const [small, normal] = await Promise.all([runWithFlags(['--max-heap-size=40'], ['state']), runCli(['state'])]);
    expect(small.code).toBe(0);
    expect(small.stdout).toBe(normal.stdout);
    expect(small.stderr).toMatch(/^parley state: \d+ MB of event files need more heap than this process has \(\d+ MiB\); running again with \d+ MiB\n$/);
  });

  it('exits as the child did', async () => {
    const args = ['state', '--log', fixture('anomalous'), '--strict'];
    const [small, normal] = await Promise.all([runWithFlags(['--max-heap-size=40'], args), runCli(args)]);
    expect(normal.code).toBe(1);
    expect(small.code).toBe(1);
    expect(small.stderr).toContain(normal.stderr);
  });

  it('leaves a heap chosen with --max-old-space-size as it is', async () => {
    const chosen = await runWithFlags(['--max-old-space-size=64'], ['state']);
    expect(chosen.code).toBe(0);
    expect(chosen.stderr).toBe('');
  });

  it('passes a SIGTERM sent to it alone on to the child', async () => {
    const parent = spawn(process.execPath, ['--max-heap-size=40', binary, 'view', '--port', '0'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    await new Promise<void>((serving) =>
      parent.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('serving on')) serving();
      }),
    );
    parent.kill('SIGTERM');
    // 'close', not 'exit': the child writes to the same pipe, and may do so after the parent has exited.
    const code = await new Promise<number | null>((closed) => parent.on('close', (c) => closed(c)));
    // The child's view stops on SIGTERM as it does when run directly: it says so and exits 0.
    expect({ stdout, code }).toEqual({ stdout: expect.stringContaining('parley view: stopped') as unknown, code: 0 });
    expect(code).toBe(0);
  });
});
