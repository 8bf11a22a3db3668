// The reference data every log is checked against: deal terms with their
// option ladders, parties, and the source registry. Terms and parties are data
// so that a course or newsroom can model another negotiation without code.
import { z } from 'zod';
import type { DealSpec } from './deal-spec.js';
import { defaultDealSpec } from './default-deal.js';
import { ISO_DAY_PATTERN, isIsoDay } from './dates.js';
import { ProblemError } from './problem.js';
import { nullPrototype } from './prototype-keys.js';

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case slug such as "rafah-crossing"');

// The pattern is for JSON Schema only (zod drops refinements there); isIsoDay is what validates.
export const isoDay = z.string().refine(isIsoDay, 'a real calendar date YYYY-MM-DD').meta({ pattern: ISO_DAY_PATTERN });

/**
 * A table keyed by catalog ids (a text's term -> option): validated keys and
 * values, empty by default, and no prototype in the output, so looking up a
 * term named "constructor" finds nothing that was not written.
 */
export const idTable = (value: z.ZodType<string>) => z.record(slug, value).default({}).transform((t) => nullPrototype(t));

/** The JSON Schema note on a catalog id: uniqueness is across items, which JSON Schema cannot compare by one field. */
const uniqueId = (within: string) => slug.meta({ description: `Not expressed in this schema: unique within ${within} (duplicate-id).` });

export const ladderOptionSchema = z.strictObject({
  id: uniqueId("the term's ladder"),
  label: z.string().min(1),
});

export const termSchema = z.strictObject({
  id: uniqueId('terms.json'),
  label: z.string().min(1),
  /** What moving along the ladder means, in neutral words. */
  axis: z.string().min(1),
  /** Ordered options; adjacent options are one concession step apart. */
  ladder: z.array(ladderOptionSchema).min(2).max(30),
});

export const partyRole = z.enum(['principal', 'mediator', 'other']);

export const partySchema = z.strictObject({
  id: uniqueId('parties.json'),
  name: z.string().min(1),
  role: partyRole,
  note: z.string().optional(),
});

export const sourceSchema = z.strictObject({
  id: uniqueId('sources.json'),
  outlet: z.string().min(1),
  title: z.string().min(1),
  published: isoDay,
  publishedBasis: z.string().min(1),
  publishedPrecision: z.enum(['day', 'week']).optional(), // when the article's day is uncertain; `published` is then the latest day it can be
  /** File name of the article in the sources folder (see `parley audit`). */
  document: z.string().min(1),
});

export const termsFileSchema = z.array(termSchema).min(1);
export const partiesFileSchema = z
  .array(partySchema)
  .refine((ps) => ps.filter((p) => p.role === 'principal').length === 2, 'exactly two parties with role "principal"')
  .meta({ contains: { type: 'object', required: ['role'], properties: { role: { const: 'principal' } } }, minContains: 2, maxContains: 2 });
export const sourcesFileSchema = z.array(sourceSchema);

export type Term = z.infer<typeof termSchema>;
export type Party = z.infer<typeof partySchema>;
export type Source = z.infer<typeof sourceSchema>;

/** Reference data with lookup indexes, built once per log. */
export interface Catalog {
  readonly terms: readonly Term[];
  readonly parties: readonly Party[];
  readonly sources: readonly Source[];
  readonly termById: ReadonlyMap<string, Term>;
  readonly partyById: ReadonlyMap<string, Party>;
  readonly sourceById: ReadonlyMap<string, Source>;
  /** Ladder position of each option, per term. */
  readonly optionIndex: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly principals: readonly [string, string];
  /** The deal's phases and rules (deal.json beside the catalog, else the documented default). */
  readonly deal: DealSpec;
}

/**
 * The catalog with its indexes. parseCatalog calls it only after the parties
 * schema has checked for exactly two principals, so file input never reaches
 * the throw; a library caller passing other parties gets a ProblemError
 * (code bad-field). Pure.
 */
export function createCatalog(terms: readonly Term[], parties: readonly Party[], sources: readonly Source[], deal: DealSpec = defaultDealSpec): Catalog {
  const principals = parties.filter((p) => p.role === 'principal').map((p) => p.id);
  if (principals.length !== 2) {
    throw new ProblemError([{ file: 'parties', code: 'bad-field', field: 'role', message: `${principals.length} parties with role "principal"`, expected: 'exactly two' }]);
  }
  return {
    terms,
    parties,
    sources,
    termById: new Map(terms.map((t) => [t.id, t])),
    partyById: new Map(parties.map((p) => [p.id, p])),
    sourceById: new Map(sources.map((s) => [s.id, s])),
    optionIndex: new Map(terms.map((t) => [t.id, new Map(t.ladder.map((o, i) => [o.id, i]))])),
    principals: [principals[0]!, principals[1]!],
    deal,
  };
}
