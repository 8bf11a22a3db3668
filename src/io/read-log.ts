// The file-system shell around the parsers: finds the files, reads their text,
// and hands it to the pure parsing code. All problems come back as data.
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Catalog } from '../domain/catalog-schema.js';
import type { EventLog } from '../domain/event-log.js';
import { parseDealFile, withDeal } from '../domain/parse-deal.js';
import { logBuilder } from '../domain/log-builder.js';
import { parseCatalog } from '../domain/parse-log.js';
import type { Problem, Result } from '../domain/problem.js';
import { packageRoot } from './package-root.js';
import { nameOf, readLines } from './read-lines.js';
import { STDIN, displayPath, fileSystemProblem, readText } from './read-text.js';
import { appendAll } from '../domain/append-all.js';

export { displayPath, readText } from './read-text.js';

export { packageRoot } from './package-root.js';
export const bundledEventsDir = join(packageRoot, 'events');

export const CATALOG_FILES = ['terms.json', 'parties.json', 'sources.json'] as const;
export const DEAL_FILE = 'deal.json';

/** A catalog file is a few kilobytes; anything near this is not one. */
const MAX_CATALOG_BYTES = 8 * 1024 * 1024;

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export async function loadCatalog(dir: string): Promise<Result<Catalog>> {
  const [terms, parties, sources] = await Promise.all(CATALOG_FILES.map((f) => readText(join(dir, f), MAX_CATALOG_BYTES)));
  const problems = [terms!, parties!, sources!].flatMap((r) => (r.ok ? [] : r.problems));
  if (!terms!.ok || !parties!.ok || !sources!.ok) return { ok: false, problems };
  const catalog = parseCatalog({ terms: terms!.value, parties: parties!.value, sources: sources!.value });
  // deal.json is optional: without it the catalog keeps the documented default deal.
  if (!catalog.ok || !(await exists(join(dir, DEAL_FILE)))) return catalog;
  const deal = await readText(join(dir, DEAL_FILE));
  const spec = deal.ok ? parseDealFile(deal.value, catalog.value) : deal;
  return spec.ok ? { ok: true, value: withDeal(catalog.value, spec.value) } : spec;
}

/** The event files a path names: the *.jsonl files of a directory (by name), or the file itself. */
async function eventFilesOf(path: string): Promise<Result<string[]>> {
  if (path === STDIN || !(await isDirectory(path))) return { ok: true, value: [path] };
  try {
    return { ok: true, value: (await readdir(path)).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(path, f)) };
  } catch (e) {
    return { ok: false, problems: [fileSystemProblem(displayPath(path), e, 'folder')] };
  }
}

export interface CatalogChoice {
  readonly dir: string;
  /** Said to the user, not fatal: the bundled catalog stands in for a missing one. */
  readonly warnings: readonly Problem[];
}

/**
 * The catalog for a set of log paths. The folder of the first path (the path
 * itself when it is a folder; the working directory for "-") must hold all three catalog files, or none: with
 * none, the bundled catalog is used and a warning says so; with some but not
 * all, it is a problem (a missing sources.json is never quietly replaced).
 */
export async function catalogDirFor(paths: readonly string[]): Promise<Result<CatalogChoice>> {
  const first = paths[0];
  if (first === undefined) return { ok: true, value: { dir: bundledEventsDir, warnings: [] } };
  // Standard input sits in the working directory, as far as its catalog goes.
  const dir = first === STDIN ? process.cwd() : (await isDirectory(first)) ? first : dirname(first);
  if (resolve(dir) === bundledEventsDir) return { ok: true, value: { dir, warnings: [] } };
  let names: Set<string>;
  try {
    names = new Set(await readdir(dir));
  } catch (e) {
    // A path whose folder does not exist is best reported as the path itself.
    const missingPath = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, problems: [fileSystemProblem(displayPath(missingPath ? first : dir), e, missingPath ? 'file or folder' : 'folder')] };
  }
  const missing = CATALOG_FILES.filter((f) => !names.has(f));
  if (missing.length === 0) return { ok: true, value: { dir, warnings: [] } };
  if (missing.length < CATALOG_FILES.length) {
    return { ok: false, problems: missing.map((f) => ({ file: displayPath(join(dir, f)), code: 'no-catalog' as const, message: 'missing beside the log', expected: `all of ${CATALOG_FILES.join(', ')} in ${displayPath(dir)}, or none to use the bundled catalog` })) };
  }
  const warning: Problem = { file: displayPath(dir), code: 'no-catalog', warning: true, message: `no ${CATALOG_FILES.join(', ')} here; using the bundled catalog (${displayPath(bundledEventsDir)})` };
  return { ok: true, value: { dir: bundledEventsDir, warnings: [warning] } };
}

export interface LoadedLog {
  readonly log: EventLog;
  readonly files: readonly string[];
  readonly catalogDir: string;
  /** Things the user should know that did not stop the load (the bundled catalog standing in). */
  readonly warnings: readonly Problem[];
}

/** How loadLog may be told about the files before it reads them. */
export interface LoadOptions {
  /** Called with the event files found, before any is read (the CLI sizes its heap here); what it throws, loadLog throws. */
  readonly beforeReading?: (files: readonly string[]) => Promise<void>;
}

/** Loads and validates logs; no paths means the bundled events/ folder, "-" standard input. A log with no events is a problem. */
export async function loadLog(paths: readonly string[] = [], options: LoadOptions = {}): Promise<Result<LoadedLog>> {
  const targets = paths.length === 0 ? [bundledEventsDir] : paths.map((p) => (p === STDIN ? p : resolve(p)));
  const choice = await catalogDirFor(targets);
  if (!choice.ok) return choice;
  const catalog = await loadCatalog(choice.value.dir);
  if (!catalog.ok) return catalog;
  const listed = await Promise.all(targets.map(eventFilesOf));
  const listProblems = listed.flatMap((r) => (r.ok ? [] : r.problems));
  if (listProblems.length > 0) return { ok: false, problems: listProblems };
  const files = listed.flatMap((r) => (r.ok ? r.value : []));
  if (files.length === 0) return { ok: false, problems: [{ file: displayPath(targets[0]!), code: 'empty-log', message: 'no *.jsonl event files found' }] };
  await options.beforeReading?.(files);
  // One file after another, streamed into one builder: problems come in file and line order.
  const builder = logBuilder(catalog.value);
  const problems: Problem[] = [];
  for (const f of files) appendAll(problems, await readLines(f, builder.file(nameOf(f))));
  // A file that cannot be read at all is the problem to fix first.
  if (problems.length > 0) return { ok: false, problems };
  const log = builder.finish();
  // A stand-in catalog is often why a log fails: say so first.
  if (!log.ok) return { ok: false, problems: [...choice.value.warnings, ...log.problems] };
  if (log.value.entries.length === 0) return { ok: false, problems: [{ file: files.map(displayPath).join(', '), code: 'empty-log', message: 'no events in the log', expected: 'at least one event line' }] };
  return { ok: true, value: { log: log.value, files: files.map(displayPath), catalogDir: choice.value.dir, warnings: choice.value.warnings } };
}
