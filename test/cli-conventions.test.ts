// The conventions a command-line user expects, on the real binary: --version,
// "-" for standard input, "did you mean", a warning for a date outside the
// log, and exit 130 when Ctrl-C stops an interactive command.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliResult, binary, fixture, repoRoot, runCli } from './helpers/cli.js';

const sample = fixture('sample');

/** Runs the binary with `input` on standard input. */
function runWithInput(args: readonly string[], input: string, cwd: string): Promise<CliResult> {
  return new Promise((done) => {
    const child = execFile(process.execPath, [binary, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin!.end(input);
  });
}

describe('a conventional CLI', () => {
  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `parley ${version}\n` });
  });

  it('reads a log from standard input with "-", the catalog from the working directory', async () => {
    const events = readFileSync(join(sample, 'events.jsonl'), 'utf8');
    const check = await runWithInput(['check', '-'], events, sample);
    expect(check).toMatchObject({ code: 0, stdout: expect.stringContaining('ok: 8 events in 1 file(s)') });
    const state = await runWithInput(['state', '--log', '-', '--at', '2024-08-20', '--json'], events, sample);
    expect(JSON.parse(state.stdout).gaps.corridor).toMatchObject({ status: 'open' });
    const bad = await runWithInput(['check', '-'], `${events}{"id":\n`, sample);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^<stdin>:9: not valid JSON .*\[bad-json\]$/m);
  });

  it('reads a scenario from standard input with "-"', async () => {
    const text = readFileSync(fixture('scenarios/north-concedes.yaml'), 'utf8').replace('base: ../sample', `base: ${sample}`);
    const r = await runWithInput(['scenario', 'run', '-'], text, repoRoot);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('North accepts a reduced presence on the corridor');
  });

  it('suggests the command or option meant (two edits or fewer), and exits 2', async () => {
    const command = await runCli(['stat']);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/^parley: unknown command "stat"; did you mean state\? \[usage\]$/m);
    const option = await runCli(['state', '--jsn', '--log', sample]);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^parley state: unknown option "--jsn"; did you mean --json\? \[usage\]$/m);
    const far = await runCli(['frobnicate']);
    expect(far.stderr).not.toContain('did you mean');
  });

  it('answers for a date outside the log, with a warning that says so', async () => {
    const after = await runCli(['state', '--at', '2030-01-01', '--log', sample]);
    expect(after.code).toBe(0);
    expect(after.stderr).toBe('warning: --at: 2030-01-01 is after the last event, 2024-08-20 [date-outside-log]\n');
    const before = await runCli(['diff', '--from', '2024-01-01', '--to', '2024-08-20', '--log', sample]);
    expect(before.stderr).toBe('warning: --from: 2024-01-01 is before the first event, 2024-08-15 [date-outside-log]\n');
    expect((await runCli(['state', '--at', '2024-08-16', '--log', sample])).stderr).toBe('');
  });
});

describe('Ctrl-C in the interactive stepper (tmux)', () => {
  const session = `parley-sigint-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
  let dir: string | undefined;
  afterEach(async () => {
    try {
      tmux('kill-server');
    } catch {
      // Already gone with the stepper.
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('exits 130', async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-sigint-'));
    const status = join(dir, 'status');
    tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', session, `NO_COLOR=1 ${process.execPath} ${binary} step --by day --log ${fixture('talks')}; echo $? > ${status}`);
    const until = async (check: () => boolean) => {
      for (const deadline = Date.now() + 15_000; Date.now() < deadline && !check(); ) await new Promise((r) => setTimeout(r, 50));
    };
    await until(() => {
      try {
        return tmux('capture-pane', '-p', '-t', session).includes('Step 1 of');
      } catch {
        return false;
      }
    });
    tmux('send-keys', '-t', session, 'C-c');
    await until(() => existsSync(status));
    expect((await readFile(status, 'utf8')).trim()).toBe('130');
  }, 30_000);
});
