import { emitKeypressEvents } from 'node:readline';
import { parseArgs } from 'node:util';
import type { EventLog } from '../../domain/event-log.js';
import { type Step, type StepUnit, stepIndexAt, stepUnits, steps } from '../../model/steps.js';
import { interrupted, usageError } from '../cli-errors.js';
import { type Command, LOG_HELP, dateOption, helpOption, loadOrFail, logOptions, parsing } from '../command.js';
import { type Style, ansiStyle, formatStep, plainStyle } from '../format-step.js';
import { loadOverlay } from '../scenario-option.js';
import { type Key, initialView, pressKey, type StepperView } from '../stepper-keys.js';

const KEYS_HELP = 'n/→/space next   p/← previous   j jump to date   ↑/↓ scroll   q quit';

export const stepCommand: Command = {
  name: 'step',
  summary: 'step through the talks by event, day or round, seeing what changed',
  usage: `parley step [--by event|day|round] [--from DATE] [--scenario FILE] [--log PATH ...]

Shows the talks one step at a time: the event(s) of the step with source,
quote and attribution, what changed in the reported state (phase, round,
proposals, positions, gaps), and the terms after the step.

On a terminal it is interactive: ${KEYS_HELP}.
Otherwise (piped or redirected) it prints every step as plain text.
Colour follows NO_COLOR; changes are also marked with "*".

  --by UNIT       event (default), day, or round (a round runs from one
                  round.opened to the next)
  --from DATE     start at the first event on or after DATE
  --scenario FILE step through a what-if: the log with the scenario's
                  hypothetical events, each marked [hypothetical]
${LOG_HELP}`,
  async run(argv, io) {
    const { values } = parsing(() =>
      parseArgs({
        args: [...argv],
        options: { ...helpOption, ...logOptions, by: { type: 'string' }, from: { type: 'string' }, scenario: { type: 'string' } },
      }),
    );
    const by = (values.by ?? 'event') as StepUnit;
    if (!stepUnits.includes(by)) throw usageError(`--by expects one of ${stepUnits.join(', ')}, got "${values.by}"`);
    const from = dateOption(values.from, '--from');
    const { log: base } = await loadOrFail(values.log);
    const overlay = values.scenario === undefined ? undefined : await loadOverlay(values.scenario, base);
    const log = overlay?.whatIf ?? base;
    const sequence = steps(log, { by, ...(from ? { from } : {}) });
    if (sequence.length === 0) {
      io.out(from ? `No events on or after ${from}.` : 'No events.');
      return;
    }
    const title = overlay ? `Scenario: ${overlay.title} (hypothetical events marked ${'[hypothetical]'})` : null;
    if (io.isTTY && process.stdin.isTTY) {
      const ending = await interactive(sequence, by, log, title, ansiStyle(!process.env.NO_COLOR));
      // Ctrl-C ends the stepper as q does, but says so in the exit status (130), as shells expect.
      if (ending === 'interrupted') throw interrupted();
      return;
    }
    const style = io.isTTY && !process.env.NO_COLOR ? ansiStyle(true) : plainStyle;
    if (title) io.out(`${title}\n`);
    io.out(sequence.map((s) => formatStep(s, sequence.length, by, log, style).join('\n')).join(`\n\n${'-'.repeat(72)}\n\n`));
  },
};

function screen(lines: readonly string[], view: StepperView, rows: number, style: Style): string {
  const body = rows - 2;
  const scroll = Math.min(view.scroll, Math.max(0, lines.length - body));
  const visible = lines.slice(scroll, scroll + body);
  const more = lines.length - scroll - visible.length;
  const status = view.jump !== null ? `Jump to date (YYYY-MM-DD), Enter to go, Esc to cancel: ${view.jump}` : view.message ?? (more > 0 ? `(${more} more lines: ↓ to scroll)` : '');
  return `\x1b[H\x1b[2J${visible.join('\n')}\x1b[${rows - 1};1H${style.dim(KEYS_HELP)}\n${status}`;
}

/** The interactive shell: raw keys in, one redrawn screen per key; resolves with how the user left. */
function interactive(sequence: readonly Step[], by: StepUnit, log: EventLog, title: string | null, style: Style): Promise<'quit' | 'interrupted'> {
  const { stdin, stdout } = process;
  const size = () => ({ rows: stdout.rows || 24, columns: stdout.columns || 80 });
  let view = initialView(sequence.length);
  const draw = () => {
    const { rows, columns } = size();
    const lines = formatStep(sequence[view.index]!, sequence.length, by, log, style, columns - 2);
    stdout.write(screen(title ? [style.hypothetical(title), ...lines] : lines, view, rows, style));
  };
  return new Promise((done) => {
    const onKey = (_: string, key: Key | undefined) => {
      const interrupted = key?.ctrl === true && key.name === 'c';
      view = pressKey(view, key ?? {}, (date) => stepIndexAt(sequence, date), size().rows - 3);
      if (!view.quit) return draw();
      stdin.off('keypress', onKey);
      stdout.off('resize', draw);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\x1b[?25h\x1b[?1049l');
      done(interrupted ? 'interrupted' : 'quit');
    };
    emitKeypressEvents(stdin);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('keypress', onKey);
    stdout.on('resize', draw);
    stdout.write('\x1b[?1049h\x1b[?25l');
    draw();
  });
}
