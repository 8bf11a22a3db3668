// A problem found in user input, precise enough to fix without reading code.
// Every error parley reports is one of these: the domain returns them as data,
// the shells (CLI, viewer server, library callers) map their codes to an exit
// status, an HTTP status or an exception in one place each.

/**
 * What kind of problem it is. Stable: scripts may match on it, so a code is
 * never renamed or reused (the README has a table of them).
 */
export const problemCodes = [
  /** Not valid JSON (a log line, a catalog file). */
  'bad-json',
  /** Not valid YAML (a scenario file), including an undefined alias. */
  'bad-yaml',
  /** Bytes that are not UTF-8. */
  'bad-encoding',
  /** Nested deeper than parley reads, or an alias expanding too far. */
  'too-deep',
  /** The same key twice in one object. */
  'duplicate-key',
  /** A required field is absent. */
  'missing-field',
  /** A field has the wrong type, shape or value. */
  'bad-field',
  /** A field the schema does not know. */
  'unknown-field',
  /** An event type parley does not know. */
  'unknown-type',
  /** A term id that is not in terms.json. */
  'unknown-term',
  /** A ladder option that is not an option of its term. */
  'unknown-option',
  /** A party id that is not in parties.json. */
  'unknown-party',
  /** A source id that is not in sources.json. */
  'unknown-source',
  /** An event id that is not in the log (a scenario's `keep`, an API path). */
  'unknown-event',
  /** Not a real date, or dates that contradict each other (reported before it occurred). */
  'bad-date',
  /** An id used twice (events, terms, parties, sources, options). */
  'duplicate-id',
  /** A hypothetical event inside a reported log file. */
  'hypothetical-in-log',
  /** A reported event where only hypothetical ones belong (a fork's additions). */
  'not-hypothetical',
  /** A query date outside the log's span (a warning: the answer is still given). */
  'date-outside-log',
  /** A log with no events in it. */
  'empty-log',
  /** A log folder without its own catalog (terms.json, parties.json, sources.json). */
  'no-catalog',
  /** No such file or folder. */
  'not-found',
  /** The file exists but cannot be read (permissions, I/O error). */
  'unreadable',
  /** Not a regular file where one is expected (a folder, a FIFO, a device). */
  'not-a-file',
  /** A file or line larger than parley reads. */
  'too-large',
  /** A quote that is not in its source document (parley audit). */
  'quote-not-found',
  /** A quote found in its document only after straightening quotes and collapsing whitespace. */
  'quote-not-verbatim',
  /** An event that cannot be built from what was given (parley add). */
  'invalid-event',
  /** A log that already has problems, so parley add will not append to it. */
  'invalid-log',
  /** A catalog with problems, so nothing is checked or written against it. */
  'invalid-catalog',
  /** A source entry that would make sources.json invalid (parley add-source). */
  'invalid-source',
  /** An id in an event that names nothing in the catalog, found while the event's shape is still wrong. */
  'unknown-reference',
  /** A source id already registered (parley add-source). */
  'duplicate-source',
  /** A document already registered under another source (parley add-source). */
  'duplicate-document',
  /** An event that names no source, so it has no log file (parley add). */
  'no-source',
  /** The source's log file does not exist yet (parley add-source creates it). */
  'no-log-file',
  /** The source's log file exists already and is not empty (parley add-source). */
  'log-file-exists',
  /** The folder of source documents (--sources) cannot be read. */
  'no-sources-folder',
  /** `reported` differs from the source's publication date. */
  'reported-not-published',
  /** An event dated before the last event of the file it would be appended to. */
  'out-of-date-order',
  /** The file's last event is not the one --expect-last names: it changed since it was read. */
  'unexpected-last-event',
  /** Another writer holds the log's lock for longer than parley waits. */
  'locked',
  /** The lock was broken while parley was deciding; nothing was written. */
  'lock-lost',
  /** The command line is wrong (exit 2). */
  'usage',
  /** Something the user asked to check did not hold (expectations, --strict, audit). */
  'check-failed',
  /** The command cannot run here as things stand (a port in use, an unbuilt page). */
  'unavailable',
  /** Stopped by the user (Ctrl-C). */
  'interrupted',
] as const;

export type ProblemCode = (typeof problemCodes)[number];

export interface Problem {
  readonly code: ProblemCode;
  readonly file: string;
  /** 1-based line, for line-oriented files. */
  readonly line?: number;
  readonly eventId?: string;
  /** Dotted path of the offending field. */
  readonly field?: string;
  readonly message: string;
  /** What would have been accepted, when that can be said briefly. */
  readonly expected?: string;
  /** A notice that stopped nothing by itself (printed as "warning:", never counted as a problem). */
  readonly warning?: true;
}

/** The longest run of user text a problem echoes. */
const ECHO_LIMIT = 120;

/**
 * User text made safe to echo on one line: control characters (line breaks
 * included) escaped as JSON does, and cut to about 120 characters. Pure.
 */
export function escapeEcho(text: string, limit = ECHO_LIMIT): string {
  // eslint-disable-next-line no-control-regex
  const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return escaped.length <= limit ? escaped : `${escaped.slice(0, limit)}… (${text.length} characters)`;
}

/** A user value quoted for a message: JSON-quoted, escaped, truncated. Pure. */
export function quoted(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${escapeEcho(value)}"`;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return escapeEcho(json ?? String(value));
}

/**
 * The one line a problem prints as:
 * `FILE[:LINE]: event ID: field "F": MESSAGE; expected E [CODE]`.
 * Every part that comes from the user is escaped and truncated, so a
 * problem never spans lines. Pure.
 */
export function formatProblem(p: Problem): string {
  const file = escapeEcho(p.file, 200);
  const parts = [p.line === undefined ? file : `${file}:${p.line}`];
  if (p.eventId !== undefined) parts.push(`event ${escapeEcho(p.eventId, 60)}`);
  if (p.field !== undefined && p.field !== '') parts.push(`field "${escapeEcho(p.field, 80)}"`);
  const expected = p.expected === undefined ? '' : `; expected ${escapeEcho(p.expected, 400)}`;
  return `${parts.join(': ')}: ${escapeEcho(p.message, 400)}${expected} [${p.code}]`;
}

/** A dotted field path ("events[2].term") from a parser's path. Pure. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join('');
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * The one exception parley throws on bad input, for callers that asked for a
 * value rather than a Result (a query given a bad date, a builder's run()).
 * It carries the problems; its message is their formatted lines.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.problems = problems;
  }
}

/** The value of a Result, or a ProblemError carrying its problems. */
export function valueOrThrow<T>(result: Result<T>): T {
  if (!result.ok) throw new ProblemError(result.problems);
  return result.value;
}
