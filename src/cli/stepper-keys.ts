// What a key does in the interactive stepper, as a pure function of the view,
// so the key bindings can be tested without a terminal.
import { isIsoDay } from '../domain/dates.js';

export interface StepperView {
  readonly index: number;
  readonly count: number;
  /** First visible line of the step's scrolling text. */
  readonly scroll: number;
  /** The date typed so far after "j"; null when not jumping. */
  readonly jump: string | null;
  readonly message: string | null;
  /** "quit" on q or Esc; "interrupt" on Ctrl-C (the command then exits 130). */
  readonly quit: null | 'quit' | 'interrupt';
}

export interface Key {
  readonly name?: string;
  readonly sequence?: string;
  readonly ctrl?: boolean;
}

/** How much of the step's text the screen shows: a page of lines, and how far it can scroll. */
export interface Viewport {
  readonly page: number;
  readonly maxScroll: number;
}

/** Where a jump lands and what to tell the user about it. */
export interface JumpTarget {
  readonly index: number;
  readonly message: string;
}

/** Every key the stepper knows, for the key line and --help; the screen shows the longest that fits. */
export const KEY_HELP_VARIANTS = [
  'n/→/space next   p/← previous   j jump to date   ↑/↓ PgUp/PgDn scroll   Home/End first/last   q quit',
  'n/→/space next  p/← prev  j jump to date  ↑/↓ PgUp/PgDn scroll  q quit',
  'n next  p prev  j jump  ↑↓ PgUp/PgDn scroll  q quit',
  'n p j ↑↓ q',
] as const;

/** The view on the first step. Pure. */
export function initialView(count: number, index = 0): StepperView {
  return { index, count, scroll: 0, jump: null, message: null, quit: null };
}

/**
 * The step a date falls in, for steps spanning `from`..`to` in order: the last
 * step starting on or before the date, with a message that says when the date
 * lies before the first event, after the last, or between steps. Pure.
 */
export function jumpTarget(steps: readonly { readonly from: string; readonly to: string }[], date: string): JumpTarget {
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (first === undefined || last === undefined) return { index: 0, message: 'no steps to jump to' };
  if (date < first.from) return { index: 0, message: `${date} is before the first event, ${first.from}; showing the first step` };
  if (date > last.to) return { index: steps.length - 1, message: `${date} is after the last event, ${last.to}; showing the last step` };
  let index = 0;
  for (const [i, s] of steps.entries()) if (s.from <= date) index = i;
  const s = steps[index]!;
  if (date <= s.to) return { index, message: `jumped to ${date}` };
  return { index, message: `no event on ${date}; showing the last step before it (${s.from === s.to ? s.from : `${s.from} to ${s.to}`})` };
}

const at = (v: StepperView, index: number, message: string | null = null): StepperView => ({
  ...v,
  index: Math.max(0, Math.min(v.count - 1, index)),
  scroll: 0,
  message: message ?? (index < 0 ? 'already at the first step' : index >= v.count ? 'already at the last step' : null),
});

const scrollTo = (v: StepperView, scroll: number, viewport: Viewport): StepperView => ({ ...v, scroll: Math.max(0, Math.min(viewport.maxScroll, scroll)), message: null });

/** The view after a key; `jump` maps a typed date to a step. Pure. */
export function pressKey(v: StepperView, key: Key, jump: (date: string) => JumpTarget, viewport: Viewport): StepperView {
  if (key.ctrl && key.name === 'c') return { ...v, quit: 'interrupt' };
  if (v.jump !== null) {
    if (key.name === 'escape') return { ...v, jump: null, message: null };
    if (key.name === 'return' || key.name === 'enter') {
      if (!isIsoDay(v.jump)) return { ...v, jump: null, message: `not a date: "${v.jump}" (expected YYYY-MM-DD)` };
      const target = jump(v.jump);
      return { ...at(v, target.index, target.message), jump: null };
    }
    if (key.name === 'backspace') return { ...v, jump: v.jump.slice(0, -1) };
    if (key.sequence && /^[0-9-]$/.test(key.sequence) && v.jump.length < 10) return { ...v, jump: v.jump + key.sequence };
    return v;
  }
  switch (key.name) {
    case 'q':
    case 'escape':
      return { ...v, quit: 'quit' };
    case 'n':
    case 'right':
    case 'space':
      return at(v, v.index + 1);
    case 'p':
    case 'left':
      return at(v, v.index - 1);
    case 'home':
      return at(v, 0);
    case 'end':
      return at(v, v.count - 1);
    case 'j':
      return { ...v, jump: '', message: null };
    case 'down':
      return scrollTo(v, v.scroll + 1, viewport);
    case 'up':
      return scrollTo(v, v.scroll - 1, viewport);
    case 'pagedown':
      return scrollTo(v, v.scroll + Math.max(1, viewport.page - 1), viewport);
    case 'pageup':
      return scrollTo(v, v.scroll - Math.max(1, viewport.page - 1), viewport);
    default:
      return key.sequence === ' ' ? at(v, v.index + 1) : v;
  }
}
