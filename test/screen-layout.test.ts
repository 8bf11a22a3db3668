// The full-screen layout: whatever the text, the screen is exactly rows x columns
// by display width, the header stays on top and the key line at the bottom.
import { stripVTControlCharacters as plain } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutScreen } from '../src/cli/screen-layout.js';
import { displayWidth, fitLine, terminalSafe, wrapIndented } from '../src/cli/screen-text.js';

const bold = (s: string) => `\x1b[1m${s}\x1b[0m`;
const dim = (s: string) => `\x1b[2m${s}\x1b[0m`;
// Text as a log may hold it: ASCII, wide (CJK) characters, an emoji, curly quotes, styling.
const word = fc.constantFrom('ceasefire', 'Philadelphi', '停火协议', '👍', '“quoted”', 'a', 'supercalifragilisticexpialidociousandlonger', bold('bold'), '');
const line = fc.array(word, { maxLength: 40 }).chain((words) => fc.nat(8).map((indent) => ' '.repeat(indent) + words.join(' ')));
const keys = ['n next  p prev  j jump  ↑↓ PgUp/PgDn scroll  q quit', 'n p j ↑↓ q'];

describe('layoutScreen', () => {
  it('fills exactly rows lines, none wider than the screen, header first and keys last', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 3 }), fc.array(line, { maxLength: 60 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 4, max: 200 }), fc.integer({ min: -5, max: 500 }), (header, body, rows, columns, scroll) => {
        const screen = layoutScreen({ header, body, status: null, keys, dim }, { rows, columns }, scroll);
        expect(screen.lines).toHaveLength(rows);
        for (const l of screen.lines) expect(displayWidth(l)).toBeLessThanOrEqual(columns);
        expect(screen.lines[rows - 1]).toContain(displayWidth(keys[0]!) <= columns ? keys[0] : 'n');
        if (rows >= 2) expect(plain(header[0]!).startsWith(plain(screen.lines[0]!).replace(/…$/, ''))).toBe(true);
        expect(screen.scroll).toBeGreaterThanOrEqual(0);
        expect(screen.scroll).toBeLessThanOrEqual(screen.viewport.maxScroll);
      }),
      { numRuns: 300 },
    );
  });

  it('shows the body from the scroll position, and says where it is', () => {
    const body = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const top = layoutScreen({ header: ['Step 1 of 3', 'Phase: x'], body, status: null, keys, dim }, { rows: 10, columns: 40 }, 0);
    // 10 rows: 2 header, the rule, 5 of body, status, keys.
    expect(top.lines.slice(3, 8)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
    expect(top.lines[8]).toBe('lines 1–5 of 30; ↓/PgDn for more');
    expect(top.viewport).toEqual({ page: 5, maxScroll: 25 });
    const scrolled = layoutScreen({ header: ['Step 1 of 3', 'Phase: x'], body, status: null, keys, dim }, { rows: 10, columns: 40 }, 99);
    expect(scrolled.scroll).toBe(25);
    expect(scrolled.lines.slice(3, 8)).toEqual(['line 26', 'line 27', 'line 28', 'line 29', 'line 30']);
    expect(scrolled.lines[8]).toBe('lines 26–30 of 30; ↑/PgUp to scroll back');
  });

  it('wraps long body lines instead of letting them run past the edge', () => {
    const long = `  * ${'word '.repeat(30).trim()}`;
    const screen = layoutScreen({ header: ['H'], body: [long], status: 'a message', keys, dim }, { rows: 12, columns: 30 }, 0);
    const shown = screen.lines.slice(2, 10).filter((l) => l !== '');
    expect(shown.length).toBeGreaterThan(1);
    expect(shown[0]!.startsWith('  * word')).toBe(true);
    for (const l of shown.slice(1)) expect(l.startsWith('    word')).toBe(true);
    expect(screen.lines[10]).toBe('a message');
  });

  it('keeps the key line and the step line on a screen of two rows', () => {
    const screen = layoutScreen({ header: ['Step 4 of 9', 'Phase'], body: ['x'], status: null, keys, dim }, { rows: 2, columns: 80 }, 0);
    expect(screen.lines).toEqual(['Step 4 of 9', dim(keys[0]!)]);
  });
});

describe('screen text', () => {
  it('wraps by display width: a wide character takes two columns', () => {
    const lines = wrapIndented('停火协议停火协议停火协议', 10, 0, 0);
    expect(lines.every((l) => displayWidth(l) <= 10)).toBe(true);
    expect(lines.join('')).toBe('停火协议停火协议停火协议');
  });

  it('leaves a line that fits alone and hangs the rest of one that does not', () => {
    expect(fitLine('  short', 20)).toEqual(['  short']);
    expect(fitLine('  2024-08-22 round.opened: talks open', 20)).toEqual(['  2024-08-22', '    round.opened:', '    talks open']);
  });

  it('shows control characters from log text as U+FFFD, and a tab or line break as a space', () => {
    expect(terminalSafe('a\x1b[2Jb\u0007c\u009bd\te\r\nf\ng')).toBe('a\uFFFD[2Jb\uFFFDc\uFFFDd e f g');
  });
});
