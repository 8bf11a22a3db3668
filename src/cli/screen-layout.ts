// A full terminal screen as exactly `rows` lines of at most `columns` columns:
// a fixed header at the top, a key line at the bottom with a status line above
// it, and a body that scrolls between them. Widths are display widths, so a
// long or wide line can never push the header off or leave old text behind.
import { displayWidth, fitLines, truncateTo } from './screen-text.js';
import type { Viewport } from './stepper-keys.js';

export interface ScreenSize {
  readonly rows: number;
  readonly columns: number;
}

export interface ScreenContent {
  /** Always visible at the top; each line is cut to the width. */
  readonly header: readonly string[];
  /** Scrolls; each line is wrapped to the width. */
  readonly body: readonly string[];
  /** A message or prompt for the status line; null shows where the body is scrolled to. */
  readonly status: string | null;
  /** The key help, longest first: the screen shows the first that fits. */
  readonly keys: readonly string[];
  /** Styles the rule under the header and the key line. */
  readonly dim: (s: string) => string;
}

export interface Screen {
  /** Exactly `rows` lines, none wider than `columns`. */
  readonly lines: readonly string[];
  /** The scroll position used, clamped to what the body allows. */
  readonly scroll: number;
  readonly viewport: Viewport;
}

function scrollStatus(first: number, shown: number, total: number): string {
  if (shown >= total) return '';
  const range = `lines ${first + 1}–${first + shown} of ${total}`;
  if (first + shown >= total) return `${range}; ↑/PgUp to scroll back`;
  return `${range}; ↓/PgDn for more`;
}

/**
 * Lays out one screen, scrolled to `scroll` (clamped). On a screen too small for
 * everything, the key line and the first header line are the last to go. Pure.
 */
export function layoutScreen(content: ScreenContent, size: ScreenSize, scroll: number): Screen {
  const rows = Math.max(1, Math.floor(size.rows));
  const width = Math.max(1, Math.floor(size.columns));
  const keys = content.keys.find((k) => displayWidth(k) <= width) ?? truncateTo(content.keys[content.keys.length - 1] ?? '', width);
  // Rows left once the key line and the status line are placed; on a screen of
  // one or two rows the status line goes first, then the header.
  const free = Math.max(0, rows - 2);
  const header = content.header.slice(0, rows === 1 ? 0 : Math.max(1, Math.min(content.header.length, free - 1))).map((l) => truncateTo(l, width));
  const rule = free - header.length >= 3 ? [content.dim('─'.repeat(width))] : [];
  const page = Math.max(0, free - header.length - rule.length);
  const body = fitLines(content.body, width);
  const maxScroll = Math.max(0, body.length - page);
  const first = Math.max(0, Math.min(maxScroll, Math.floor(scroll)));
  const visible = body.slice(first, first + page);
  const filler = Array.from({ length: page - visible.length }, () => '');
  const status = truncateTo(content.status ?? scrollStatus(first, visible.length, body.length), width);
  const lines = [...header, ...rule, ...visible, ...filler, ...(rows >= 3 ? [status] : []), content.dim(keys)];
  return { lines, scroll: first, viewport: { page: Math.max(1, page), maxScroll } };
}
