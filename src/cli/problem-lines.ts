// Where in the user's own file a problem is: a JSON or YAML problem that names
// a field gets that field's line, read from the file once per command.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { fieldLines, lineOfField } from '../domain/field-lines.js';
import type { Problem } from '../domain/problem.js';

/** The extensions of files parley reads as a scenario (YAML or JSON). */
export const SCENARIO_EXTENSIONS: ReadonlySet<string> = new Set(['.yaml', '.yml', '.json']);
const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/** The texts of files named in problems, by path, each read at most once. */
export type TextCache = Map<string, string | undefined>;

/** Reads a file named in a problem, for locating lines; undefined when it cannot (its problems say so). */
export async function textOf(file: string, cache: TextCache): Promise<string | undefined> {
  if (!cache.has(file)) {
    const path = resolve(file);
    const ok = await stat(path).then((s) => s.isFile() && s.size <= MAX_TEXT_BYTES, () => false);
    cache.set(file, ok ? await readFile(path, 'utf8').catch(() => undefined) : undefined);
  }
  return cache.get(file);
}

/** Gives a line to each problem in a JSON or YAML file that names a field but no line: the field's, or its enclosing object's when the field is missing. */
export async function withLines(problems: readonly Problem[], cache: TextCache): Promise<Problem[]> {
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
