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
import { checkReferences } from './event-references.js';
import { type ParleyEvent, eventSchemas, eventTypes } from './event-schema.js';
import { HAS_PROTOTYPE_KEY, TOO_DEEP_TO_COUNT, duplicateKeyIn, keyColons, keyCount } from './duplicate-keys.js';
import { type LogEntry, toEntry } from './ordering.js';
import { type CompiledCheck, REJECTED, compileSchema } from './compiled-schema.js';
import { PROTOTYPE_KEY_MESSAGE, prototypeKeyPath } from './prototype-keys.js';
import { type Problem, type Result, quoted } from './problem.js';
import { issuesToProblems } from './schema-problems.js';
import { eachLine } from './text-lines.js';

export interface TextFile {
  readonly name: string;
  readonly text: string;
}

/** The longest event line parley reads; a real event is a few hundred characters. */
export const MAX_LINE_LENGTH = 100_000;

/**
 * JSON text to a value, or one problem: not JSON, a key given twice in one
 * object (JSON.parse would silently keep the last), or a "__proto__" key.
 */
function parseJson(text: string, at: { file: string; line?: number }): Result<unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ ...at, code: 'bad-json', message: `not valid JSON (${(e as Error).message})` }] };
  }
  const keys = keyCount(value);
  if (keys === HAS_PROTOTYPE_KEY || keys === TOO_DEEP_TO_COUNT) {
    const path = prototypeKeyPath(value);
    if (path !== undefined) return { ok: false, problems: [{ ...at, code: 'bad-field', field: path, message: PROTOTYPE_KEY_MESSAGE }] };
  }
  if (keys < 0 || keyColons(text) > keys) {
    const key = duplicateKeyIn(text);
    if (key !== undefined) return { ok: false, problems: [{ ...at, code: 'duplicate-key', field: key.path, message: `key ${quoted(key.key)} appears twice in one object` }] };
  }
  return { ok: true, value };
}

type Location = { file: string; line?: number; eventId?: string };

/**
 * Lines of an event file after which a value parley's compiled check does not
 * accept goes to zod's compiled parser rather than its interpreter: zod
 * compiles a parser per object schema (with new Function), which pays only
 * when a schema is asked about many values. parley's own check
 * (compiled-schema.ts) is used from the first line: compiling it for the
 * types of the bundled log costs less than zod interpreting its hundred-odd
 * events (start-up 145 -> 133 ms on this machine).
 */
const ZOD_INTERPRETED_LINES = 1000;

/**
 * A schema check that cannot overflow the stack: a value nested thousands deep
 * (`[[[[...`) becomes a problem instead of a RangeError. `at` may be a function,
 * called only when there are problems to place. zod interprets the schema
 * unless `compiled` (worth it only for a schema about to check many values);
 * the result is the same either way. Pure.
 */
export function safeParse<T>(schema: z.ZodType<T>, value: unknown, at: Location | (() => Location), { compiled = false }: { readonly compiled?: boolean } = {}): Result<T> {
  const where = () => (typeof at === 'function' ? at() : at);
  try {
    const parsed = compiled ? schema.safeParse(value) : schema.safeParse(value, { jitless: true });
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: issuesToProblems(parsed.error, value, where()) };
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, problems: [{ ...where(), code: 'too-deep', message: 'nested too deep to check' }] };
    throw e;
  }
}

/** Parses a JSON file against a schema; problems name the file and field. Pure. */
export function parseJsonFile<T>(file: TextFile, schema: z.ZodType<T>): Result<T> {
  const json = parseJson(file.text, { file: file.name });
  if (!json.ok) return json;
  return safeParse(schema, json.value, { file: file.name });
}

function duplicateIds(file: string, items: readonly { id: string }[], what: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) problems.push({ code: 'duplicate-id', file, field: `[${i}].id`, message: `duplicate ${what} id ${quoted(item.id)}` });
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
  // The parties schema has checked for exactly two principals, so this cannot throw.
  return { ok: true, value: createCatalog(terms.value, parties.value, sources.value) };
}

