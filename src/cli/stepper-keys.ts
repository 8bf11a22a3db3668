// What a key does in the interactive stepper, as a pure function of the view,
// so the key bindings can be tested without a terminal.
import { isIsoDay } from '../domain/dates.js';

export interface StepperView {
  readonly index: number;
  readonly count: number;
  /** First visible line of the step's text. */
  readonly scroll: number;
  /** The date typed so far after "j"; null when not jumping. */
  readonly jump: string | null;
  readonly message: string | null;
  readonly quit: boolean;
}

export interface Key {
  readonly name?: string;
  readonly sequence?: string;
  readonly ctrl?: boolean;
}

export function initialView(count: number, index = 0): StepperView {
  return { index, count, scroll: 0, jump: null, message: null, quit: false };
}

const at = (v: StepperView, index: number, message: string | null = null): StepperView => ({
  ...v,
  index: Math.max(0, Math.min(v.count - 1, index)),
  scroll: 0,
  message: message ?? (index < 0 ? 'already at the first step' : index >= v.count ? 'already at the last step' : null),
});

/** `stepFor` maps a date to the step that shows it. */
export function pressKey(v: StepperView, key: Key, stepFor: (date: string) => number, page: number): StepperView {
  if (key.ctrl && key.name === 'c') return { ...v, quit: true };
  if (v.jump !== null) {
    if (key.name === 'escape') return { ...v, jump: null, message: null };
    if (key.name === 'return' || key.name === 'enter') {
      return isIsoDay(v.jump) ? { ...at(v, stepFor(v.jump)), jump: null, message: `jumped to ${v.jump}` } : { ...v, jump: null, message: `not a date: "${v.jump}" (expected YYYY-MM-DD)` };
    }
    if (key.name === 'backspace') return { ...v, jump: v.jump.slice(0, -1) };
    if (key.sequence && /^[0-9-]$/.test(key.sequence) && v.jump.length < 10) return { ...v, jump: v.jump + key.sequence };
    return v;
  }
  switch (key.name) {
    case 'q':
    case 'escape':
      return { ...v, quit: true };
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
      return { ...v, scroll: v.scroll + 1 };
    case 'up':
      return { ...v, scroll: Math.max(0, v.scroll - 1) };
    case 'pagedown':
      return { ...v, scroll: v.scroll + page };
    case 'pageup':
      return { ...v, scroll: Math.max(0, v.scroll - page) };
    default:
      return key.sequence === ' ' ? at(v, v.index + 1) : v;
  }
}
