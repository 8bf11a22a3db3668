import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import stringWidth from 'string-width';
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
    expect(stdout).toContain('* gap on philadelphi: unknown: no position from Israel -> open, 3 steps apart');
    expect(stdout).toContain('* phase: negotiating (between rounds) -> negotiating (round in session)');
  });

  it('steps by round from a date', async () => {
    const { stdout } = await run('node', [main, 'step', '--by', 'round', '--from', '2024-08-20', '--log', fixture]);
    expect(stdout).toMatch(/^Step 1 of 1 \(by round, round cairo-2024-08\): 2024-08-22 to 2024-08-23$/m);
    expect(stdout).toContain('* Israel on netzarim: (none) -> accepts checkpoints; rejects israeli-control|phased-withdrawal|full-withdrawal (contested: other claims differ)');
  });

  it('marks the hypothetical events of a scenario', async () => {
    const { stdout } = await run('node', [main, 'step', '--by', 'day', '--from', '2024-08-24', '--log', fixture, '--scenario', whatIf]);
    expect(stdout).toContain('Scenario: Both sides accept a phased Philadelphi withdrawal');
    expect(stdout).toContain('Israel accepts a gradual withdrawal from the Philadelphi corridor. [hypothetical]');
    expect(stdout).toContain('* gap on philadelphi: open, 3 steps apart -> bridged: both accept phased-withdrawal [hypothetical]');
  });

  it('prints every step as JSON with --json: the last state is the state on the last day, under the --policy given', async () => {
    for (const policy of ['first-hand', 'latest', 'consensus']) {
      const sequence = JSON.parse((await run('node', [main, 'step', '--by', 'day', '--policy', policy, '--json', '--log', fixture], { maxBuffer: 64 * 2 ** 20 })).stdout);
      const last = sequence.at(-1);
      const state = JSON.parse((await run('node', [main, 'state', '--at', last.to, '--policy', policy, '--json', '--log', fixture])).stdout);
      expect(last.after).toEqual(state);
      expect(sequence.map((s: { index: number }) => s.index)).toEqual(sequence.map((_: unknown, i: number) => i));
    }
  });

  it('names a policy other than first-hand on every step line', async () => {
    const { stdout } = await run('node', [main, 'step', '--by', 'round', '--policy', 'consensus', '--log', fixture]);
    expect(stdout).toMatch(/^Step 1 of \d+ \(by round[^)]*; positions by the consensus policy\): /m);
    expect((await run('node', [main, 'step', '--by', 'round', '--log', fixture])).stdout).not.toContain('policy');
  });

  it('rejects a bad unit with exit 2', async () => {
    const failure = await run('node', [main, 'step', '--by', 'week']).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('--by expects one of event, day, round') });
  });
});

