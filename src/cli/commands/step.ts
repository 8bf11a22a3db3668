import type { EventLog } from '../../domain/event-log.js';
import { type Step, type StepUnit, steps } from '../../model/steps.js';
import { interrupted } from '../cli-errors.js';
import type { stepOptions } from '../command-table.js';
import { type Output, loadOrFail } from '../command.js';
import { type Style, ansiStyle, formatStep, plainStyle, stepSections } from '../format-step.js';
import type { Parsed } from '../option-spec.js';
import { loadOverlay } from '../scenario-option.js';
import { type ScreenSize, layoutScreen } from '../screen-layout.js';
import { runFullScreen } from '../screen-terminal.js';
import { terminalSafe } from '../screen-text.js';
import { KEY_HELP_VARIANTS, type StepperView, type Viewport, initialView, jumpTarget, pressKey } from '../stepper-keys.js';

/** Runs `parley step` (declared in command-table.ts). */
export async function run({ values }: Parsed<typeof stepOptions>, io: Output): Promise<void> {
  const by = (values.by ?? 'event') as StepUnit;
  const { from } = values;
  const { log: base } = await loadOrFail(values.log);
  const overlay = values.scenario === undefined ? undefined : await loadOverlay(values.scenario, base);
  const log = overlay?.whatIf ?? base;
  const sequence = steps(log, { by, ...(from ? { from } : {}), filter: { policy: values.policy } });
  if (values.json) {
    io.out(JSON.stringify(sequence, null, 2));
    return;
  }
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
}

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