interface TypeCheck {
  readonly schema: z.ZodType<ParleyEvent>;
  /**
   * The schema compiled, on first use (a start-up that reads a few event
   * types should not compile all of them): most events pass it, and what it
   * does not accept goes to zod for the words.
   */
  readonly fast: () => CompiledCheck<ParleyEvent>;
}

/** The check of a schema the compiler does not know: every value goes to zod. */
const NOT_COMPILED: CompiledCheck<ParleyEvent> = () => REJECTED;

const schemaByType = new Map<string, TypeCheck>(
  eventSchemas.map((s) => {
    const schema = s as unknown as z.ZodType<ParleyEvent>;
    let compiled: CompiledCheck<ParleyEvent> | undefined;
    return [s.shape.type.value, { schema, fast: () => (compiled ??= compileSchema(schema) ?? NOT_COMPILED) }];
  }),
);

/** Validates one decoded JSON value as an event; problems carry the event id when one is readable. */
export function validateEvent(value: unknown, catalog: Catalog, at: { file: string; line?: number }): Result<ParleyEvent> {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (record === undefined) return { ok: false, problems: [{ ...at, code: 'bad-json', message: 'not a JSON object', expected: 'a JSON object (one event per line)' }] };
  // Built only for problems: most events pass, and this runs once per event on load.
  const where = () => ({ ...at, ...(typeof record.id === 'string' ? { eventId: record.id } : {}) });
  const check = typeof record.type === 'string' ? schemaByType.get(record.type) : undefined;
  if (check === undefined) {
    const problem = record.type === undefined
      ? { ...where(), code: 'missing-field' as const, field: 'type', message: 'missing', expected: `one of ${eventTypes.join(', ')}` }
      : { ...where(), code: 'unknown-type' as const, field: 'type', message: `unknown event type ${quoted(record.type)}`, expected: `one of ${eventTypes.join(', ')}` };
    return { ok: false, problems: [problem] };
  }
  const fast = check.fast()(record);
  const parsed = fast === REJECTED ? safeParse(check.schema, record, where, { compiled: (at.line ?? 0) > ZOD_INTERPRETED_LINES }) : undefined;
  if (parsed?.ok === false) return parsed;
  const event = parsed === undefined ? (fast as ParleyEvent) : parsed.value;
  const refs = checkReferences(event, catalog);
  if (refs.length > 0) return { ok: false, problems: refs.map((r) => ({ ...where(), ...r })) };
  return { ok: true, value: event };
}

/**
 * One line of a JSONL event file as an entry, or its problems; undefined for
 * a blank line. Pure.
 */
export function parseEventLine(raw: string, catalog: Catalog, file: string, line: number): Result<LogEntry> | undefined {
  if (!/\S/.test(raw)) return undefined;
  if (raw.length > MAX_LINE_LENGTH) return { ok: false, problems: [{ file, line, code: 'too-large', message: `line of ${raw.length} characters`, expected: `at most ${MAX_LINE_LENGTH}` }] };
  const json = parseJson(raw, { file, line });
  if (!json.ok) return json;
  const result = validateEvent(json.value, catalog, { file, line });
  if (!result.ok) return result;
  // What-ifs enter only through scenarios and forks, so a reported log is never silently mixed with them.
  if (result.value.hypothetical) return { ok: false, problems: [{ file, line, eventId: result.value.id, code: 'hypothetical-in-log', field: 'hypothetical', message: 'a log file holds reported events only; put what-if events in a scenario file (parley scenario run)' }] };
  return { ok: true, value: toEntry(result.value, line) };
}

/** Parses a JSONL event file: one event per non-blank line. Reports every bad line. Pure. */
export function parseEventFile(file: TextFile, catalog: Catalog): { entries: LogEntry[]; problems: Problem[] } {
  const entries: LogEntry[] = [];
  const problems: Problem[] = [];
  eachLine(file.text, 1, (raw, line) => {
    const parsed = parseEventLine(raw, catalog, file.name, line);
    if (parsed === undefined) return;
    if (parsed.ok) entries.push(parsed.value);
    else problems.push(...parsed.problems);
  });
  return { entries, problems };
}
