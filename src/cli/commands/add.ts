import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { nanoid } from 'nanoid';
import type { Catalog } from '../../domain/catalog-schema.js';
import { type NewEventContext, checkNewEvent } from '../../domain/check-new-event.js';
import { type CodedProblem, codedProblem, echo } from '../../domain/coded-problem.js';
import { suggestionSuffix } from '../../domain/did-you-mean.js';
import { eventSchemas, eventTypes } from '../../domain/event-schema.js';
import { fieldsOf } from '../../domain/schema-fields.js';
import { appendLine } from '../../io/append-line.js';
import { readEventObject } from '../../io/event-input.js';
import { catalogBeside, logContext, nextLineOf } from '../../io/log-folder.js';
import { bundledEventsDir, displayPath } from '../../io/read-log.js';
import { sourceDocument, sourcesFolderExists } from '../../io/source-document.js';
import { checkFailed, inputError, interrupted, usageError } from '../cli-errors.js';
import type { addOptions } from '../command-table.js';
import type { Output } from '../command.js';
import { applySettings } from '../field-settings.js';
import type { Parsed } from '../option-spec.js';

const stopInterrupted = (): never => {
  throw interrupted();
};

/** The value of a read, or exit 1 with its problems. */
function orFail<T>(read: { ok: true; value: T } | { ok: false; problems: CodedProblem[] }): T {
  if (!read.ok) throw inputError(read.problems);
  return read.value;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

/** The folder holding the catalog and the log files, and the file to append to (when --log names one). */
async function logTarget(logOption: string | undefined): Promise<{ dir: string; file?: string }> {
  const path = resolve(logOption ?? bundledEventsDir);
  if (await isDirectory(path)) return { dir: path };
  if (!path.endsWith('.jsonl')) throw usageError(`--log expects a folder or a .jsonl file, got "${logOption}"`);
  return { dir: dirname(path), file: path };
}

/** The file the event goes to: the one --log names, else its source's file in the folder; which must exist. */
async function targetFile(event: Record<string, unknown>, catalog: Catalog, dir: string, file: string | undefined): Promise<string> {
  const source = typeof event.source === 'string' && catalog.sourceById.has(event.source) ? event.source : undefined;
  if (file === undefined && source === undefined) {
    // No file to append to: say what is wrong with the event itself.
    const checked = checkNewEvent(event, { catalog, usedIds: new Map(), file: { name: displayPath(dir), entries: [], nextLine: 1 } });
    throw inputError(checked.ok ? [codedProblem('no-source', { file: displayPath(dir) }, 'the event names no source, so it has no log file')] : checked.problems);
  }
  const target = file ?? join(dir, `${source}.jsonl`);
  if (!(await stat(target).then((s) => s.isFile(), () => false))) {
    throw inputError([codedProblem('no-log-file', { file: displayPath(target) }, 'no such log file; register the source and create its file with parley add-source, or give --log FILE')]);
  }
  return target;
}

/** Checks the event against the log as `current` shows the target file. */
async function checkAgainstLog(event: Record<string, unknown>, target: string, current: string, catalog: Catalog, options: Pick<NewEventContext, 'expectLast' | 'document'>) {
  const context = await logContext(target, current, catalog);
  return context.ok ? checkNewEvent(event, { ...context.value, ...options }) : context;
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

function eventFromFlags(base: Record<string, unknown>, values: { from?: string; type?: string; source?: string; set?: string[] }): Record<string, unknown> {
  const event: Record<string, unknown> = { ...base };
  if (values.type !== undefined) event.type = values.type;
  if (values.source !== undefined) event.source = values.source;
  const type = event.type;
  const schema = eventSchemas.find((s) => s.shape.type.value === type);
  if (schema === undefined) {
    const shown = typeof type === 'string' ? `${echo(type)}${suggestionSuffix(type, eventTypes)}` : 'none';
    const message = `expected one of ${eventTypes.join(', ')}; got ${shown}`;
    throw inputError([codedProblem('invalid-event', { file: values.from === '-' ? '(stdin)' : displayPath(resolve(values.from ?? '')), field: 'type' }, message)]);
  }
  return applySettings(event, values.set ?? [], fieldsOf(schema));
}

/** Runs `parley add` (declared in command-table.ts). */
export async function run({ values }: Parsed<typeof addOptions>, io: Output): Promise<void> {
  const { dir, file } = await logTarget(values.log);
  const catalog = orFail(await catalogBeside(dir));
  // Before any question is asked: a wrong --sources should not cost the answers.
  if (values.sources !== undefined && !(await sourcesFolderExists(values.sources))) {
    throw inputError([codedProblem('no-sources-folder', { file: values.sources }, 'cannot read the sources folder (--sources): no such folder')]);
  }
  const interactive = values.from === undefined && values.type === undefined && (values.set ?? []).length === 0;
  let prompts: typeof import('../prompt-event.js') | undefined;
  let given: Record<string, unknown>;
  if (interactive) {
    if (!io.isTTY || process.stdin.isTTY !== true) throw usageError('give the event with --from FILE|- or --type and --set, or run parley add on a terminal to be asked for it');
    prompts = await import('../prompt-event.js');
    const { promptEvent, interruptible } = prompts;
    given = await interruptible(() => promptEvent(catalog, { source: values.source }), stopInterrupted);
  } else {
    given = eventFromFlags(values.from === undefined ? {} : orFail(await readEventObject(values.from)), values);
  }
  const event = completed(given, catalog);
  const target = await targetFile(event, catalog, dir, file);
  const source = catalog.sourceById.get(event.source as string);
  const document = source === undefined ? undefined : await sourceDocument(values.sources, source);
  const expectLast = values['expect-last'] === undefined ? undefined : values['expect-last'] === 'none' ? null : values['expect-last'];
  const options = { ...(expectLast === undefined ? {} : { expectLast }), ...(document !== undefined && 'text' in document ? { document: document.text } : {}) };
  if (document !== undefined && 'note' in document) io.err(document.note);
  if (values['dry-run'] || prompts !== undefined) {
    // A dry run, or the answers checked before asking to write them; the append checks again under the lock.
    const { line } = orFail(await checkAgainstLog(event, target, await readFile(target, 'utf8'), catalog, options));
    if (values['dry-run']) return io.out(line);
    const { confirmAppend, interruptible } = prompts!;
    if (!(await interruptible(() => confirmAppend(line, displayPath(target)), stopInterrupted))) {
      io.err('parley add: not appended; nothing was written');
      throw checkFailed("the event was not appended");
    }
  }
  let lineNumber = 0;
  const accepted = orFail(
    await appendLine(target, async (current) => {
      lineNumber = nextLineOf(current);
      const checked = await checkAgainstLog(event, target, current, catalog, options);
      return checked.ok ? { ok: true, line: checked.value.line, value: checked.value } : checked;
    }),
  );
  if (values.json) io.out(JSON.stringify({ id: accepted.event.id, type: accepted.event.type, file: displayPath(target), line: lineNumber }, null, 2));
  else io.out(`added ${accepted.event.id} (${accepted.event.type}) to ${displayPath(target)}:${lineNumber}`);
}
