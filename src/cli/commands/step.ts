import { parseArgs } from 'node:util';
import type { EventLog } from '../../domain/event-log.js';
import { type Step, type StepUnit, stepUnits, steps } from '../../model/steps.js';
import { interrupted, usageError } from '../cli-errors.js';
import { type Command, LOG_HELP, dateOption, helpOption, loadOrFail, logOptions, parsing } from '../command.js';
import { type Style, ansiStyle, formatStep, plainStyle, stepSections } from '../format-step.js';
import { loadOverlay } from '../scenario-option.js';
import { type ScreenSize, layoutScreen } from '../screen-layout.js';
import { runFullScreen } from '../screen-terminal.js';
import { terminalSafe } from '../screen-text.js';
import { KEY_HELP_VARIANTS, type StepperView, type Viewport, initialView, jumpTarget, pressKey } from '../stepper-keys.js';

export const stepCommand: Command = {
  name: 'step',
  summary: 'step through the talks by event, day or round, seeing what changed',
  usage: `parley step [--by event|day|round] [--from DATE] [--scenario FILE] [--log PATH ...]

Shows the talks one step at a time: the event(s) of the step with source,
quote and attribution, what changed in the reported state (phase, round,
proposals, positions, gaps), and the terms after the step.

On a terminal it is interactive and full-screen: the step's header stays at
the top, what changed comes first, then the events and the terms; the text
scrolls between the header and the key line and reflows when the terminal is
resized. Keys: n, → or space next; p or ← previous; j jump to a date;
↑/↓ and PgUp/PgDn scroll; Home/End first/last step; q quit. Ctrl-C quits
with exit code 130.
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
    const title = overlay ? `Scenario: ${terminalSafe(overlay.title)} (hypothetical events marked ${'[hypothetical]'})` : null;
    if (io.isTTY && process.stdin.isTTY) {
      // Ctrl-C ends the stepper as q does, but says so in the exit status (130), as shells expect.
      await interactive(sequence, by, log, title, ansiStyle(!process.env.NO_COLOR));
      return;
    }
    const style = io.isTTY && !process.env.NO_COLOR ? ansiStyle(true) : plainStyle;
    if (title) io.out(`${title}\n`);
    io.out(sequence.map((s) => formatStep(s, sequence.length, by, log, style).join('\n')).join(`\n\n${'-'.repeat(72)}\n\n`));
  },
};

/** The stepper's screen for one view: header fixed, what changed first, then the events and terms. Pure. */
function stepScreen(sequence: readonly Step[], view: StepperView, by: StepUnit, log: EventLog, title: string | null, style: Style, size: ScreenSize) {
  const s = stepSections(sequence[view.index]!, sequence.length, by, log, style, { width: size.columns, fitTable: true });
  const [stepLine, ...rest] = s.header;
  return layoutScreen(
    {
      header: [stepLine!, ...(title ? [style.hypothetical(title)] : []), ...rest],
      body: [...s.changes, '', ...s.events, '', ...s.terms],
      status: view.jump !== null ? `Jump to date (YYYY-MM-DD), Enter to go, Esc to cancel: ${view.jump}` : view.message,
      keys: KEY_HELP_VARIANTS,
      dim: style.dim,
    },
    size,
    view.scroll,
  );
}

/** The interactive shell: raw keys in, one redrawn screen per key and per resize. Ctrl-C ends with exit 130. */
async function interactive(sequence: readonly Step[], by: StepUnit, log: EventLog, title: string | null, style: Style): Promise<void> {
  let view = initialView(sequence.length);
  let viewport: Viewport = { page: 1, maxScroll: 0 };
  const ending = await runFullScreen({
    render(size) {
      const screen = stepScreen(sequence, view, by, log, title, style, size);
      // A resize can shorten the text: keep the scroll within it.
      view = { ...view, scroll: screen.scroll };
      viewport = screen.viewport;
      return screen.lines;
    },
    key(key) {
      view = pressKey(view, key, (date) => jumpTarget(sequence, date), viewport);
      return view.quit === 'interrupt' ? 'SIGINT' : view.quit === 'quit' ? 'quit' : 'continue';
    },
  });
  if (ending !== 'quit') throw interrupted();
}
