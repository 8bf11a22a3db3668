// What `parley add` needs to know about the log folder it writes into: the
// catalog beside the file, and the rest of the log, read fresh under the lock.
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Catalog } from '../domain/catalog-schema.js';
import type { NewEventContext } from '../domain/check-new-event.js';
import { type CodedProblem, codedProblem } from '../domain/coded-problem.js';
import { parseLog } from '../domain/log-builder.js';
import { type TextFile, parseEventFile } from '../domain/parse-log.js';
import { CATALOG_FILES, displayPath, loadCatalog, readText } from './read-log.js';

type Read<T> = { ok: true; value: T } | { ok: false; problems: CodedProblem[] };

/** The catalog in `dir`, which must have all three files: parley never writes a log against the bundled catalog by accident. Not pure. */
export async function catalogBeside(dir: string): Promise<Read<Catalog>> {
  const names = new Set(await readdir(dir).catch(() => [] as string[]));
  const missing = CATALOG_FILES.filter((f) => !names.has(f));
  if (missing.length > 0) return { ok: false, problems: [codedProblem('no-catalog', { file: displayPath(dir) }, `no catalog here (missing ${missing.join(', ')}); parley writes logs only beside their catalog`)] };
  const catalog = await loadCatalog(dir);
  return catalog.ok ? catalog : { ok: false, problems: catalog.problems.map((p) => ({ ...p, code: 'invalid-catalog' })) };
}

/** The 1-based line a line appended to `text` will have. Pure. */
export function nextLineOf(text: string): number {
  if (text === '') return 1;
  const lines = text.split('\n').length;
  return text.endsWith('\n') ? lines : lines + 1;
}

/**
 * The log around `target` (every *.jsonl file of its folder, with `current`
 * as the target's text), as `checkNewEvent` needs it; or the log's own
 * problems, since a new event cannot be checked against a broken log. Not pure.
 */
export async function logContext(target: string, current: string, catalog: Catalog): Promise<Read<Omit<NewEventContext, 'expectLast' | 'document'>>> {
  const dir = dirname(target);
  const others = (await readdir(dir)).filter((f) => f.endsWith('.jsonl') && join(dir, f) !== target).sort();
  const texts: TextFile[] = [];
  for (const f of others) {
    const read = await readText(join(dir, f));
    if (!read.ok) return { ok: false, problems: read.problems.map((p) => ({ ...p, code: 'unreadable' })) };
    texts.push(read.value);
  }
  const file = { name: displayPath(target), text: current };
  const whole = parseLog(catalog, [...texts, file]);
  if (!whole.ok) {
    const { problems } = whole;
    return { ok: false, problems: [...problems, codedProblem('invalid-log', { file: displayPath(dir) }, 'the log has the problems above; fix them first (parley check), so the new event can be checked against it')] };
  }
  const usedIds = new Map<string, string>();
  let entries: NewEventContext['file']['entries'] = [];
  for (const t of [...texts, file]) {
    const parsed = parseEventFile(t, catalog).entries;
    for (const e of parsed) usedIds.set(e.event.id, `${t.name}:${e.position}`);
    if (t === file) entries = parsed;
  }
  return { ok: true, value: { catalog, usedIds, file: { name: file.name, entries, nextLine: nextLineOf(current) } } };
}