// A private tmux server per test, so the tests never touch anyone's sessions, nor
// start a session on a server that is still shutting down after the last test.
let serverCount = 0;
let session = '';
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const alive = () => {
  try {
    tmux('has-session', '-t', session);
    return true;
  } catch {
    return false;
  }
};
// The screen as laid out: -J joins lines the terminal itself wrapped, so a line
// wider than the pane shows up as one. The server may be gone with the program.
const screen = (...flags: string[]) => {
  try {
    return tmux('capture-pane', '-p', '-J', ...flags, '-t', session);
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
const start = (columns: number, rows: number, command: string) => {
  session = `parley-step-${process.pid}-${++serverCount}`;
  return tmux('new-session', '-d', '-x', String(columns), '-y', String(rows), '-s', session, command);
};
const keys = (...k: string[]) => tmux('send-keys', '-t', session, ...k);
const lines = (text: string) => text.replace(/\n$/, '').split('\n');

describe('parley step, in a terminal (tmux)', () => {
  afterEach(() => {
    if (alive()) tmux('kill-server');
  });

  it('steps with n, p, arrows and space, jumps to a date with j, and quits with q', async () => {
    start(120, 40, `NO_COLOR=1 node ${main} step --by day --log ${fixture}`);
    expect(await waitFor((t) => t.includes('Step 1 of 6'))).toContain('n/→/space next');
    keys('n');
    expect(await waitFor((t) => t.includes('Step 2 of 6'))).toContain('The US tables a bridging proposal.');
    keys('Right');
    await waitFor((t) => t.includes('Step 3 of 6'));
    keys('Space');
    await waitFor((t) => t.includes('Step 4 of 6'));
    keys('Left');
    await waitFor((t) => t.includes('Step 3 of 6'));
    keys('p');
    await waitFor((t) => t.includes('Step 2 of 6'));
    keys('j');
    await waitFor((t) => t.includes('Jump to date'));
    keys('2024-08-22', 'Enter');
    const jumped = await waitFor((t) => t.includes('Step 5 of 6'));
    expect(jumped).toContain('A round of talks opens in Cairo.');
    expect(jumped).toContain('jumped to 2024-08-22');
    keys('q');
    await waitFor(() => !alive());
  });

  it('highlights changes with ANSI styling', async () => {
    start(120, 40, `node ${main} step --by day --from 2024-08-19 --log ${fixture}`);
    await waitFor((t) => t.includes('Step 1 of 3') && /q quit\n*$/.test(t));
    expect(screen('-e')).toMatch(/\x1b\[[0-9;]*1[;m][^\n]*accepts israeli-control/);
  });

  // The bundled log's long summaries and quotes are what pushed the old screen around.
  describe.each([
    [80, 24],
    [160, 50],
  ])('full screen at %ix%i', (columns, rows) => {
    // A frame is written top to bottom, so a screen is whole once its last line is the key line.
    const drawn = (check: (text: string) => boolean) => waitFor((t) => check(t) && lines(t).length === rows && / q quit$/.test(lines(t)[rows - 1]!));
    const fits = (text: string) => {
      const shown = lines(text);
      expect(shown).toHaveLength(rows);
      for (const l of shown) expect(stringWidth(l), l).toBeLessThanOrEqual(columns);
      return shown;
    };

    it('keeps the step line first and the key line last, what changed above the events, no line wider than the pane', async () => {
      start(columns, rows, `NO_COLOR=1 node ${main} step --by day --from 2024-08-23`);
      const shown = fits(await drawn((t) => t.includes('Step 1 of 2')));
      expect(shown[0]).toBe('Step 1 of 2 (by day): 2024-08-23');
      expect(shown[rows - 1]).toMatch(/^n\/→\/space next .*q quit$/);
      const changed = shown.findIndex((l) => /^What changed \(\d+\):/.test(l));
      expect(changed).toBeGreaterThan(0);
      const events = shown.findIndex((l) => /^Events \(\d+\):/.test(l));
      if (events !== -1) expect(events).toBeGreaterThan(changed);
      // The day's events do not fit either pane: the status line says how far the text goes.
      expect(shown[rows - 2]).toMatch(/^lines 1–\d+ of \d+; ↓\/PgDn for more$/);
    });

    it('scrolls the text under a fixed header, and redraws the same layout when the pane is resized', async () => {
      start(columns, rows, `NO_COLOR=1 node ${main} step --by day --from 2024-08-23`);
      const top = fits(await drawn((t) => t.includes('Step 1 of 2')));
      keys('Down');
      const down = fits(await drawn((t) => /^lines 2–/m.test(t)));
      expect(down[0]).toBe(top[0]);
      // The body moved up a line: the old second body line is now the first.
      const bodyStart = top.findIndex((l) => l.startsWith('What changed'));
      expect(down[bodyStart]).toBe(top[bodyStart + 1]);
      keys('NPage', 'NPage', 'NPage', 'NPage', 'NPage', 'NPage', 'NPage', 'NPage', 'NPage', 'NPage', 'NPage', 'NPage');
      const bottom = fits(await drawn((t) => t.includes('↑/PgUp to scroll back')));
      expect(bottom[0]).toBe(top[0]);
      expect(bottom[rows - 2]).toMatch(/^lines \d+–(\d+) of \1; ↑\/PgUp to scroll back$/);
      // The end of the text: the last terms of the bundled catalog.
      expect(bottom.join('\n')).toMatch(/reconstruction/);

      const [wider, taller] = [columns + 20, rows + 6];
      tmux('resize-window', '-t', session, '-x', String(wider), '-y', String(taller));
      const resized = lines(await waitFor((t) => lines(t).length === taller && lines(t)[taller - 1]!.includes('q quit')));
      expect(resized[0]).toBe('Step 1 of 2 (by day): 2024-08-23');
      expect(resized[2]).toBe('─'.repeat(wider));
      for (const l of resized) expect(stringWidth(l)).toBeLessThanOrEqual(wider);
    });

    it('says so when a jump goes past the last event, and exits 130 on Ctrl-C with the terminal restored', async () => {
      start(columns, rows, `NO_COLOR=1 node ${main} step --by day; echo "exit code $?"; sleep 30`);
      const first = await drawn((t) => /Step 1 of \d+/.test(t));
      const total = /Step 1 of (\d+)/.exec(first)![1];
      keys('j', '2025-01-01', 'Enter');
      const shown = fits(await drawn((t) => t.includes(`Step ${total} of ${total}`) && t.includes('showing the last step')));
      expect(shown[rows - 2]).toBe('2025-01-01 is after the last event, 2024-09-13; showing the last step');
      keys('C-c');
      await waitFor((t) => t.includes('exit code 130'));
      // Back on the normal screen with the cursor shown.
      expect(tmux('display-message', '-p', '-t', session, '#{alternate_on} #{cursor_flag}').trim()).toBe('0 1');
    });
  });
});
