// The reference data every log is checked against: deal terms with their
// option ladders, parties, and the source registry. Terms and parties are data
// so that a course or newsroom can model another negotiation without code.
import { z } from 'zod';
import { isIsoDay } from './dates.js';

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case slug such as "rafah-crossing"');

export const isoDay = z.string().refine(isIsoDay, 'a real calendar date YYYY-MM-DD');

export const ladderOptionSchema = z.strictObject({
  id: slug,
  label: z.string().min(1),
});

export const termSchema = z.strictObject({
  id: slug,
  label: z.string().min(1),
  /** What moving along the ladder means, in neutral words. */
  axis: z.string().min(1),
  /** Ordered options; adjacent options are one concession step apart. */
  ladder: z.array(ladderOptionSchema).min(2).max(30),
});

export const partyRole = z.enum(['principal', 'mediator', 'other']);

export const partySchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  role: partyRole,
  note: z.string().optional(),
});

export const sourceSchema = z.strictObject({
  id: slug,
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
  .refine((ps) => ps.filter((p) => p.role === 'principal').length === 2, 'exactly two parties with role "principal"');
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
}

export function createCatalog(terms: readonly Term[], parties: readonly Party[], sources: readonly Source[]): Catalog {
  const principals = parties.filter((p) => p.role === 'principal').map((p) => p.id);
  if (principals.length !== 2) throw new Error('a catalog needs exactly two principals');
  return {
    terms,
    parties,
    sources,
    termById: new Map(terms.map((t) => [t.id, t])),
    partyById: new Map(parties.map((p) => [p.id, p])),
    sourceById: new Map(sources.map((s) => [s.id, s])),
    optionIndex: new Map(terms.map((t) => [t.id, new Map(t.ladder.map((o, i) => [o.id, i]))])),
    principals: [principals[0]!, principals[1]!],
  };
}
