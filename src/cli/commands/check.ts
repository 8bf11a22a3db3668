import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { Catalog } from '../../domain/catalog-schema.js';
import { fieldLines, lineOfField, mayNestTooDeep } from '../../domain/field-lines.js';
import type { Problem } from '../../domain/problem.js';
import { unknownReferences, withSuggestion } from '../../domain/reference-suggestions.js';
import { scenarioLogs } from '../../scenario/scenario-logs.js';
import { loadScenarioWithBase } from '../../io/load-scenario-run.js';
import { CATALOG_FILES, bundledEventsDir, catalogDirFor, displayPath, loadCatalog, loadLog } from '../../io/read-log.js';
import { inputError } from '../cli-errors.js';
import { type Command, LOG_HELP, helpOption, parsing } from '../command.js';

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
    out.push(...group.map((p) => withSuggestion(p, raw, catalog)));
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
async function checkScenario(path: string, cache: Map<string, string | undefined>): Promise<{ problems: Problem[]; summary?: string }> {
  const loaded = await loadScenarioWithBase(path);
  const name = displayPath(resolve(path));
  let problems: Problem[];
  let catalog: Catalog | undefined;
  if (loaded.ok) {
    catalog = loaded.value.base.catalog;
    const logs = scenarioLogs(loaded.value.scenario, loaded.value.base);
    if (logs.ok) return { problems: [], summary: `ok: scenario ${name} (${loaded.value.scenario.events.length} event(s), ${loaded.value.scenario.expect.length} expectation(s))` };
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

export const checkCommand: Command = {
  name: 'check',
  summary: 'validate event logs, catalogs and scenario files without replaying them',
  usage: `parley check [PATH ...]

Validates each PATH and reports every problem of every file in one pass, one
line each, naming file, line, event id and field (a missing field: the line
of the object that lacks it), with "did you mean" for an id that nearly
matches the catalog (party "Israel" -> "israel"). Exit 0 when all is valid,
1 otherwise. PATH is:

  a log           a JSONL file or a folder of them, as --log elsewhere; all
                  logs given are checked together (ids unique across them).
${LOG_HELP.split('\n').slice(1).join('\n')}
  a catalog       a folder with terms.json, parties.json and sources.json and
                  no log files, or one of those files
  a scenario      a .yaml, .yml or .json what-if file: its structure, its
                  base log, its events against the catalog, its expectations

With no PATH: the bundled events/.`,
  async run(argv, io) {
    const { positionals } = parsing(() => parseArgs({ args: [...argv], options: { ...helpOption }, allowPositionals: true }));
    const targets = await Promise.all(positionals.map(kindOf));
    const logs = targets.filter((t) => t.kind === 'log').map((t) => t.path);
    const cache = new Map<string, string | undefined>();
    const problems: Problem[] = [];
    if (logs.length > 0 || positionals.length === 0) {
      const loaded = await loadLog(logs);
      if (loaded.ok) {
        const { log, files, catalogDir } = loaded.value;
        io.out(`ok: ${log.entries.length} events in ${files.length} file(s); catalog ${displayPath(catalogDir)}`);
      } else problems.push(...(await completeLogProblems(loaded.problems, await catalogFor(logs), cache)));
    }
    for (const dir of new Set(targets.filter((t) => t.kind === 'catalog').map((t) => resolve(t.path)))) {
      const catalog = await loadCatalog(dir);
      if (catalog.ok) io.out(`ok: catalog ${displayPath(dir)} (${catalog.value.terms.length} terms, ${catalog.value.parties.length} parties, ${catalog.value.sources.length} sources)`);
      else problems.push(...catalog.problems);
    }
    for (const t of targets.filter((t) => t.kind === 'scenario')) {
      const checked = await checkScenario(t.path, cache);
      if (checked.summary !== undefined) io.out(checked.summary);
      problems.push(...checked.problems);
    }
    if (problems.length > 0) throw inputError(await withLines(problems, cache));
  },
};
