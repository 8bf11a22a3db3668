// Catalog references in a raw (possibly invalid) event or scenario: "did you
// mean" for a near-miss id, and the unknown ids of an object whose shape is
// broken elsewhere, so one pass reports references as well as structure.
import type { Catalog } from './catalog-schema.js';
import { echo } from './coded-problem.js';
import { suggestionSuffix } from './did-you-mean.js';
import type { Problem } from './problem.js';
import { catalogIds, catalogKindOf } from './reference-fields.js';

type Path = (string | number)[];

/** "events[2].terms.philadelphi" -> ["events", 2, "terms", "philadelphi"]. Pure. */
function parsePath(field: string): Path {
  const out: Path = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

function get(value: unknown, path: Path): unknown {
  let v = value;
  for (const k of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** The object holding the field at `path` (for `accepts[1]`, the event), to read its `term`. */
function holder(root: unknown, path: Path): unknown {
  let end = path.length - 1;
  while (end > 0 && typeof path[end] === 'number') end--;
  return get(root, path.slice(0, end));
}

/** The value a field holds and the ids it should be one of, when it names something in the catalog. */
function reference(root: unknown, field: string, catalog: Catalog): { value: string; kind: string; ids: readonly string[] } | undefined {
  const path = parsePath(field);
  const value = get(root, path);
  const key = path.at(-1);
  // A term map (`terms.<term>: <option>`): the key must be a term, the value one of its options.
  if (path.length >= 2 && path.at(-2) === 'terms' && typeof key === 'string') {
    if (!catalog.termById.has(key)) return { value: key, kind: 'term', ids: catalogIds(catalog, 'term') };
    return typeof value === 'string' ? { value, kind: `option of term ${key}`, ids: catalogIds(catalog, 'option', key) } : undefined;
  }
  const kind = catalogKindOf(field);
  if (kind === undefined || typeof value !== 'string') return undefined;
  const term = (holder(root, path) as { term?: unknown } | undefined)?.term;
  const ofTerm = kind === 'option' && typeof term === 'string' && catalog.termById.has(term) ? term : undefined;
  if (kind === 'option' && ofTerm === undefined) return undefined;
  return { value, kind: ofTerm === undefined ? kind : `option of term ${ofTerm}`, ids: catalogIds(catalog, kind, ofTerm) };
}

/**
 * Adds "did you mean" to a problem whose field holds an id the catalog lacks
 * but nearly has (`Israel` -> `israel`). `root` is the raw object the field
 * path starts from. Pure.
 */
export function withSuggestion<P extends Problem>(problem: P, root: unknown, catalog: Catalog): P {
  if (problem.field === undefined || problem.message.includes('did you mean')) return problem;
  const ref = reference(root, problem.field, catalog);
  if (ref === undefined || ref.ids.includes(ref.value)) return problem;
  const suffix = suggestionSuffix(ref.value, ref.ids);
  return suffix === '' ? problem : { ...problem, message: `${problem.message}${suffix}` };
}

function walk(value: unknown, path: string, visit: (field: string) => void, depth: number): void {
  if (depth > 8 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      visit(`${path}[${i}]`);
      walk(v, `${path}[${i}]`, visit, depth + 1);
    });
    return;
  }
  for (const key of Object.keys(value)) {
    const field = path === '' ? key : `${path}.${key}`;
    visit(field);
    walk((value as Record<string, unknown>)[key], field, visit, depth + 1);
  }
}

const MAX_LISTED = 400;

/**
 * Every field of a raw object that names an id the catalog does not have, as
 * problems ("unknown party ..."), each with a suggestion when there is one;
 * fields in `reported` (already the subject of a problem) are skipped. Pure.
 */
export function unknownReferences(root: unknown, catalog: Catalog, at: Omit<Problem, 'message' | 'field' | 'code'>, reported: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  walk(root, '', (field) => {
    if (reported.has(field)) return;
    const ref = reference(root, field, catalog);
    if (ref === undefined || ref.ids.includes(ref.value)) return;
    const list = ref.ids.join(', ');
    problems.push({ ...at, code: 'unknown-reference', field, message: `unknown ${ref.kind} ${echo(ref.value)}; expected one of ${list.length > MAX_LISTED ? `${list.slice(0, MAX_LISTED)}...` : list}${suggestionSuffix(ref.value, ref.ids)}` });
  }, 0);
  return problems;
}
