// The stepper's keys as a pure function of the view: what each key does, where
// a jump lands and what it says, and that scrolling stays within the text.
import { describe, expect, it } from 'vitest';
import { type StepperView, initialView, jumpTarget, pressKey } from '../src/cli/stepper-keys.js';

const steps = [
  { from: '2024-05-31', to: '2024-05-31' },
  { from: '2024-08-15', to: '2024-08-16' },
  { from: '2024-08-22', to: '2024-08-22' },
  { from: '2024-09-13', to: '2024-09-13' },
];
const jump = (date: string) => jumpTarget(steps, date);
const viewport = { page: 10, maxScroll: 25 };
const press = (v: StepperView, ...keys: { name?: string; sequence?: string; ctrl?: boolean }[]) => keys.reduce((x, k) => pressKey(x, k, jump, viewport), v);
const typed = (text: string) => [...text].map((c) => ({ sequence: c }));

describe('jumpTarget', () => {
  it('lands on the step holding the date', () => {
    expect(jump('2024-08-16')).toEqual({ index: 1, message: 'jumped to 2024-08-16' });
  });

  it('says when the date is after the last event, and shows the last step', () => {
    expect(jump('2025-01-01')).toEqual({ index: 3, message: '2025-01-01 is after the last event, 2024-09-13; showing the last step' });
  });

  it('says when the date is before the first event, and shows the first step', () => {
    expect(jump('2024-01-01')).toEqual({ index: 0, message: '2024-01-01 is before the first event, 2024-05-31; showing the first step' });
  });

  it('says when no event falls on the date, and shows the step before it', () => {
    expect(jump('2024-08-20')).toEqual({ index: 1, message: 'no event on 2024-08-20; showing the last step before it (2024-08-15 to 2024-08-16)' });
  });
});

describe('pressKey', () => {
  const start = initialView(steps.length);

  it('jumps with j, a typed date and Enter, and reports a jump past the end', () => {
    const v = press(start, { name: 'j' }, ...typed('2025-01-01'), { name: 'return' });
    expect(v).toMatchObject({ index: 3, jump: null, message: '2025-01-01 is after the last event, 2024-09-13; showing the last step' });
  });

  it('refuses what is not a date', () => {
    expect(press(start, { name: 'j' }, ...typed('2024-13'), { name: 'return' })).toMatchObject({ index: 0, message: 'not a date: "2024-13" (expected YYYY-MM-DD)' });
  });

  it('ends on q as a quit and on Ctrl-C as an interrupt, even while typing a date', () => {
    expect(press(start, { name: 'q' }).quit).toBe('quit');
    expect(press(start, { name: 'c', ctrl: true }).quit).toBe('interrupt');
    expect(press(start, { name: 'j' }, ...typed('2024'), { name: 'c', ctrl: true }).quit).toBe('interrupt');
  });

  it('scrolls within the text: never above the top nor past the last page', () => {
    expect(press(start, { name: 'up' }).scroll).toBe(0);
    expect(press(start, { name: 'down' }, { name: 'down' }).scroll).toBe(2);
    expect(press(start, { name: 'pagedown' }).scroll).toBe(9);
    expect(press(start, { name: 'pagedown' }, { name: 'pagedown' }, { name: 'pagedown' }, { name: 'pagedown' }).scroll).toBe(25);
    expect(press(start, { name: 'pagedown' }, { name: 'pagedown' }, { name: 'pagedown' }, { name: 'pagedown' }, { name: 'up' }).scroll).toBe(24);
  });

  it('starts a new step at the top, and says when there is no step further', () => {
    expect(press(start, { name: 'down' }, { name: 'n' })).toMatchObject({ index: 1, scroll: 0 });
    expect(press(start, { name: 'p' })).toMatchObject({ index: 0, message: 'already at the first step' });
    expect(press(start, { name: 'end' }, { name: 'right' })).toMatchObject({ index: 3, message: 'already at the last step' });
  });
});
