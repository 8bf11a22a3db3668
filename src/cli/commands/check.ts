import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Catalog } from '../../domain/catalog-schema.js';
import { fieldLines, lineOfField, mayNestTooDeep } from '../../domain/field-lines.js';
import type { Problem } from '../../domain/problem.js';
import { unknownReferences, withSuggestion } from '../../domain/reference-suggestions.js';
import { scenarioLogs } from '../../scenario/scenario-logs.js';
import { loadScenarioWithBase } from '../../io/load-scenario-run.js';
import { CATALOG_FILES, bundledEventsDir, catalogDirFor, displayPath, loadCatalog, loadLog } from '../../io/read-log.js';
import { inputError } from '../cli-errors.js';
import type { checkOptions } from '../command-table.js';
import type { Output } from '../command.js';
import type { Parsed } from '../option-spec.js';
import { appendAll } from '../../domain/append-all.js';

const SCENARIO_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/** Reads a file named in a problem, for locating lines; undefined when it cannot (its problems say so). */
async function textOf(file: string, cache: Map<string, string | undefined>): Promise<string | undefined> {
  if (!cache.has(file)) {
    const path = resolve(file);
    const ok = await stat(path).then((s) => s.isFile() && s.size <= MAX_TEXT_BYTES, () => false);
    cache.set(file, ok ? await readFile(path, 'utf8').catch(() => undefined) : undefined);
  }
  return cache.get(file);
}

/** Gives a line to each problem in a JSON or YAML file that names a field but no line: the field's, or its enclosing object's when the field is missing. */
async function withLines(problems: readonly Problem[], cache: Map<string, string | undefined>): Promise<Problem[]> {
  const linesByFile = new Map<string, ReadonlyMap<string, number>>();
  const out: Problem[] = [];
  for (const p of problems) {
    if (p.line !== undefined || p.field === undefined || !SCENARIO_EXTENSIONS.has(extname(p.file))) {
      out.push(p);
      continue;
    }
    if (!linesByFile.has(p.file)) {
      const text = await textOf(p.file, cache);
      linesByFile.set(p.file, text === undefined ? new Map() : fieldLines(text));
    }
    const line = lineOfField(linesByFile.get(p.file)!, p.field);
    out.push(line === undefined ? p : { ...p, line });
  }
  return out;
}

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
async function completeLogProblems(problems: readonly Problem[], catalog: Catalog | undefined, cache: Map<string, string | undefined>): Promise<Problem[]> {
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

async function catalogFor(paths: readonly string[]): Promise<Catalog | undefined> {
  const choice = await catalogDirFor(paths.length === 0 ? [bundledEventsDir] : paths.map((p) => resolve(p)));
  if (!choice.ok) return undefined;
  const catalog = await loadCatalog(choice.value.dir);
  return catalog.ok ? catalog.value : undefined;
}

/** All problems of one scenario file: structure, dates, the base log, references (with suggestions) and expectations. */
async function checkScenario(path: string, cache: Map<string, string | undefined>): Promise<{ problems: Problem[]; valid?: ValidScenario }> {
  const loaded = await loadScenarioWithBase(path);
  const name = displayPath(resolve(path));
  let problems: Problem[];
  let catalog: Catalog | undefined;
  if (loaded.ok) {
    catalog = loaded.value.base.catalog;
    const logs = scenarioLogs(loaded.value.scenario, loaded.value.base);
    if (logs.ok) return { problems: [], valid: { file: name, events: loaded.value.scenario.events.length, expectations: loaded.value.scenario.expect.length } };
    problems = [...logs.problems];
  } else problems = [...loaded.problems];
  let raw: unknown;
  const text = (await textOf(name, cache)) ?? '';
  try {
    raw = mayNestTooDeep(text) ? undefined : parseYaml(text, { maxAliasCount: 100 });
  } catch {
    raw = undefined;
  }
  if (catalog === undefined && typeof raw === 'object' && raw !== null) {
    const base = (raw as { base?: unknown }).base;
    catalog = await catalogFor(typeof base === 'string' ? [resolve(dirname(resolve(path)), base)] : []);
  }
  if (catalog !== undefined) {
    const own = problems.filter((p) => p.file === name);
    problems = problems.map((p) => (p.file === name ? withSuggestion(p, raw, catalog!) : p));
    if (!loaded.ok) problems.push(...unknownReferences(raw, catalog, { file: name }, new Set(own.map((p) => p.field ?? ''))));
  }
  return { problems };
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

interface ValidScenario {
  readonly file: string;
  readonly events: number;
  readonly expectations: number;
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
  const cache = new Map<string, string | undefined>();
  const problems: Problem[] = [];
  const found: Findings = { log: null, catalogs: [], scenarios: [] };
  if (logs.length > 0 || positionals.length === 0) {
    const loaded = await loadLog(logs);
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
