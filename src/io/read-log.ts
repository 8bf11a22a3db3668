// The file-system shell around the parsers: finds the files, reads their text,
// and hands it to the pure parsing code. All problems come back as data.
import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../domain/catalog-schema.js';
import type { EventLog } from '../domain/event-log.js';
import { parseDealFile, withDeal } from '../domain/parse-deal.js';
import { type TextFile, parseCatalog, parseLog } from '../domain/parse-log.js';
import type { Problem, Result } from '../domain/problem.js';

/** The project root (one level above dist/ or src/), where events/ and scenarios/ live. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bundledEventsDir = join(packageRoot, 'events');

export const CATALOG_FILES = ['terms.json', 'parties.json', 'sources.json'] as const;
export const DEAL_FILE = 'deal.json';

/** A path as the user should see it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}

export async function readText(path: string): Promise<Result<TextFile>> {
  try {
    const text = await readFile(path, 'utf8');
    // Some editors start UTF-8 files with a byte-order mark; it is not part of the data.
    return { ok: true, value: { name: displayPath(path), text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text } };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    return { ok: false, problems: [{ file: displayPath(path), message: `cannot read: ${why}` }] };
  }
}

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

async function hasCatalog(dir: string): Promise<boolean> {
  try {
    const names = new Set(await readdir(dir));
    return CATALOG_FILES.every((f) => names.has(f));
  } catch {
    return false;
  }
}

export async function loadCatalog(dir: string): Promise<Result<Catalog>> {
  const [terms, parties, sources] = await Promise.all(CATALOG_FILES.map((f) => readText(join(dir, f))));
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
async function eventFilesOf(path: string): Promise<string[]> {
  if (!(await isDirectory(path))) return [path];
  return (await readdir(path)).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(path, f));
}

/**
 * The catalog for a set of log paths: the one beside the first path (the
 * directory itself, or the file's directory) when it has all three files,
 * else the bundled one.
 */
export async function catalogDirFor(paths: readonly string[]): Promise<string> {
  const first = paths[0];
  if (first === undefined) return bundledEventsDir;
  const dir = (await isDirectory(first)) ? first : dirname(first);
  return (await hasCatalog(dir)) ? dir : bundledEventsDir;
}

export interface LoadedLog {
  readonly log: EventLog;
  readonly files: readonly string[];
  readonly catalogDir: string;
}

/** Loads and validates logs; no paths means the bundled events/ folder. */
export async function loadLog(paths: readonly string[] = []): Promise<Result<LoadedLog>> {
  const targets = paths.length === 0 ? [bundledEventsDir] : paths.map((p) => resolve(p));
  const catalogDir = await catalogDirFor(targets);
  const catalog = await loadCatalog(catalogDir);
  if (!catalog.ok) return catalog;
  const files = (await Promise.all(targets.map(eventFilesOf))).flat();
  if (files.length === 0) return { ok: false, problems: [{ file: displayPath(targets[0]!), message: 'no *.jsonl event files found' }] };
  const texts = await Promise.all(files.map(readText));
  const problems: Problem[] = texts.flatMap((t) => (t.ok ? [] : t.problems));
  if (problems.length > 0) return { ok: false, problems };
  const log = parseLog(catalog.value, texts.map((t) => (t as { ok: true; value: TextFile }).value));
  return log.ok ? { ok: true, value: { log: log.value, files: files.map(displayPath), catalogDir } } : log;
}

