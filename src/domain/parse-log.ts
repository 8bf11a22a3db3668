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
import { isIsoDay, isIsoMonth } from './dates.js';
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

function parseJsonFile<T>(file: TextFile, schema: z.ZodType<T>): Result<T> {
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


// The fast path. Most lines of a real log are valid, and zod spends most of a
// load building and checking them. `fastEvent` accepts only values it can
// tell are valid under exactly the rules of event-schema.ts and builds the
// same output zod would (fields in schema order, defaults filled in). Anything
// else, valid or not, returns undefined and goes through zod, which gives
// the exact problems. A property test keeps the two in step.
const ID_RE = /^[A-Za-z0-9_-]{6,40}$/;
const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
type Json = Record<string, unknown>;

const isSlug = (v: unknown): v is string => typeof v === 'string' && SLUG_RE.test(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isPlain = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function slugList(v: unknown, min: number): string[] | undefined {
  if (!Array.isArray(v) || v.length < min) return undefined;
  for (const x of v) if (!isSlug(x)) return undefined;
  return v.slice() as string[];
}

function slugRecord(v: unknown): Record<string, string> | undefined {
  if (!isPlain(v)) return undefined;
  const out: Record<string, string> = {};
  for (const k of Object.keys(v)) {
    const x = v[k];
    if (!SLUG_RE.test(k) || !isSlug(x)) return undefined;
    out[k] = x;
  }
  return out;
}

const COMMON_KEYS = ['id', 'occurred', 'precision', 'dateBasis', 'sortDate', 'reported', 'source', 'quote', 'attribution', 'summary', 'act', 'hypothetical', 'type'];
const TYPE_KEYS: Record<string, readonly string[]> = {
  'round.opened': ['round', 'venue', 'mediators'],
  'round.closed': ['round'],
  'proposal.tabled': ['proposal', 'by', 'title', 'terms'],
  'proposal.accepted': ['proposal', 'party', 'as'],
  'proposal.rejected': ['proposal', 'party'],
  'position.stated': ['party', 'term', 'accepts', 'prefers', 'conditions'],
  'concession.offered': ['party', 'term', 'adds', 'conditions'],
  'talks.assessed': ['tone'],
  'figure.reported': ['figure', 'value', 'qualifier'],
  'statement.made': ['kind', 'about'],
  'agreement.reached': ['terms'],
  'phase.started': ['phase'],
  'phase.completed': ['phase'],
  'hostages.released': ['count'],
  'prisoners.released': ['count'],
  'hostilities.resumed': [],
};
const ALLOWED = new Map(Object.entries(TYPE_KEYS).map(([t, keys]) => [t, new Set([...COMMON_KEYS, ...keys])]));
const PRECISIONS = new Set(['day', 'week', 'month']);
const KINDS = new Set(['call', 'accusation', 'meeting', 'denial', 'commitment', 'other']);

function conditionList(v: unknown): { term: string; accepts: string[] }[] | undefined {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return undefined;
  const out: { term: string; accepts: string[] }[] = [];
  for (const c of v) {
    if (!isPlain(c)) return undefined;
    let keys = 0;
    for (const k in c) if (Object.hasOwn(c, k)) keys++;
    const accepts = slugList(c.accepts, 1);
    if (keys !== 2 || !isSlug(c.term) || accepts === undefined) return undefined;
    out.push({ term: c.term, accepts });
  }
  return out;
}

/** The event zod would make of `r`, when `r` is certainly valid; undefined means "ask zod". */
export function fastEvent(r: Json): ParleyEvent | undefined {
  const type = r.type;
  const allowed = typeof type === 'string' ? ALLOWED.get(type) : undefined;
  if (allowed === undefined) return undefined;
  for (const k of Object.keys(r)) if (!allowed.has(k)) return undefined;
  const { id, occurred, precision, dateBasis, sortDate, reported, source, quote, attribution, summary, act, hypothetical } = r;
  if (typeof id !== 'string' || !ID_RE.test(id)) return undefined;
  if (typeof occurred !== 'string' || !(isIsoDay(occurred) || isIsoMonth(occurred))) return undefined;
  if (typeof precision !== 'string' || !PRECISIONS.has(precision) || !isText(dateBasis) || !isText(summary)) return undefined;
  if (reported !== undefined && (typeof reported !== 'string' || !isIsoDay(reported))) return undefined;
  if (sortDate !== undefined && (typeof sortDate !== 'string' || !isIsoDay(sortDate))) return undefined;
  if (source !== undefined && !isSlug(source)) return undefined;
  if (quote !== undefined && (!isText(quote) || quote.length > 400)) return undefined;
  if (act !== undefined && !isSlug(act)) return undefined;
  if (hypothetical !== undefined && typeof hypothetical !== 'boolean') return undefined;
  const e: Json = { id, occurred, precision, dateBasis };
  if (sortDate !== undefined) e.sortDate = sortDate;
  if (reported !== undefined) e.reported = reported;
  if (source !== undefined) e.source = source;
  if (quote !== undefined) e.quote = quote;
  if (attribution !== undefined) {
    if (!isPlain(attribution)) return undefined;
    const { speaker, party, via, onRecord } = attribution;
    let keys = 0;
    for (const k in attribution) if (Object.hasOwn(attribution, k)) keys++;
    if (keys !== 2 + (party === undefined ? 0 : 1) + (via === undefined ? 0 : 1)) return undefined;
    if (!isText(speaker) || typeof onRecord !== 'boolean' || (party !== undefined && !isSlug(party)) || (via !== undefined && !isText(via))) return undefined;
    const a: Json = { speaker };
    if (party !== undefined) a.party = party;
    if (via !== undefined) a.via = via;
    a.onRecord = onRecord;
    e.attribution = a;
  }
  e.summary = summary;
  if (act !== undefined) e.act = act;
  e.hypothetical = hypothetical ?? false;
  e.type = type;
  switch (type) {
    case 'round.opened': {
      const mediators = slugList(r.mediators, 1);
      if (!isSlug(r.round) || !isText(r.venue) || mediators === undefined) return undefined;
      Object.assign(e, { round: r.round, venue: r.venue, mediators });
      break;
    }
    case 'round.closed':
      if (!isSlug(r.round)) return undefined;
      e.round = r.round;
      break;
    case 'proposal.tabled': {
      const terms = r.terms === undefined ? {} : slugRecord(r.terms);
      if (!isSlug(r.proposal) || !isSlug(r.by) || !isText(r.title) || terms === undefined) return undefined;
      Object.assign(e, { proposal: r.proposal, by: r.by, title: r.title, terms });
      break;
    }
    case 'proposal.accepted':
      if (!isSlug(r.proposal) || !isSlug(r.party) || (r.as !== undefined && r.as !== 'text' && r.as !== 'basis')) return undefined;
      Object.assign(e, { proposal: r.proposal, party: r.party, as: r.as ?? 'text' });
      break;
    case 'proposal.rejected':
      if (!isSlug(r.proposal) || !isSlug(r.party)) return undefined;
      Object.assign(e, { proposal: r.proposal, party: r.party });
      break;
    case 'position.stated':
    case 'concession.offered': {
      const list = slugList(type === 'position.stated' ? r.accepts : r.adds, 1);
      const conditions = conditionList(r.conditions);
      if (!isSlug(r.party) || !isSlug(r.term) || list === undefined || conditions === undefined) return undefined;
      e.party = r.party;
      e.term = r.term;
      if (type === 'position.stated') {
        e.accepts = list;
        if (r.prefers !== undefined) {
          if (!isSlug(r.prefers)) return undefined;
          e.prefers = r.prefers;
        }
      } else e.adds = list;
      e.conditions = conditions;
      break;
    }
    case 'talks.assessed':
      if (r.tone !== 'optimistic' && r.tone !== 'pessimistic') return undefined;
      e.tone = r.tone;
      break;
    case 'figure.reported':
      if (!isSlug(r.figure) || typeof r.value !== 'number' || !Number.isFinite(r.value) || (r.qualifier !== undefined && !isText(r.qualifier))) return undefined;
      e.figure = r.figure;
      e.value = r.value;
      if (r.qualifier !== undefined) e.qualifier = r.qualifier;
      break;
    case 'statement.made': {
      const about = r.about === undefined ? [] : slugList(r.about, 0);
      if (typeof r.kind !== 'string' || !KINDS.has(r.kind) || about === undefined) return undefined;
      Object.assign(e, { kind: r.kind, about });
      break;
    }
    case 'agreement.reached': {
      const terms = r.terms === undefined ? {} : slugRecord(r.terms);
      if (terms === undefined) return undefined;
      e.terms = terms;
      break;
    }
    case 'phase.started':
    case 'phase.completed':
      if (r.phase !== 1 && r.phase !== 2 && r.phase !== 3) return undefined;
      e.phase = r.phase;
      break;
    case 'hostages.released':
    case 'prisoners.released':
      if (typeof r.count !== 'number' || !Number.isSafeInteger(r.count) || r.count < 0) return undefined;
      e.count = r.count;
      break;
    default:
      break;
  }
  return e as unknown as ParleyEvent;
}

/** Validates one decoded JSON value as an event; problems carry the event id when one is readable. */
export function validateEvent(value: unknown, catalog: Catalog, at: { file: string; line?: number }): Result<ParleyEvent> {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (record === undefined) return { ok: false, problems: [{ ...at, message: 'expected a JSON object (one event per line)' }] };
  // Built only for problems: most events pass, and this runs once per event on load.
  const where = () => ({ ...at, ...(typeof record.id === 'string' ? { eventId: record.id } : {}) });
  let event = fastEvent(record);
  if (event === undefined) {
    const schema = typeof record.type === 'string' ? schemaByType.get(record.type) : undefined;
    if (schema === undefined) {
      return { ok: false, problems: [{ ...where(), field: 'type', message: `expected one of ${eventTypes.join(', ')}; got ${JSON.stringify(record.type) ?? 'nothing'}` }] };
    }
    const parsed = schema.safeParse(record);
    if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error, where()) };
    event = parsed.data;
  }
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

