import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { nanoid } from 'nanoid';
import type { Catalog } from '../../domain/catalog-schema.js';
import { type AcceptedEvent, checkNewEvent } from '../../domain/check-new-event.js';
import { type CodedProblem, codedProblem } from '../../domain/coded-problem.js';
import { suggestionSuffix } from '../../domain/did-you-mean.js';
import { eventSchemas, eventTypes } from '../../domain/event-schema.js';
import { parseEventFile, parseLog } from '../../domain/parse-log.js';
import { fieldsOf } from '../../domain/schema-fields.js';
import { appendLine } from '../../io/append-line.js';
import { CATALOG_FILES, bundledEventsDir, displayPath, loadCatalog, readText } from '../../io/read-log.js';
import { CheckFailed, InputError, Interrupted, UsageError } from '../cli-errors.js';
import { type Command, helpOption, parsing } from '../command.js';
import { applySettings } from '../field-settings.js';

const MAX_INPUT_BYTES = 1024 * 1024;
/** Where `parley audit` documents usually live, relative to the working directory. */
const DEFAULT_SOURCES_DIR = '../shared/sources';

const interrupted = (): never => {
  throw new Interrupted();
};

const fail = (problems: readonly CodedProblem[]): never => {
  throw new InputError(problems);
};

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES) fail([codedProblem('input-too-large', { file: '(stdin)' }, `more than ${MAX_INPUT_BYTES} bytes; an event is one JSON object`)]);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The JSON object given with --from FILE or --from - (stdin). */
async function readEventObject(from: string): Promise<Record<string, unknown>> {
  let name = '(stdin)';
  let text: string;
  if (from === '-') text = await readStdin();
  else {
    const read = await readText(resolve(from));
    if (!read.ok) fail(read.problems.map((p) => ({ ...p, code: 'unreadable' })));
    ({ name, text } = (read as { ok: true; value: { name: string; text: string } }).value);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    fail([codedProblem('invalid-json', { file: name }, `not valid JSON (${(e as Error).message})`)]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail([codedProblem('invalid-json', { file: name }, 'expected one JSON object (an event)')]);
  return value as Record<string, unknown>;
}

/** The folder holding the catalog and the log files, and the file to append to (when --log names one). */
async function logTarget(logOption: string | undefined): Promise<{ dir: string; file?: string }> {
  const path = resolve(logOption ?? bundledEventsDir);
  if (await isDirectory(path)) return { dir: path };
  if (!path.endsWith('.jsonl')) throw new UsageError(`--log expects a folder or a .jsonl file, got "${logOption}"`);
  return { dir: dirname(path), file: path };
}

async function catalogIn(dir: string): Promise<Catalog> {
  const names = new Set(await readdir(dir).catch(() => [] as string[]));
  const missing = CATALOG_FILES.filter((f) => !names.has(f));
  if (missing.length > 0) fail([codedProblem('no-catalog', { file: displayPath(dir) }, `no catalog here (missing ${missing.join(', ')}); parley add writes only beside its catalog`)]);
  const catalog = await loadCatalog(dir);
  return catalog.ok ? catalog.value : fail(catalog.problems.map((p) => ({ ...p, code: 'invalid-catalog' })));
}

/** The source's document, when the sources folder and the document are at hand; otherwise why not. */
async function sourceDocument(option: string | undefined, catalog: Catalog, sourceId: unknown): Promise<{ text?: string; note?: string }> {
  const source = typeof sourceId === 'string' ? catalog.sourceById.get(sourceId) : undefined;
  if (source === undefined) return {};
  const dir = resolve(option ?? DEFAULT_SOURCES_DIR);
  if (!(await isDirectory(dir))) {
    if (option !== undefined) fail([codedProblem('no-sources-folder', { file: displayPath(dir) }, 'cannot read the sources folder (--sources): no such folder')]);
    return { note: `quote not audited: no sources folder at ${DEFAULT_SOURCES_DIR} (give --sources DIR)` };
  }
  const path = join(dir, source.document);
  if (basename(source.document) !== source.document || !(await stat(path).then((s) => s.isFile(), () => false))) {
    return { note: `quote not audited: ${source.document} (source ${source.id}) is not in ${option ?? DEFAULT_SOURCES_DIR}` };
  }
  return { text: await readFile(path, 'utf8') };
}

function nextLineOf(text: string): number {
  if (text === '') return 1;
  const lines = text.split('\n').length;
  return text.endsWith('\n') ? lines : lines + 1;
}

/** Reads the log folder with `current` as the target file's text, and checks the event against it. */
async function checkAgainstLog(
  event: Record<string, unknown>,
  target: string,
  current: string,
  catalog: Catalog,
  context: { expectLast?: string | null; document?: string },
): Promise<{ ok: true; value: AcceptedEvent } | { ok: false; problems: CodedProblem[] }> {
  const dir = dirname(target);
  const others = (await readdir(dir)).filter((f) => f.endsWith('.jsonl') && join(dir, f) !== target).sort();
  const texts = [];
  for (const f of others) {
    const read = await readText(join(dir, f));
    if (!read.ok) return { ok: false, problems: read.problems.map((p) => ({ ...p, code: 'unreadable' })) };
    texts.push(read.value);
  }
  const file = { name: displayPath(target), text: current };
  const whole = parseLog(catalog, [...texts, file]);
  if (!whole.ok) {
    const problems = whole.problems.map((p) => ({ ...p, code: 'invalid-log' }));
    return { ok: false, problems: [...problems, codedProblem('invalid-log', { file: displayPath(dir) }, 'the log has problems (above); fix them first (parley check) so the new event can be checked against it')] };
  }
  const usedIds = new Map<string, string>();
  for (const t of [...texts, file]) for (const e of parseEventFile(t, catalog).entries) usedIds.set(e.event.id, `${t.name}:${e.position}`);
  const entries = parseEventFile(file, catalog).entries;
  return checkNewEvent(event, { catalog, usedIds, file: { name: file.name, entries, nextLine: nextLineOf(current) }, ...context });
}

/** Fills what parley can know: a fresh id, the source's publication date, the precision a date's form implies. */
function completed(event: Record<string, unknown>, catalog: Catalog): Record<string, unknown> {
  const out = { ...event };
  out.id ??= nanoid(12);
  const source = typeof out.source === 'string' ? catalog.sourceById.get(out.source) : undefined;
  if (source !== undefined) out.reported ??= source.published;
  if (typeof out.occurred === 'string') out.precision ??= /^\d{4}-\d{2}$/.test(out.occurred) ? 'month' : 'day';
  return out;
}

function eventFromFlags(base: Record<string, unknown>, values: { type?: string; source?: string; set?: string[] }): Record<string, unknown> {
  const event: Record<string, unknown> = { ...base };
  if (values.type !== undefined) event.type = values.type;
  if (values.source !== undefined) event.source = values.source;
  const type = event.type;
  const schema = eventSchemas.find((s) => s.shape.type.value === type);
  if (schema === undefined) {
    const shown = typeof type === 'string' ? `"${type.slice(0, 60)}"${suggestionSuffix(type, eventTypes)}` : 'none';
    throw new UsageError(`--type: expected one of ${eventTypes.join(', ')}; got ${shown}`);
  }
  return applySettings(event, values.set ?? [], fieldsOf(schema));
}

export const addCommand: Command = {
  name: 'add',
  summary: 'append one event to a log file, checked and atomically',
  usage: `parley add [--log PATH] [--from FILE|-] [--type TYPE] [--source ID]
           [--set FIELD=VALUE ...] [--expect-last ID|none] [--sources DIR] [--dry-run]

Appends one reported event to its source's log file. On a terminal with no
event given, asks for each field of the chosen type, offering the catalog's
sources, parties, terms and ladder options. For scripts, give the event as a
JSON object (--from FILE, or --from - for stdin) and/or with flags.

parley fills in a fresh id (nanoid), "reported" (the source's publication
date) and "precision" (day, or month for YYYY-MM) when they are missing, then
checks the event: its schema and the catalog, an id unused in the log,
"reported" equal to the source's publication date, not dated before the last
event of its file (files are kept in date order), and its quote verbatim in
the source document when that is at hand. On any problem nothing is written
(exit 1). The file is replaced atomically under a lock: it either stays as it
was or gains exactly this one line, even if parley is killed, and concurrent
runs never lose a line.

  --log PATH          the log folder (default: the bundled events/), where the
                      event goes to <source>.jsonl; or a .jsonl file in it
  --from FILE|-       the event as one JSON object; "-" reads stdin
  --type TYPE         the event type (${eventTypes.join(', ')})
  --source ID         the source id (from sources.json)
  --set FIELD=VALUE   a field, e.g. --set occurred=2024-08-22 --set
                      attribution.speaker="a Hamas official"; lists are
                      comma-separated (--set accepts=a,b), structured values
                      JSON; repeatable; applied over --from
  --expect-last ID    fail unless the file's last event is ID ("none": the file
                      has no event yet), so a script never appends to a file
                      that changed since it read it
  --sources DIR       the folder of source documents for the quote check
                      (default: ${DEFAULT_SOURCES_DIR} when it exists)
  --dry-run           check and print the line; write nothing`,
  async run(argv, io) {
    const { values } = parsing(() =>
      parseArgs({
        args: [...argv],
        options: {
          ...helpOption,
          log: { type: 'string' },
          from: { type: 'string' },
          type: { type: 'string' },
          source: { type: 'string' },
          set: { type: 'string', multiple: true },
          'expect-last': { type: 'string' },
          sources: { type: 'string' },
          'dry-run': { type: 'boolean' },
        },
      }),
    );
    const { dir, file } = await logTarget(values.log);
    const catalog = await catalogIn(dir);
    // Before any question is asked: a wrong --sources should not cost the answers.
    if (values.sources !== undefined && !(await isDirectory(resolve(values.sources)))) {
      fail([codedProblem('no-sources-folder', { file: displayPath(resolve(values.sources)) }, 'cannot read the sources folder (--sources): no such folder')]);
    }
    const interactive = values.from === undefined && values.type === undefined && (values.set ?? []).length === 0;
    let event: Record<string, unknown>;
    let prompts: typeof import('../prompt-event.js') | undefined;
    if (interactive) {
      if (!io.isTTY || process.stdin.isTTY !== true) throw new UsageError('give the event with --from FILE|- or --type and --set, or run parley add on a terminal to be asked for it');
      prompts = await import('../prompt-event.js');
      const { promptEvent, interruptible } = prompts;
      event = await interruptible(() => promptEvent(catalog, { source: values.source }), interrupted);
    } else {
      event = eventFromFlags(values.from === undefined ? {} : await readEventObject(values.from), values);
    }
    event = completed(event, catalog);
    const target = file ?? (typeof event.source === 'string' && catalog.sourceById.has(event.source) ? join(dir, `${event.source}.jsonl`) : undefined);
    const expectLast = values['expect-last'] === undefined ? undefined : values['expect-last'] === 'none' ? null : values['expect-last'];
    if (target === undefined) {
      // No file to append to: report what is wrong with the event itself.
      const checked = checkNewEvent(event, { catalog, usedIds: new Map(), file: { name: displayPath(join(dir, '(no file)')), entries: [], nextLine: 1 } });
      fail(checked.ok ? [codedProblem('no-source', { file: displayPath(dir) }, 'the event names no source, so it has no log file')] : checked.problems);
    }
    if (!(await stat(target!).then((s) => s.isFile(), () => false))) {
      fail([codedProblem('no-log-file', { file: displayPath(target!) }, `no such log file; register the source and create it with parley add-source, or give --log FILE`)]);
    }
    const document = await sourceDocument(values.sources, catalog, event.source);
    const context = { ...(expectLast === undefined ? {} : { expectLast }), ...(document.text === undefined ? {} : { document: document.text }) };
    if (values['dry-run'] || prompts !== undefined) {
      // A dry run, or the answers checked before asking to write them; the append checks again under the lock.
      const checked = await checkAgainstLog(event, target!, await readFile(target!, 'utf8'), catalog, context);
      if (!checked.ok) fail(checked.problems);
      const { line } = (checked as { ok: true; value: AcceptedEvent }).value;
      if (document.note !== undefined) io.err(document.note);
      if (values['dry-run']) return io.out(line);
      const { confirmAppend, interruptible } = prompts!;
      if (!(await interruptible(() => confirmAppend(line, displayPath(target!)), interrupted))) {
        io.err('parley add: not appended; nothing was written');
        throw new CheckFailed();
      }
    }
    let line = 0;
    const added = await appendLine(target!, async (current) => {
      line = nextLineOf(current);
      const checked = await checkAgainstLog(event, target!, current, catalog, context);
      return checked.ok ? { ok: true, line: checked.value.line, value: checked.value } : checked;
    });
    if (!added.ok) fail(added.problems);
    const accepted = (added as { ok: true; value: AcceptedEvent }).value;
    io.out(`added ${accepted.event.id} (${accepted.event.type}) to ${displayPath(target!)}:${line}`);
    if (document.note !== undefined && prompts === undefined) io.err(document.note);
  },
};
