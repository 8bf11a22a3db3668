import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import type { Catalog } from '../../domain/catalog-schema.js';
import type { Problem } from '../../domain/problem.js';
import { unknownReferences, withSuggestion } from '../../domain/reference-suggestions.js';
import { CATALOG_FILES, displayPath, loadCatalog, loadLog } from '../../io/read-log.js';
import { inputError } from '../cli-errors.js';
import { checkHeapFor } from '../heap-size.js';
import type { checkOptions } from '../command-table.js';
import type { Output } from '../command.js';
import type { Parsed } from '../option-spec.js';
import { SCENARIO_EXTENSIONS, type TextCache, textOf, withLines } from '../problem-lines.js';
import { type ValidScenario, catalogFor, checkScenario } from '../scenario-problems.js';
import { appendAll } from '../../domain/append-all.js';

/** The JSON object on one line of a log file, or undefined. */
function rawLine(text: string | undefined, line: number): unknown {
  const raw = text?.split('\n')[line - 1];
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Adds suggestions to log problems, and names the unknown ids of events whose shape is broken elsewhere. */
async function completeLogProblems(problems: readonly Problem[], catalog: Catalog | undefined, cache: TextCache): Promise<Problem[]> {
  if (catalog === undefined) return [...problems];
  const out: Problem[] = [];
  const byLine = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.line === undefined || extname(p.file) !== '.jsonl') {
      out.push(p);
      continue;
    }
    const key = `${p.file}\u0000${p.line}`;
    byLine.set(key, [...(byLine.get(key) ?? []), p]);
  }
  for (const group of byLine.values()) {
    const { file, line, eventId } = group[0]!;
    const raw = rawLine(await textOf(file, cache), line!);
    appendAll(out, group.map((p) => withSuggestion(p, raw, catalog)));
    const reported = new Set(group.map((p) => p.field ?? ''));
    out.push(...unknownReferences(raw, catalog, { file, line, ...(eventId === undefined ? {} : { eventId }) }, reported));
  }
  return out;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

type Kind = 'log' | 'scenario' | 'catalog';

/** A folder with a catalog and no log files is a catalog; a catalog file stands for its folder's catalog. */
async function kindOf(path: string): Promise<{ kind: Kind; path: string }> {
  const full = resolve(path);
  if (await isDirectory(full)) {
    const names = await readdir(full).catch(() => [] as string[]);
    const catalogOnly = CATALOG_FILES.every((f) => names.includes(f)) && !names.some((n) => n.endsWith('.jsonl'));
    return { kind: catalogOnly ? 'catalog' : 'log', path };
  }
  if ((CATALOG_FILES as readonly string[]).includes(basename(full))) return { kind: 'catalog', path: dirname(full) };
  return { kind: SCENARIO_EXTENSIONS.has(extname(full)) ? 'scenario' : 'log', path };
}

/** What a check found valid; everything else is a problem. */
interface Findings {
  log: { readonly events: number; readonly files: number; readonly catalog: string } | null;
  readonly catalogs: { readonly dir: string; readonly terms: number; readonly parties: number; readonly sources: number }[];
  readonly scenarios: ValidScenario[];
}

/** The "ok: ..." lines of what was found valid. Pure. */
function okLines({ log, catalogs, scenarios }: Findings): string[] {
  return [
    ...(log ? [`ok: ${log.events} events in ${log.files} file(s); catalog ${log.catalog}`] : []),
    ...catalogs.map((c) => `ok: catalog ${c.dir} (${c.terms} terms, ${c.parties} parties, ${c.sources} sources)`),
    ...scenarios.map((s) => `ok: scenario ${s.file} (${s.events} event(s), ${s.expectations} expectation(s))`),
  ];
}

/** Runs `parley check` (declared in command-table.ts). */
export async function run({ values, positionals }: Parsed<typeof checkOptions>, io: Output): Promise<void> {
  const targets = await Promise.all(positionals.map(kindOf));
  const logs = targets.filter((t) => t.kind === 'log').map((t) => t.path);
  const cache: TextCache = new Map();
  const problems: Problem[] = [];
  const found: Findings = { log: null, catalogs: [], scenarios: [] };
  if (logs.length > 0 || positionals.length === 0) {
    const loaded = await loadLog(logs, { beforeReading: checkHeapFor });
    if (loaded.ok) {
      const { log, files, catalogDir } = loaded.value;
      found.log = { events: log.entries.length, files: files.length, catalog: displayPath(catalogDir) };
    } else appendAll(problems, await completeLogProblems(loaded.problems, await catalogFor(logs), cache));
  }
  for (const dir of new Set(targets.filter((t) => t.kind === 'catalog').map((t) => resolve(t.path)))) {
    const catalog = await loadCatalog(dir);
    if (catalog.ok) found.catalogs.push({ dir: displayPath(dir), terms: catalog.value.terms.length, parties: catalog.value.parties.length, sources: catalog.value.sources.length });
    else appendAll(problems, catalog.problems);
  }
  for (const t of targets.filter((t) => t.kind === 'scenario')) {
    const checked = await checkScenario(t.path, cache);
    if (checked.valid !== undefined) found.scenarios.push(checked.valid);
    appendAll(problems, checked.problems);
  }
  // Problems go to stderr, one line each, in JSON mode too; stdout says what was valid.
  if (values.json) io.out(JSON.stringify({ ok: problems.length === 0, ...found, problems: problems.length }, null, 2));
  else okLines(found).forEach((line) => io.out(line));
  if (problems.length > 0) throw inputError(await withLines(problems, cache));
}
