// The terminal side of a full-screen program: the alternate screen, raw keys,
// a redraw on every key and every resize, and the terminal given back as it
// was however the program ends (a key, Ctrl-C, a signal, or an error).
import { emitKeypressEvents } from 'node:readline';
import type { Key } from './stepper-keys.js';
import type { ScreenSize } from './screen-layout.js';

export type Ending = 'quit' | 'SIGINT' | 'SIGTERM' | 'SIGHUP';

export interface FullScreenProgram {
  /** The screen for this size: exactly `rows` lines, none wider than `columns`. */
  render(size: ScreenSize): readonly string[];
  /** What a key does: keep going, or end (Ctrl-C ends as "SIGINT"). */
  key(key: Key): 'continue' | Ending;
}

const ENTER = '\x1b[?1049h\x1b[?25l';
const LEAVE = '\x1b[0m\x1b[?25h\x1b[?1049l';

/** Each line at its own row, the row cleared first: nothing of the last frame survives. */
function frame(lines: readonly string[]): string {
  return lines.map((line, i) => `\x1b[${i + 1};1H\x1b[2K${line}\x1b[0m`).join('');
}

/**
 * Runs `program` on the terminal until it ends, and says how it ended.
 * Impure: takes over stdin/stdout and process signals while it runs.
 */
export function runFullScreen(program: FullScreenProgram, stdin: NodeJS.ReadStream = process.stdin, stdout: NodeJS.WriteStream = process.stdout): Promise<Ending> {
  const size = (): ScreenSize => ({ rows: stdout.rows || 24, columns: stdout.columns || 80 });
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (outcome: { ending: Ending } | { error: unknown }) => {
      if (done) return;
      done = true;
      stdin.off('keypress', onKey);
      stdout.off('resize', draw);
      for (const s of signals) process.off(s, onSignal[s]);
      process.off('exit', restore);
      restore();
      if ('error' in outcome) reject(outcome.error);
      else resolve(outcome.ending);
    };
    const restore = () => {
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      stdout.write(LEAVE);
    };
    const draw = () => {
      try {
        stdout.write(frame(program.render(size())));
      } catch (error) {
        finish({ error });
      }
    };
    const onKey = (_: string | undefined, key: Key | undefined) => {
      let next: 'continue' | Ending;
      try {
        next = program.key(key ?? {});
      } catch (error) {
        return finish({ error });
      }
      if (next === 'continue') draw();
      else finish({ ending: next });
    };
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const onSignal = { SIGINT: () => finish({ ending: 'SIGINT' }), SIGTERM: () => finish({ ending: 'SIGTERM' }), SIGHUP: () => finish({ ending: 'SIGHUP' }) };

    emitKeypressEvents(stdin);
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.resume();
    stdin.on('keypress', onKey);
    stdout.on('resize', draw);
    for (const s of signals) process.on(s, onSignal[s]);
    // Should anything exit the process behind our back, the terminal still comes back.
    process.on('exit', restore);
    stdout.write(ENTER);
    draw();
  });
}
