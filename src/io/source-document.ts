// Finds the document of a source for the quote check of `parley add`: in the
// folder given, or in ../shared/sources when that exists (where CI audits).
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Source } from '../domain/catalog-schema.js';

/** Where `parley audit` documents usually live, relative to the working directory. */
export const DEFAULT_SOURCES_DIR = '../shared/sources';

/** Whether `dir` (as given, or the default) is a folder. Not pure. */
export async function sourcesFolderExists(dir: string = DEFAULT_SOURCES_DIR): Promise<boolean> {
  return stat(resolve(dir)).then((s) => s.isDirectory(), () => false);
}

/**
 * The source's document text when the folder and the document are at hand;
 * otherwise a note saying why the quote goes unaudited. Not pure (reads).
 */
export async function sourceDocument(dir: string | undefined, source: Source): Promise<{ text: string } | { note: string }> {
  const shown = dir ?? DEFAULT_SOURCES_DIR;
  if (!(await sourcesFolderExists(shown))) return { note: `quote not audited: no sources folder at ${shown} (give --sources DIR)` };
  const path = join(resolve(shown), source.document);
  const isFile = await stat(path).then((s) => s.isFile(), () => false);
  if (basename(source.document) !== source.document || !isFile) return { note: `quote not audited: ${source.document} (source ${source.id}) is not in ${shown}` };
  return { text: await readFile(path, 'utf8') };
}
