import { open, readFile, stat, unlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { type CodedProblem, codedProblem } from '../../domain/coded-problem.js';
import { sourceSchema, sourcesFileSchema } from '../../domain/catalog-schema.js';
import { fieldPath } from '../../domain/problem.js';
import { withSourceEntry } from '../../domain/sources-file.js';
import { updateFile } from '../../io/append-line.js';
import { catalogBeside } from '../../io/log-folder.js';
import { bundledEventsDir, displayPath } from '../../io/read-log.js';
import { inputError } from '../cli-errors.js';
import type { addSourceOptions } from '../command-table.js';
import type { Output } from '../command.js';
import type { Parsed } from '../option-spec.js';

const fail = (problems: readonly CodedProblem[]): never => {
  throw inputError(problems);
};

/** "Al Qahera News TV" + 2024-08-15 -> "al-qahera-news-tv-2024-08-15". Pure. */
function defaultId(outlet: string, published: string): string {
  const name = outlet
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return name === '' ? published : `${name}-${published}`;
}

/** Creates the empty log file; true when this run created it, false when an empty one was already there. */
async function createLogFile(path: string): Promise<boolean> {
  try {
    await (await open(path, 'wx')).close();
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const s = await stat(path);
    // An empty file is what an interrupted add-source leaves: take it over.
    if (s.isFile() && s.size === 0) return false;
    return fail([codedProblem('log-file-exists', { file: displayPath(path) }, 'already exists and is not empty; choose another --id')]);
  }
}

/** Runs `parley add-source` (declared in command-table.ts). */
export async function run({ values }: Parsed<typeof addSourceOptions>, io: Output): Promise<void> {
  const dir = resolve(values.log ?? bundledEventsDir);
  const catalog = await catalogBeside(dir);
  if (!catalog.ok) fail(catalog.problems);
  const entry = {
    id: values.id ?? defaultId(values.outlet, values.published),
    outlet: values.outlet,
    title: values.title,
    published: values.published,
    publishedBasis: values['published-basis'],
    document: values.document,
  };
  const registry = join(dir, 'sources.json');
  const parsed = sourceSchema.safeParse(entry);
  if (!parsed.success) fail(parsed.error.issues.map((i) => codedProblem('invalid-source', { file: displayPath(registry), field: fieldPath(i.path) }, i.message.replace(/^Invalid input: /, ''))));
  if (basename(entry.document) !== entry.document) fail([codedProblem('invalid-source', { file: displayPath(registry), field: 'document' }, 'a file name in the sources folder, without a folder')]);
  // Checked before the log file is created, and again under the registry's lock.
  const early = withSourceEntry(await readFile(registry, 'utf8'), entry);
  if (!early.ok) fail(early.problems.map((p) => ({ ...p, file: displayPath(registry) })));
  const logFile = join(dir, `${entry.id}.jsonl`);
  const created = await createLogFile(logFile);
  const updated = await updateFile(registry, async (current) => {
    const next = withSourceEntry(current, entry);
    if (!next.ok) return { ok: false, problems: next.problems.map((p) => ({ ...p, file: displayPath(registry) })) };
    // What is written must read back as a valid registry holding the new source.
    const check = sourcesFileSchema.safeParse(JSON.parse(next.text));
    if (!check.success) return { ok: false, problems: [codedProblem('invalid-source', { file: displayPath(registry) }, 'the registry would not be valid after the change; nothing was written')] };
    return { ok: true, text: next.text, value: undefined };
  });
  if (!updated.ok) {
    if (created) await unlink(logFile).catch(() => undefined);
    fail(updated.problems);
  }
  if (values.json) io.out(JSON.stringify({ source: entry.id, registry: displayPath(registry), logFile: displayPath(logFile) }, null, 2));
  else io.out(`added source ${entry.id} to ${displayPath(registry)}; its log file is ${displayPath(logFile)}`);
}
