// Renaming ids in a log and its catalog as files hold them, for the
// metamorphic tests of prototype names as ids (test/prototype-names.test.ts,
// test/cli-prototype-names.test.ts).
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type Json = Record<string, unknown>;

/** A log and its catalog as the files hold them. */
export interface RawLog {
  readonly files: readonly { readonly name: string; readonly events: readonly Json[] }[];
  readonly terms: unknown;
  readonly parties: unknown;
  readonly sources: unknown;
  readonly deal: unknown;
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/** Fields whose string values are ids (or, for speaker, user text used as a key); a `terms` object's keys are term ids. */
const ID_FIELDS = new Set(['id', 'term', 'party', 'by', 'mediators', 'about', 'source', 'figure', 'proposal', 'round', 'act', 'accepts', 'rejects', 'prefers', 'adds', 'mustSettle', 'speaker']);

/** Every string at an id field, and every string anywhere else (keys included), of a value. */
function strings(value: unknown, field: string, ids: Set<string>, others: Set<string>): void {
  // mustSettle is a list of terms, or the keyword "all-but-deferrable".
  if (typeof value === 'string') (ID_FIELDS.has(field) && field !== 'mustSettle' ? ids : others).add(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, field === 'mustSettle' ? 'term' : field, ids, others);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (field === 'terms') ids.add(k);
      else others.add(k);
      strings(v, k, ids, others);
    }
  }
}

/** The ids of a raw log that are used only as ids, so renaming them is a renaming and nothing else. */
export function renameableIds(raw: RawLog): string[] {
  const ids = new Set<string>();
  const others = new Set<string>();
  strings([raw.terms, raw.parties, raw.sources, raw.deal, ...raw.files.flatMap((f) => f.events)], '', ids, others);
  return [...ids].filter((id) => !others.has(id)).sort();
}

/** `value` with every id-field string and `terms` key equal to `from` renamed `to`. Pure. */
export function rename(value: unknown, from: string, to: string, field = ''): unknown {
  if (typeof value === 'string') return ID_FIELDS.has(field) && field !== 'mustSettle' && value === from ? to : value;
  if (Array.isArray(value)) return value.map((v) => rename(v, from, to, field === 'mustSettle' ? 'term' : field));
  if (typeof value !== 'object' || value === null) return value;
  // JSON.parse would make "__proto__" an own key too; a null-prototype record keeps it one here.
  const out: Json = Object.create(null);
  for (const [k, v] of Object.entries(value)) out[field === 'terms' && k === from ? to : k] = rename(v, from, to, k);
  return out;
}

/**
 * Replaces every occurrence of `from` in the strings and keys of a JSON value,
 * and puts every list in one order: a state lists some things by name (a
 * source's assessments by speaker), and a renaming may move them. Pure.
 */
export function canonical(value: unknown, from: string, to: string): unknown {
  const swap = (s: string) => s.split(from).join(to);
  if (typeof value === 'string') return swap(value);
  if (Array.isArray(value)) return value.map((v) => canonical(v, from, to)).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [swap(k), canonical(v, from, to)]));
}

/** The raw files of a folder holding a log and its catalog. */
export async function readRaw(dir: string): Promise<RawLog> {
  const json = async (f: string) => JSON.parse(await readFile(join(dir, f), 'utf8')) as unknown;
  const names = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
  const files = await Promise.all(names.map(async (name) => ({ name, events: (await readFile(join(dir, name), 'utf8')).split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Json) })));
  return { files, terms: await json('terms.json'), parties: await json('parties.json'), sources: await json('sources.json'), deal: await json('deal.json') };
}


/** Writes a raw log into a folder as parley reads one: its JSONL files, the three catalog files and deal.json. */
export async function writeRaw(raw: RawLog, dir: string): Promise<void> {
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  await Promise.all([
    ...raw.files.map((f) => writeFile(join(dir, f.name), f.events.map((e) => `${JSON.stringify(e)}\n`).join(''))),
    writeFile(join(dir, 'terms.json'), json(raw.terms)),
    writeFile(join(dir, 'parties.json'), json(raw.parties)),
    writeFile(join(dir, 'sources.json'), json(raw.sources)),
    writeFile(join(dir, 'deal.json'), json(raw.deal)),
  ]);
}
