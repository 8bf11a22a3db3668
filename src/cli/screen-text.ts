// Text measured as a terminal shows it: by display width (wide characters take
// two columns, ANSI styling none), never by string length, so a laid-out line
// is never wider than the screen.
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** Columns the text takes on a terminal. Pure. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** `text` followed by spaces up to `columns` columns of display width (unchanged when wider). Pure. */
export function padToWidth(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}

// C0 controls, DEL and C1 controls: from log text they could move the cursor or
// restyle the terminal, so they are shown as U+FFFD instead.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Log text made safe to print on a terminal: a tab or line break becomes a space
 * (a line of the screen is one line), every other control character "\uFFFD". Pure.
 */
export function terminalSafe(text: string): string {
  return text.replace(/\r\n|[\t\n\r]/g, ' ').replace(CONTROL, '\uFFFD');
}

/**
 * `text` wrapped to `width` columns, the first line after `firstIndent` and the
 * others after `restIndent` (both spaces). Words longer than a line are broken.
 * Every returned line is at most `width` columns wide (indents shrink to leave
 * two columns for text). Styling survives the break. Pure.
 */
export function wrapIndented(text: string, width: number, firstIndent: number, restIndent: number): string[] {
  // Two columns at least are left for text, so a wide character always fits a line.
  const room = Math.max(0, width - 2);
  const first = Math.min(firstIndent, room);
  const rest = Math.min(restIndent, room);
  const out: string[] = [];
  // The first line may be wider than the rest: wrap it alone, then the remainder.
  const [head = '', ...tail] = wrapAnsi(text, width - first, { hard: true, trim: true }).split('\n');
  out.push(' '.repeat(first) + head);
  const remainder = tail.join(' ');
  if (remainder !== '') for (const line of wrapAnsi(remainder, width - rest, { hard: true, trim: true }).split('\n')) out.push(' '.repeat(rest) + line);
  // Only a screen one column wide is left: there a wide character is cut.
  return out.map((line) => truncateTo(line, width));
}

/**
 * One line of a text screen fitted to `width` columns: unchanged when it fits,
 * else wrapped with a hanging indent two columns deeper than its own (so the
 * text of a bullet or a table row lines up under itself). Pure.
 */
export function fitLine(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const indent = /^ */.exec(line)![0].length;
  return wrapIndented(line.slice(indent), width, indent, indent + 2);
}

/** `fitLine` over many lines. Pure. */
export function fitLines(lines: readonly string[], width: number): string[] {
  return lines.flatMap((l) => fitLine(l, width));
}

/** The line cut to `width` columns, with "…" where it was cut. Pure. */
export function truncateTo(line: string, width: number): string {
  if (width <= 0) return '';
  // cli-truncate can overshoot by one column when it cuts beside a wide character: ask again for less.
  for (let room = width; room > 0; room--) {
    const cut = displayWidth(line) <= room ? line : cliTruncate(line, room, { position: 'end' });
    if (displayWidth(cut) <= width) return cut;
  }
  return '';
}
