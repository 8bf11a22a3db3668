// Which fields name something in the catalog. The reference checks
// (reference-checks.ts) are what validates them; this tag only says, on the
// schema itself, which catalog list a field draws from, so the JSON Schema for
// editors (editor-schemas.ts) can enumerate the catalog's ids where they go.
import { z } from 'zod';
import { idTable, slug } from './catalog-schema.js';

/**
 * - term, party, source: an id of that list;
 * - option: a ladder option of the term named by the sibling field `term`;
 * - term-text: a table term id -> ladder option of that term (a text's terms);
 * - phase: a phase number of the catalog's deal spec.
 */
export type CatalogReference = 'term' | 'party' | 'source' | 'option' | 'term-text' | 'phase';

/** The registry of tagged schemas; a custom registry, so nothing of it reaches the plain JSON Schema. */
export const catalogReferences = z.registry<{ readonly refersTo: CatalogReference }>();

function tagged<S extends z.ZodType>(schema: S, refersTo: CatalogReference): S {
  catalogReferences.add(schema, { refersTo });
  return schema;
}

/** A term id (terms.json). */
export const termId = tagged(slug.clone(), 'term');
/** A party id (parties.json). */
export const partyId = tagged(slug.clone(), 'party');
/** A source id (sources.json). */
export const sourceId = tagged(slug.clone(), 'source');
/** A ladder option of the term in the same object's `term` field. */
export const optionId = tagged(slug.clone(), 'option');
/** A phase number (1 is the deal spec's first phase). */
export const phaseNumber = tagged(z.number().int().positive(), 'phase');
/** What a text says on each term it settles: term id -> ladder option; no prototype in the output. */
export const termText = () => tagged(idTable(slug), 'term-text');

/** The catalog reference a schema carries, looking through optional, default, nullable and array wrappers. Pure. */
export function referenceOf(schema: z.core.$ZodType): { readonly refersTo: CatalogReference; readonly many: boolean } | undefined {
  let node: z.core.$ZodType | undefined = schema;
  let many = false;
  for (let depth = 0; node !== undefined && depth < 8; depth++) {
    const tag = catalogReferences.get(node as z.ZodType);
    if (tag) return { refersTo: tag.refersTo, many };
    const def = node._zod.def as { type: string; innerType?: z.core.$ZodType; element?: z.core.$ZodType };
    if (def.type === 'array') many = true;
    node = def.innerType ?? def.element;
  }
  return undefined;
}
