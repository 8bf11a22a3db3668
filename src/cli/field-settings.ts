// `--set FIELD=VALUE` for `parley add`: the value is read as the schema's
// field expects it (a list splits on commas, a yes/no is true or false, a
// number is a number, anything structured is JSON).
import { echo } from '../domain/coded-problem.js';
import { suggestionSuffix } from '../domain/did-you-mean.js';
import { type FieldSpec, fieldAt, leafPaths } from '../domain/schema-fields.js';
import { usageError } from './cli-errors.js';

function valueFor(field: FieldSpec, raw: string): unknown {
  switch (field.kind) {
    case 'list':
      return raw.trim().startsWith('[') ? parseJson(field, raw) : raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
    case 'yes-no':
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw usageError(`--set ${field.path} expects true or false, got ${echo(raw)}`);
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw usageError(`--set ${field.path} expects a number, got ${echo(raw)}`);
      return n;
    }
    case 'group':
    case 'json':
      return parseJson(field, raw);
    default:
      return raw;
  }
}

function parseJson(field: FieldSpec, raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw usageError(`--set ${field.path} expects JSON here (${(e as Error).message})`);
  }
}

/**
 * Applies `FIELD=VALUE` settings to an event object (a copy; nested paths
 * such as attribution.speaker create their group). Throws a usage problem for an
 * unknown field, with a suggestion. Pure apart from the exception.
 */
export function applySettings(event: Readonly<Record<string, unknown>>, settings: readonly string[], fields: readonly FieldSpec[]): Record<string, unknown> {
  // Copy on write along each path: `event` stays untouched, and no deep copy of what the user gave (it may be deeply nested).
  const out: Record<string, unknown> = { ...event };
  for (const setting of settings) {
    const eq = setting.indexOf('=');
    if (eq <= 0) throw usageError(`--set expects FIELD=VALUE, got ${echo(setting)}`);
    const path = setting.slice(0, eq);
    const field = fieldAt(fields, path);
    if (field === undefined || field.kind === 'fixed') {
      const known = leafPaths(fields).filter((p) => p !== 'type');
      throw usageError(`--set: unknown field ${echo(path)}${suggestionSuffix(path, known)}; the fields of this type are ${known.join(', ')}`);
    }
    const names = path.split('.');
    let target = out;
    for (const name of names.slice(0, -1)) {
      const next = Object.hasOwn(target, name) ? target[name] : undefined;
      target[name] = typeof next !== 'object' || next === null || Array.isArray(next) ? {} : { ...next };
      target = target[name] as Record<string, unknown>;
    }
    target[names.at(-1)!] = valueFor(field, setting.slice(eq + 1));
  }
  return out;
}
