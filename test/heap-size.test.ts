// A command whose log needs more heap than it has runs again, once, in a
// child node with a heap sized to the files: same output, same exit status,
// signals passed on; standard input still unread reaches the child. A heap the
// user chose is left alone, and so is a command that has read standard input.
// The child runs are provoked with V8's --max-heap-size (a small heap, not
// chosen with node's --max-old-space-size), so that the bundled log is
// already "too large".
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heapChosen, heapPlan } from '../src/cli/heap-size.js';
import { binary, fixture, repoRoot, runCli } from './helpers/cli.js';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function runWithFlags(flags: readonly string[], args: readonly string[], options: { cwd?: string; input?: Buffer; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(process.execPath, [...flags, binary, ...args], { cwd: options.cwd ?? repoRoot, env: { ...process.env, NO_COLOR: '1', ...options.env } }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin!.end(options.input ?? '');
  });
}

const RAN_AGAIN = /^parley [a-z]+: \d+ MB of event files need more heap than this process has \(\d+ MiB\); running again with \d+ MiB$/m;

describe('heap plan', () => {
  it('leaves a heap that holds the estimate alone', () => {
    expect(heapPlan(100e6, 4 * GiB, 24 * GiB, false)).toEqual({ kind: 'enough' });
  });

  it('asks for the estimate and a quarter when the log is larger than the heap', () => {
    // 3.9 GB of files: 256 MiB + 1.6 bytes a byte, and a quarter more.
    expect(heapPlan(3.9e9, 4 * GiB, 24 * GiB, false)).toEqual({ kind: 'grow', megabytes: Math.ceil((1.25 * (256 * MiB + 1.6 * 3.9e9)) / MiB) });
  });

  it('asks for at most three quarters of the memory', () => {
    // 8 GB: 12.2 GiB needed, and a quarter more is past the 15 GiB that 20 GiB allows.
    expect(heapPlan(8e9, 4 * GiB, 20 * GiB, false)).toEqual({ kind: 'grow', megabytes: 15 * 1024 });
  });

  it('says when even the memory would not hold the estimate, and how much heap it can give', () => {
    const neededMiB = Math.ceil((256 * MiB + 1.6 * 20e9) / MiB);
    expect(heapPlan(20e9, 4 * GiB, 24 * GiB, false)).toEqual({ kind: 'short', neededMiB, usableMiB: 18 * 1024, megabytes: 18 * 1024 });
    expect(heapPlan(20e9, 4 * GiB, 4 * GiB, false)).toEqual({ kind: 'short', neededMiB, usableMiB: 3 * 1024, megabytes: null });
  });

  it('never grows a heap the user chose', () => {
    expect(heapPlan(20e9, 1 * GiB, 24 * GiB, true)).toEqual({ kind: 'enough' });
  });
});

describe('a heap the user chose', () => {
  it("is one set on node's command line or in NODE_OPTIONS, with - or _ in the flag", () => {
    expect(heapChosen(['--max-old-space-size=8192'], '')).toBe(true);
    expect(heapChosen([], '--inspect --max_old_space_size=8192')).toBe(true);
    expect(heapChosen(['--max-old-space-size', '8192'], '')).toBe(true);
    expect(heapChosen(['--max-semi-space-size=64', '--max-heap-size=40'], '--enable-source-maps')).toBe(false);
    expect(heapChosen(['--max-old-space-size-x=1'], '')).toBe(false);
  });
});

describe('running again with a larger heap', () => {
  it('gives the output of a run that had the heap, and says on stderr why it ran again', async () => {
    const [small, normal] = await Promise.all([runWithFlags(['--max-heap-size=40'], ['state']), runCli(['state'])]);
    expect(small.code).toBe(0);
    expect(small.stdout).toBe(normal.stdout);
    expect(small.stderr).toMatch(RAN_AGAIN);
    expect(small.stderr.split('\n')).toHaveLength(2);
  });

  it('exits as the child did', async () => {
    const args = ['state', '--log', fixture('anomalous'), '--strict'];
    const [small, normal] = await Promise.all([runWithFlags(['--max-heap-size=40'], args), runCli(args)]);
    expect(normal.code).toBe(1);
    expect(small.code).toBe(1);
    expect(small.stderr).toMatch(RAN_AGAIN);
    expect(small.stderr).toContain(normal.stderr);
  });

  it('hands the child standard input still unread', async () => {
    const cwd = fixture('sample');
    const input = readFileSync(join(cwd, 'events.jsonl'));
    const args = ['state', '--log', '-'];
    const [small, normal] = await Promise.all([runWithFlags(['--max-heap-size=40'], args, { cwd, input }), runWithFlags([], args, { cwd, input })]);
    expect(small.stderr).toMatch(RAN_AGAIN);
    expect(small.code).toBe(0);
    expect(small.stdout).toBe(normal.stdout);
  });

  it('does not run again once it has read standard input (a scenario from "-")', async () => {
    const input = readFileSync(join(repoRoot, 'scenarios', 'collapse-in-phase1.yaml'));
    const args = ['scenario', 'run', '-'];
    const [small, normal] = await Promise.all([runWithFlags(['--max-heap-size=40'], args, { input }), runWithFlags([], args, { input })]);
    expect(small.stderr).toBe(normal.stderr);
    expect(small.code).toBe(normal.code);
    expect(small.stdout).toBe(normal.stdout);
  });

  it('leaves a heap chosen with --max-old-space-size, or with NODE_OPTIONS, as it is', async () => {
    const [flag, options] = await Promise.all([
      runWithFlags(['--max-old-space-size=64'], ['state']),
      runWithFlags(['--max-heap-size=40'], ['state'], { env: { NODE_OPTIONS: '--max_old_space_size=64' } }),
    ]);
    for (const chosen of [flag, options]) expect({ code: chosen.code, stderr: chosen.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('passes a SIGTERM sent to it alone on to the child', async () => {
    const parent = spawn(process.execPath, ['--max-heap-size=40', binary, 'view', '--port', '0'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    // 'close', not 'exit': the child writes to the same pipe, and may do so after the parent has exited.
    const closed = new Promise<number | null>((resolve) => parent.on('close', (c) => resolve(c)));
    let stdout = '';
    let stderr = '';
    parent.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      await new Promise<void>((serving) =>
        parent.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          if (stdout.includes('serving on')) serving();
        }),
      );
      expect(stderr).toMatch(RAN_AGAIN);
      parent.kill('SIGTERM');
      // The child's view stops on SIGTERM as it does when run directly: it says so and exits 0.
      expect({ stdout: await closed.then(() => stdout), code: await closed }).toEqual({ stdout: expect.stringContaining('parley view: stopped') as unknown, code: 0 });
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
