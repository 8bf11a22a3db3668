// A log assembled line by line, as a file is read: each line is parsed and
// validated as it comes, so no file's whole text is ever held. Ids must be
// unique across all files; the id index built for that check is the log's own.
import type { Catalog } from './catalog-schema.js';
import { type EventLog, logFromSortedEntries } from './event-log.js';
import type { LineSink } from './line-splitter.js';
import { IdIndex } from './id-index.js';
import { compareEntries } from './ordering.js';
import { MAX_LINE_LENGTH, type TextFile, parseEventLine } from './parse-log.js';
import type { Problem, Result } from './problem.js';
import { valuePool } from './value-pool.js';
import { eachLine } from './text-lines.js';

export interface LogBuilder {
  /** The sink for the lines of the next file, named `name` in problems. */
  file(name: string): LineSink;
  /** Every line fed so far, as a log, or every problem found in them. */
  finish(): Result<EventLog>;
}

/**
 * A builder of one log against `catalog`. Deterministic and without I/O: the
 * same lines in the same order give the same log or the same problems, in
 * file and line order. Use it once.
 */
export function logBuilder(catalog: Catalog): LogBuilder {
  const index = new IdIndex();
  const values = valuePool();
  const problems: Problem[] = [];
  /** File names and where each file's entries start in the index's order, for naming where a duplicate id was first used. */
  const names: string[] = [];
  const starts: number[] = [];

  /** "a.jsonl:3" for the entry at `at` in the index's order: the last file starting at or before it. */
  function placeOf(at: number): string {
    let f = starts.length - 1;
    while (f > 0 && starts[f]! > at) f--;
    return `${names[f]}:${index.inOrder[at]!.position}`;
  }

  return {
    file(name) {
      names.push(name);
      starts.push(index.size);
      return {
        line(raw, n) {
          const parsed = parseEventLine(raw, catalog, name, n);
          if (parsed === undefined) return;
          if (!parsed.ok) {
            problems.push(...parsed.problems);
            return;
          }
          const entry = parsed.value;
          const earlier = index.add(entry);
          if (earlier >= 0) {
            problems.push({ file: name, line: n, eventId: entry.event.id, code: 'duplicate-id', field: 'id', message: `duplicate id; first used at ${placeOf(earlier)}` });
            return;
          }
          values.intern(entry.event);
        },
        tooLong(n, maxBytes) {
          // Over maxBytes of UTF-8 is over MAX_LINE_LENGTH characters too (a character is at most three bytes per UTF-16 unit), so one unit is named.
          problems.push({ file: name, line: n, code: 'too-large', message: `line of more than ${MAX_LINE_LENGTH} characters (over ${maxBytes} bytes)`, expected: `at most ${MAX_LINE_LENGTH}` });
        },
        badEncoding(n) {
          problems.push({ file: name, line: n, code: 'bad-encoding', message: 'bytes that are not valid UTF-8', expected: 'a UTF-8 text file' });
        },
      };
    },
    finish() {
      if (problems.length > 0) return { ok: false, problems };
      // A copy is sorted: the index keeps the order of adding, which its table of positions refers to.
      return { ok: true, value: logFromSortedEntries(catalog, index.inOrder.slice().sort(compareEntries), undefined, index) };
    },
  };
}

/** Parses and merges several event files into one log; ids must be unique across all of them. Pure. */
export function parseLog(catalog: Catalog, files: readonly TextFile[]): Result<EventLog> {
  const builder = logBuilder(catalog);
  for (const file of files) {
    const lines = builder.file(file.name);
    eachLine(file.text, 1, (raw, n) => lines.line(raw, n));
  }
  return builder.finish();
}
