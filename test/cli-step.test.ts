import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const main = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
const fixture = join(import.meta.dirname, 'fixtures', 'talks');
const whatIf = join(import.meta.dirname, 'fixtures', 'what-if.json');

describe('parley step, piped', () => {
  it('prints every step as plain text, with sources, quotes and changes', async () => {
    const { stdout } = await run('node', [main, 'step', '--by', 'day', '--log', fixture]);
    expect(stdout).not.toMatch(/\x1b\[/);
    expect(stdout.match(/^Step \d+ of 6 \(by day\)/gm)).toHaveLength(6);
    expect(stdout).toContain('Step 5 of 6 (by day): 2024-08-22');
    expect(stdout).toContain('“talks began in Cairo on Thursday evening”');
    expect(stdout).toContain('Egyptian officials (egypt); according to The Daily Ledger');
    expect(stdout).toContain('* gap on philadelphi: unknown: no position from israel -> open, 3 steps apart');
    expect(stdout).toContain('* phase: negotiating (between rounds) -> negotiating (round in session)');
  });

  it('steps by round from a date', async () => {
    const { stdout } = await run('node', [main, 'step', '--by', 'round', '--from', '2024-08-20', '--log', fixture]);
    expect(stdout).toMatch(/^Step 1 of 1 \(by round, round cairo-2024-08\): 2024-08-22 to 2024-08-23$/m);
    expect(stdout).toContain('* israel on netzarim: (none) -> accepts checkpoints');
  });

  it('marks the hypothetical events of a scenario', async () => {
    const { stdout } = await run('node', [main, 'step', '--by', 'day', '--from', '2024-08-24', '--log', fixture, '--scenario', whatIf]);
    expect(stdout).toContain('Scenario: Both sides accept a phased Philadelphi withdrawal');
    expect(stdout).toContain('Israel accepts a gradual withdrawal from the Philadelphi corridor. [hypothetical]');
    expect(stdout).toContain('* gap on philadelphi: open, 3 steps apart -> bridged: both accept phased-withdrawal [hypothetical]');
  });

  it('rejects a bad unit with exit 2', async () => {
    const failure = await run('node', [main, 'step', '--by', 'week']).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('--by expects one of event, day, round') });
  });
});

describe('parley step, in a terminal (tmux)', () => {
  const session = `parley-step-${process.pid}`;
  // A private tmux server, so the test never touches anyone's sessions.
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
  const alive = () => {
    try {
      tmux('has-session', '-t', session);
      return true;
    } catch {
      return false;
    }
  };
  // The server goes away with the stepper, so a capture may find nothing to read.
  const screen = () => {
    try {
      return tmux('capture-pane', '-p', '-t', session);
    } catch {
      return '';
    }
  };
  async function waitFor(check: (text: string) => boolean): Promise<string> {
    let text = '';
    // Generous: under a full parallel test run, starting node in a pane can take seconds.
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
      text = screen();
      if (check(text)) return text;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`screen never matched; last screen:\n${text}`);
  }
  afterEach(() => {
    if (alive()) tmux('kill-server');
  });

  it('steps with n, p, arrows and space, jumps to a date with j, and quits with q', async () => {
    tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', session, `NO_COLOR=1 node ${main} step --by day --log ${fixture}`);
    expect(await waitFor((t) => t.includes('Step 1 of 6'))).toContain('n/→/space next');
    tmux('send-keys', '-t', session, 'n');
    expect(await waitFor((t) => t.includes('Step 2 of 6'))).toContain('The US tables a bridging proposal.');
    tmux('send-keys', '-t', session, 'Right');
    await waitFor((t) => t.includes('Step 3 of 6'));
    tmux('send-keys', '-t', session, 'Space');
    await waitFor((t) => t.includes('Step 4 of 6'));
    tmux('send-keys', '-t', session, 'Left');
    await waitFor((t) => t.includes('Step 3 of 6'));
    tmux('send-keys', '-t', session, 'p');
    await waitFor((t) => t.includes('Step 2 of 6'));
    tmux('send-keys', '-t', session, 'j');
    await waitFor((t) => t.includes('Jump to date'));
    tmux('send-keys', '-t', session, '2024-08-22', 'Enter');
    const jumped = await waitFor((t) => t.includes('Step 5 of 6'));
    expect(jumped).toContain('A round of talks opens in Cairo.');
    expect(jumped).toContain('jumped to 2024-08-22');
    tmux('send-keys', '-t', session, 'q');
    await waitFor(() => !alive());
  });

  it('highlights changes with ANSI styling', async () => {
    tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', session, `node ${main} step --by day --from 2024-08-19 --log ${fixture}`);
    await waitFor((t) => t.includes('Step 1 of 3'));
    const styled = tmux('capture-pane', '-p', '-e', '-t', session);
    expect(styled).toMatch(/\x1b\[[0-9;]*1[;m][^\n]*accepts israeli-control/);
  });
});
