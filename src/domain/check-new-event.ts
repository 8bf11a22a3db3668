// Whether one new event may be appended to a log file: valid on its own
// (schema and catalog), and consistent with the log it joins. Pure: the shell
// reads the log, the catalog and the source document and hands them here.
import { createLog } from './event-log.js';
import type { Catalog } from './catalog-schema.js';
import { type CodedProblem, codedProblem, echo } from './coded-problem.js';
import { eventLine } from './event-line.js';
import type { ParleyEvent } from './event-schema.js';
import { type LogEntry, toEntry } from './ordering.js';
import { validateEvent } from './parse-log.js';
import { auditQuotes } from './quote-audit.js';
import { unknownReferences, withSuggestion } from './reference-suggestions.js';

export interface NewEventContext {
  readonly catalog: Catalog;
  /** Where each id of the whole log (every file) is used, as "file:line". */
  readonly usedIds: ReadonlyMap<string, string>;
  /** The file the event joins, its events in file order, and the line the new one would take. */
  readonly file: { readonly name: string; readonly entries: readonly LogEntry[]; readonly nextLine: number };
  /** `--expect-last`: the id the file's last event must have, or null for "the file has no event yet". */
  readonly expectLast?: string | null;
  /** The text of the source's document, when it is at hand (for the quote audit). */
  readonly document?: string;
}

export interface AcceptedEvent {
  readonly event: ParleyEvent;
  /** The JSONL line to append (no line break). */
  readonly line: string;
  /** Whether the quote was checked against its document. */
  readonly audited: boolean;
}

function compareKey(a: LogEntry, b: LogEntry): number {
  return a.day - b.day || a.reportedDay - b.reportedDay;
}

/** The audit quotes the event and the document, either of which may hold a line break. */
const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ');

function auditProblems(event: ParleyEvent, catalog: Catalog, document: string, at: { file: string; line: number; eventId: string }): CodedProblem[] {
  const { failures } = auditQuotes(createLog(catalog, [toEntry(event, 0)]), new Map([[catalog.sourceById.get(event.source!)!.document, document]]));
  return failures.map((f) =>
    codedProblem(f.kind === 'normalised-only' ? 'quote-not-verbatim' : 'quote-not-found', { ...at, field: 'quote' }, oneLine(f.hint === null ? f.message : `${f.message}: ${f.hint}`)),
  );
}

/**
 * Checks `input` (a decoded JSON object) as the next event of `ctx.file`:
 * the schema and catalog; a reported event only; an id unused in the log;
 * `reported` equal to the source's publication date; not dated before the
 * file's last event (a file is kept in date order and only appended to);
 * the expected last event; the quote verbatim in the document when one is
 * given. Returns every problem found, or the line to write. Pure.
 */
export function checkNewEvent(input: unknown, ctx: NewEventContext): { ok: true; value: AcceptedEvent } | { ok: false; problems: CodedProblem[] } {
  const at = { file: ctx.file.name, line: ctx.file.nextLine };
  const problems: CodedProblem[] = [];
  const last = ctx.file.entries.reduce<LogEntry | undefined>((a, e) => (a === undefined || e.position > a.position ? e : a), undefined);
  if (ctx.expectLast !== undefined && (last?.event.id ?? null) !== ctx.expectLast) {
    const found = last === undefined ? 'the file has no event yet' : `its last event is ${last.event.id}`;
    const expected = ctx.expectLast === null ? 'none' : /^[A-Za-z0-9_-]{1,40}$/.test(ctx.expectLast) ? ctx.expectLast : echo(ctx.expectLast);
    problems.push(codedProblem('unexpected-last-event', at, `--expect-last ${expected}, but ${found}: the file changed since you read it; nothing was written`));
  }
  const validated = validateEvent(input, ctx.catalog, at);
  if (!validated.ok) {
    // The shape is wrong somewhere; still name every unknown id, with suggestions, in this one pass.
    const invalid = validated.problems.map((p) => withSuggestion(p, input, ctx.catalog));
    const seen = new Set(invalid.map((p) => p.field ?? ''));
    const at2 = invalid[0]?.eventId === undefined ? at : { ...at, eventId: invalid[0].eventId };
    const references = unknownReferences(input, ctx.catalog, at2, seen);
    return { ok: false, problems: [...problems, ...invalid, ...references] };
  }
  const event = validated.value;
  const where = { ...at, eventId: event.id };
  if (event.hypothetical) problems.push(codedProblem('hypothetical-in-log', { ...where, field: 'hypothetical' }, 'a log file holds reported events only; put what-if events in a scenario file'));
  const earlier = ctx.usedIds.get(event.id);
  if (earlier !== undefined) problems.push(codedProblem('duplicate-id', { ...where, field: 'id' }, `id already used at ${earlier}`));
  const source = event.source === undefined ? undefined : ctx.catalog.sourceById.get(event.source);
  if (source !== undefined && event.reported !== undefined && event.reported !== source.published) {
    problems.push(codedProblem('reported-not-published', { ...where, field: 'reported' }, `${event.reported} differs from the publication date of source ${source.id}, ${source.published}`));
  }
  const entry = toEntry(event, ctx.file.nextLine);
  const latest = ctx.file.entries.reduce<LogEntry | undefined>((a, e) => (a === undefined || compareKey(e, a) >= 0 ? e : a), undefined);
  if (latest !== undefined && compareKey(entry, latest) < 0) {
    const date = (e: LogEntry) => `occurred ${e.event.sortDate ?? e.event.occurred}, reported ${e.event.reported ?? '-'}`;
    problems.push(
      codedProblem('out-of-date-order', { ...where, field: 'occurred' }, `sorts before event ${latest.event.id} (${date(latest)}), and a log file is kept in date order: this event (${date(entry)}) must be placed by hand before it`),
    );
  }
  const audited = ctx.document !== undefined && source !== undefined && event.quote !== undefined;
  if (audited) problems.push(...auditProblems(event, ctx.catalog, ctx.document!, where));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { event, line: eventLine(input as Record<string, unknown>), audited } };
}
