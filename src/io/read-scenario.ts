// Reads a scenario file (YAML, comments allowed, or JSON), validates it, and
// remembers the line of every field so later problems can point at it.
import { dirname, resolve } from 'node:path';
import { LineCounter, type Node, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { safeParse } from '../domain/parse-log.js';
import { fieldPath } from '../domain/problem.js';
import { PROTOTYPE_KEY_MESSAGE, prototypeKeyPath } from '../domain/prototype-keys.js';
import type { Problem, Result } from '../domain/problem.js';
import { type Scenario, scenarioSchema } from '../scenario/scenario-schema.js';
import { readText } from './read-text.js';

/** A scenario is a page or two of YAML. */
const MAX_SCENARIO_BYTES = 1024 * 1024;
/** Block nesting this deep on one line (`- - - - ...`) makes the YAML parser itself run out of memory. */
const TOO_DEEP_BLOCK = /(?:[-?:][ \t]+){200}/;
/** Aliases a scenario may expand: enough for reuse, far too few for an alias bomb. */
const MAX_ALIAS_COUNT = 100;

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
  const deep = TOO_DEEP_BLOCK.exec(text);
  if (deep) return { ok: false, problems: [{ file: name, line: text.slice(0, deep.index).split('\n').length, code: 'too-deep', message: 'nested too deep to read' }] };
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file: name,
        line: counter.linePos(e.pos[0]).line,
        code: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : e.code === 'RESOURCE_EXHAUSTION' ? 'too-deep' : 'bad-yaml',
        message: `not valid YAML or JSON: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const fieldLines: Record<string, number> = Object.create(null) as Record<string, number>;
  let value: unknown;
  try {
    collectLines(doc.contents, [], counter, fieldLines);
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // toJS throws on an alias with no anchor and on an alias bomb; deep nesting overflows the stack.
    const message = e instanceof RangeError ? 'nested too deep to read' : `not valid YAML: ${(e as Error).message}`;
    return { ok: false, problems: [{ file: name, code: e instanceof RangeError || /alias count/.test((e as Error).message) ? 'too-deep' : 'bad-yaml', message }] };
  }
  const proto = prototypeKeyPath(value);
  if (proto !== undefined) return { ok: false, problems: [{ file: name, ...(fieldLines[proto] === undefined ? {} : { line: fieldLines[proto] }), code: 'bad-field', field: proto, message: PROTOTYPE_KEY_MESSAGE }] };
  const parsed = safeParse(scenarioSchema, value, { file: name });
  if (!parsed.ok) {
    const problems: Problem[] = parsed.problems.map((p) => {
      // An unknown field is best pointed at by its own line, not its parent's.
      const unknown = p.code === 'unknown-field' ? /^unknown field\(s\) "([^"]*)"/.exec(p.message)?.[1] : undefined;
      const field = p.field ?? '';
      const located = unknown === undefined ? field : field === '' ? unknown : `${field}.${unknown}`;
      const line = fieldLines[located] ?? fieldLines[field];
      const { field: _, ...rest } = p;
      // The schema refuses `hypothetical: false` on a scenario event; say so with its own code.
      const code = p.code === 'bad-field' && /^events\[\d+\]\.hypothetical$/.test(field) ? 'not-hypothetical' : p.code;
      return { ...rest, code, ...(line === undefined ? {} : { line }), ...(field ? { field } : {}) };
    });
    return { ok: false, problems };
  }
  return { ok: true, value: { ...parsed.value, origin: name, fieldLines } };
}

/** Loads a scenario file; a relative `base` or `deal` is resolved against the file's folder, and the deal file is read. */
export async function loadScenario(path: string): Promise<Result<Scenario>> {
  const text = await readText(path, MAX_SCENARIO_BYTES);
  if (!text.ok) return text;
  const parsed = parseScenarioText(text.value.name, text.value.text);
  if (!parsed.ok) return parsed;
  const here = dirname(resolve(path));
  const scenario = parsed.value.base === undefined ? parsed.value : { ...parsed.value, base: resolve(here, parsed.value.base) };
  if (scenario.deal === undefined) return { ok: true, value: scenario };
  const deal = await readText(resolve(here, scenario.deal));
  return deal.ok ? { ok: true, value: { ...scenario, dealFile: deal.value } } : deal;
}
