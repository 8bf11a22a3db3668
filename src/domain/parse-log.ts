// Text in, validated data or precise problems out. Pure: the shell reads the
// files and hands their text here, so every check is testable without a disk.
import { z } from 'zod';
import {
  type Catalog,
  createCatalog,
  partiesFileSchema,
  sourcesFileSchema,
  termsFileSchema,
} from './catalog-schema.js';
import { type EventLog, createLog } from './event-log.js';
import { checkReferences } from './event-references.js';
import { type ParleyEvent, eventSchemas, eventTypes } from './event-schema.js';
import { type LogEntry, toEntry } from './ordering.js';
import { type Problem, type Result, fieldPath } from './problem.js';

export interface TextFile {
  readonly name: string;
  readonly text: string;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message.replace(/^Invalid input: /, '');
}

function issuesToProblems(error: z.ZodError, at: Omit<Problem, 'message' | 'field'>): Problem[] {
  return error.issues.map((issue) => ({ ...at, field: fieldPath(issue.path), message: describeIssue(issue) }));
}

function parseJson(file: TextFile): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(file.text) };
  } catch (e) {
    return { ok: false, problems: [{ file: file.name, message: `not valid JSON (${(e as Error).message})` }] };
  }
}

/** Parses a JSON file against a schema; problems name the file and field. Pure. */
export function parseJsonFile<T>(file: TextFile, schema: z.ZodType<T>): Result<T> {
  const json = parseJson(file);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: issuesToProblems(parsed.error, { file: file.name }) };
}

function duplicateIds(file: string, items: readonly { id: string }[], what: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) problems.push({ file, field: `[${i}].id`, message: `duplicate ${what} id "${item.id}"` });
    seen.add(item.id);
  });
  return problems;
}

export function parseCatalog(files: { terms: TextFile; parties: TextFile; sources: TextFile }): Result<Catalog> {
  const terms = parseJsonFile(files.terms, termsFileSchema);
  const parties = parseJsonFile(files.parties, partiesFileSchema);
  const sources = parseJsonFile(files.sources, sourcesFileSchema);
  const problems = [terms, parties, sources].flatMap((r) => (r.ok ? [] : r.problems));
  if (terms.ok) {
    problems.push(...duplicateIds(files.terms.name, terms.value, 'term'));
    terms.value.forEach((t, i) => problems.push(...duplicateIds(files.terms.name, t.ladder, `option of term ${t.id}`).map((p) => ({ ...p, field: `[${i}].ladder${p.field}` }))));
  }
  if (parties.ok) problems.push(...duplicateIds(files.parties.name, parties.value, 'party'));
  if (sources.ok) problems.push(...duplicateIds(files.sources.name, sources.value, 'source'));
  if (problems.length > 0 || !terms.ok || !parties.ok || !sources.ok) return { ok: false, problems };
  return { ok: true, value: createCatalog(terms.value, parties.value, sources.value) };
}

const schemaByType = new Map<string, z.ZodType<ParleyEvent>>(
  eventSchemas.map((s) => [s.shape.type.value, s as unknown as z.ZodType<ParleyEvent>]),
);


/** Validates one decoded JSON value as an event; problems carry the event id when one is readable. */
export function validateEvent(value: unknown, catalog: Catalog, at: { file: string; line?: number }): Result<ParleyEvent> {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (record === undefined) return { ok: false, problems: [{ ...at, message: 'expected a JSON object (one event per line)' }] };
  // Built only for problems: most events pass, and this runs once per event on load.
  const where = () => ({ ...at, ...(typeof record.id === 'string' ? { eventId: record.id } : {}) });
  const schema = typeof record.type === 'string' ? schemaByType.get(record.type) : undefined;
  if (schema === undefined) {
    return { ok: false, problems: [{ ...where(), field: 'type', message: `expected one of ${eventTypes.join(', ')}; got ${JSON.stringify(record.type) ?? 'nothing'}` }] };
  }
  const parsed = schema.safeParse(record);
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error, where()) };
  const event = parsed.data;
  const refs = checkReferences(event, catalog);
  if (refs.length > 0) return { ok: false, problems: refs.map((r) => ({ ...where(), ...r })) };
  return { ok: true, value: event };
}

/** Parses a JSONL event file: one event per non-blank line. Reports every bad line. */
export function parseEventFile(file: TextFile, catalog: Catalog): { entries: LogEntry[]; problems: Problem[] } {
  const entries: LogEntry[] = [];
  const problems: Problem[] = [];
  const { text } = file;
  // Walks the text line by line without a regex split or trimmed copies:
  // loading 10^5 events is mostly JSON.parse and garbage collection.
  for (let start = 0, line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    if (!/\S/.test(raw)) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      problems.push({ file: file.name, line, message: `not valid JSON (${(e as Error).message})` });
      continue;
    }
    const result = validateEvent(value, catalog, { file: file.name, line });
    if (!result.ok) problems.push(...result.problems);
    else if (result.value.hypothetical) {
      // What-ifs enter only through scenarios and forks, so a reported log is never silently mixed with them.
      problems.push({ file: file.name, line, eventId: result.value.id, field: 'hypothetical', message: 'a log file holds reported events only; put what-if events in a scenario file (parley scenario run)' });
    } else entries.push(toEntry(result.value, line));
  }
  return { entries, problems };
}

/** Parses and merges several event files into one log; ids must be unique across all of them. */
export function parseLog(catalog: Catalog, files: readonly TextFile[]): Result<EventLog> {
  const entries: LogEntry[] = [];
  const problems: Problem[] = [];
  const firstSeen = new Map<string, string>();
  for (const file of files) {
    const parsed = parseEventFile(file, catalog);
    problems.push(...parsed.problems);
    for (const entry of parsed.entries) {
      const id = entry.event.id;
      const earlier = firstSeen.get(id);
      if (earlier !== undefined) {
        problems.push({ file: file.name, line: entry.position, eventId: id, field: 'id', message: `duplicate id; first used at ${earlier}` });
        continue;
      }
      firstSeen.set(id, `${file.name}:${entry.position}`);
      entries.push(entry);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: createLog(catalog, entries) };
}

