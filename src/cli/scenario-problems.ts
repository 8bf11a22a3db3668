// Every problem of a scenario file in one pass, as `parley check` and
// `parley scenario run` both report them: structure, dates, the base log,
// references (with "did you mean") and expectations.
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Catalog } from '../domain/catalog-schema.js';
import { mayNestTooDeep } from '../domain/field-lines.js';
import type { Problem } from '../domain/problem.js';
import { unknownReferences, withSuggestion } from '../domain/reference-suggestions.js';
import { loadScenarioWithBase } from '../io/load-scenario-run.js';
import { bundledEventsDir, catalogDirFor, displayPath, loadCatalog } from '../io/read-log.js';
import { scenarioLogs } from '../scenario/scenario-logs.js';
import { type TextCache, textOf } from './problem-lines.js';

/** A scenario file that passed every check. */
export interface ValidScenario {
  readonly file: string;
  readonly events: number;
  readonly expectations: number;
}

/** The catalog the log paths would be read against (the bundled one for none), or undefined when it cannot be read (its problems are reported elsewhere). */
export async function catalogFor(paths: readonly string[]): Promise<Catalog | undefined> {
  const choice = await catalogDirFor(paths.length === 0 ? [bundledEventsDir] : paths.map((p) => resolve(p)));
  if (!choice.ok) return undefined;
  const catalog = await loadCatalog(choice.value.dir);
  return catalog.ok ? catalog.value : undefined;
}

/**
 * All problems of one scenario file (none, and what it holds, when valid); its
 * base log is the file's `base`, else `fallback`, else the bundled log. Reads files.
 */
export async function checkScenario(path: string, cache: TextCache, fallback: readonly string[] = []): Promise<{ problems: Problem[]; valid?: ValidScenario }> {
  const loaded = await loadScenarioWithBase(path, fallback);
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
