// Reads a scenario file (YAML, comments allowed, or JSON), validates it, and
// remembers the line of every field so later problems can point at it.
import { dirname, resolve } from 'node:path';
import { LineCounter, type Node, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { fieldPath } from '../domain/problem.js';
import type { Problem, Result } from '../domain/problem.js';
import { type Scenario, scenarioSchema } from '../scenario/scenario-schema.js';
import { readText } from './read-log.js';

function collectLines(node: unknown, path: (string | number)[], counter: LineCounter, out: Record<string, number>): void {
  const n = node as Node | null;
  if (n?.range) out[fieldPath(path)] = counter.linePos(n.range[0]).line;
  if (isMap(n)) {
    for (const pair of n.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyNode = pair.key as Node | null;
      if (keyNode?.range) out[fieldPath([...path, key])] = counter.linePos(keyNode.range[0]).line;
      if (pair.value && (isMap(pair.value) || isSeq(pair.value))) collectLines(pair.value, [...path, key], counter, out);
    }
  } else if (isSeq(n)) {
    n.items.forEach((item, i) => collectLines(item, [...path, i], counter, out));
  }
}

/** Parses scenario text (no I/O), remembering the line of every field. */
export function parseScenarioText(name: string, text: string): Result<Scenario> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ file: name, line: counter.linePos(e.pos[0]).line, message: `not valid YAML or JSON: ${e.message.split('\n')[0]}` })),
    };
  }
  const fieldLines: Record<string, number> = {};
  collectLines(doc.contents, [], counter, fieldLines);
  const parsed = scenarioSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.map((issue) => {
      const field = fieldPath(issue.path);
      const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message.replace(/^Invalid input: /, '');
      // An unknown field is best pointed at by its own line, not its parent's.
      const located = issue.code === 'unrecognized_keys' ? fieldPath([...issue.path, issue.keys[0]!]) : field;
      const line = fieldLines[located] ?? fieldLines[field];
      return { file: name, ...(line === undefined ? {} : { line }), ...(field ? { field } : {}), message };
    });
    return { ok: false, problems };
  }
  return { ok: true, value: { ...parsed.data, origin: name, fieldLines } };
}

/** Loads a scenario file; a relative `base` or `deal` is resolved against the file's folder, and the deal file is read. */
export async function loadScenario(path: string): Promise<Result<Scenario>> {
  const text = await readText(path);
  if (!text.ok) return text;
  const parsed = parseScenarioText(text.value.name, text.value.text);
  if (!parsed.ok) return parsed;
  const here = dirname(resolve(path));
  const scenario = parsed.value.base === undefined ? parsed.value : { ...parsed.value, base: resolve(here, parsed.value.base) };
  if (scenario.deal === undefined) return { ok: true, value: scenario };
  const deal = await readText(resolve(here, scenario.deal));
  return deal.ok ? { ok: true, value: { ...scenario, dealFile: deal.value } } : deal;
}
