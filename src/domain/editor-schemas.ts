// The JSON Schemas (draft 2020-12) `parley schema` prints for editors, derived
// from the zod schemas parley validates with (z.toJSONSchema) and, when given,
// a catalog: its term, party and source ids and each term's ladder options
// become enums. zod leaves refinements out of JSON Schema, so the few rules
// parley checks in code and JSON Schema can state are added here, and the
// schemas carry, in `description`, the rules JSON Schema cannot state (dates
// in order, ids unique across a log, references to other events).
import { z } from 'zod';
import type { Catalog } from './catalog-schema.js';
import { partiesFileSchema, sourcesFileSchema, termsFileSchema } from './catalog-schema.js';
import { catalogReferences, referenceOf } from './catalog-references.js';
import { ISO_MONTH_PATTERN } from './dates.js';
import { dealSpecSchema } from './deal-spec.js';
import { REQUIRED_WHEN_REPORTED } from './event-references.js';
import { commonFields } from './event-fields.js';
import { eventSchema, eventSchemas } from './event-schema.js';
import { scenarioSchema } from '../scenario/scenario-schema.js';

const sources = {
  event: eventSchema,
  scenario: scenarioSchema,
  deal: dealSpecSchema,
  terms: termsFileSchema,
  parties: partiesFileSchema,
  sources: sourcesFileSchema,
} as const;

/** The files `parley schema` describes: one event line, a scenario file, deal.json and the three catalog files. */
export type SchemaName = keyof typeof sources;
export const schemaNames = Object.keys(sources) as readonly SchemaName[];

type JsonSchema = Record<string, unknown>;

const logLines: ReadonlySet<z.core.$ZodType> = new Set(eventSchemas);

const whereCatalogIds: Record<string, string> = {
  term: 'a term id from terms.json',
  party: 'a party id from parties.json',
  source: 'a source id from sources.json',
  option: 'a ladder option of the term named in this object\'s "term" (terms.json)',
  phase: "a phase number of the deal spec (deal.json): 1 to its number of phases",
};
const enumeratedWith = ' (`parley schema --catalog DIR` enumerates them)';

const note = (schema: JsonSchema, text: string) => {
  schema.description = typeof schema.description === 'string' ? `${schema.description} ${text}` : text;
};

const allOf = (schema: JsonSchema, ...rules: JsonSchema[]) => {
  if (rules.length > 0) schema.allOf = [...((schema.allOf as JsonSchema[] | undefined) ?? []), ...rules];
};

/** The option ids of every term, in catalog order, each once. */
const everyOption = (catalog: Catalog) => [...new Set(catalog.terms.flatMap((t) => t.ladder.map((o) => o.id)))];

/** A leaf that names a catalog id: its enum (or, for a phase, its bound), or a note saying where the ids come from. */
function catalogLeaf(schema: JsonSchema, refersTo: string, catalog: Catalog | undefined): void {
  if (catalog === undefined) {
    note(schema, `${whereCatalogIds[refersTo]}${refersTo === 'phase' ? '' : enumeratedWith}.`);
    return;
  }
  if (refersTo === 'term') schema.enum = catalog.terms.map((t) => t.id);
  if (refersTo === 'party') schema.enum = catalog.parties.map((p) => p.id);
  if (refersTo === 'source') schema.enum = catalog.sources.map((s) => s.id);
  if (refersTo === 'option') schema.enum = everyOption(catalog);
  if (refersTo === 'phase') schema.maximum = catalog.deal.phases.length;
}

/** A text's terms (term -> option): the catalog's terms as names, each with its own ladder. */
function termTextTable(schema: JsonSchema, catalog: Catalog | undefined): void {
  if (catalog === undefined) {
    note(schema, `Keys are term ids from terms.json, values ladder options of that term${enumeratedWith}.`);
    return;
  }
  schema.propertyNames = { enum: catalog.terms.map((t) => t.id) };
  schema.properties = Object.fromEntries(catalog.terms.map((t) => [t.id, { enum: t.ladder.map((o) => o.id) }]));
}

/**
 * An object with a `term` and fields naming options of it: per term, its own
 * ladder; and the stance rules of checkStance and position.stated: no option
 * both accepted and rejected, a preferred option among the accepted.
 */
function optionsPerTerm(optionFields: readonly { key: string; many: boolean }[], catalog: Catalog): JsonSchema[] {
  const keys = new Set(optionFields.map((f) => f.key));
  return catalog.terms.map((t) => {
    const ladder = t.ladder.map((o) => o.id);
    const then: JsonSchema = {
      properties: Object.fromEntries(optionFields.map((f) => [f.key, f.many ? { type: 'array', items: { enum: ladder } } : { enum: ladder }])),
    };
    const rules: JsonSchema[] = [];
    if (keys.has('accepts') && keys.has('rejects')) {
      rules.push({ not: { anyOf: ladder.map((o) => ({ required: ['accepts', 'rejects'], properties: { accepts: { type: 'array', contains: { const: o } }, rejects: { type: 'array', contains: { const: o } } } })) } });
    }
    if (keys.has('prefers') && keys.has('accepts')) {
      rules.push(...ladder.map((o) => ({ if: { required: ['prefers'], properties: { prefers: { const: o } } }, then: { required: ['accepts'], properties: { accepts: { type: 'array', contains: { const: o } } } } })));
    }
    if (rules.length > 0) then.allOf = rules;
    return { if: { required: ['term'], properties: { term: { const: t.id } } }, then };
  });
}

/** The rules on the fields every event shares that parley checks beyond their shapes (event-references.ts). */
const eventDateRules: JsonSchema[] = [
  // Month precision is written YYYY-MM, and only month precision is (precision defaults to day in a scenario).
  {
    if: { required: ['occurred'], properties: { occurred: { type: 'string', pattern: ISO_MONTH_PATTERN } } },
    then: { required: ['precision'], properties: { precision: { const: 'month' } } },
    else: { properties: { precision: { not: { const: 'month' } } } },
  },
  // A sortDate places a week- or month-precision event within its period; a day-precision one sorts on its own date.
  { if: { not: { required: ['precision'], properties: { precision: { enum: ['week', 'month'] } } } }, then: { properties: { sortDate: false } } },
];

const reportedEventNote = 'A log file holds reported events only (a what-if goes in a scenario file): leave it out or write false.';

/** What parley checks in code about one object schema, as JSON Schema, and the catalog's ids where they go. */
function refine(zodSchema: z.core.$ZodType, json: JsonSchema, catalog: Catalog | undefined): void {
  // The tagged schema itself; zod copies what it gets into its optional and default wrappers.
  const tag = catalogReferences.get(zodSchema as z.ZodType);
  if (tag?.refersTo === 'term-text') termTextTable(json, catalog);
  else if (tag) catalogLeaf(json, tag.refersTo, catalog);
  const def = zodSchema._zod.def as { type: string; shape?: Record<string, z.core.$ZodType> };
  if (def.type !== 'object' || def.shape === undefined) return;
  const shape = def.shape;
  const fields = Object.entries(shape).map(([key, s]) => ({ key, ref: referenceOf(s) }));
  const optionFields = fields.filter((f) => f.ref?.refersTo === 'option').map((f) => ({ key: f.key, many: f.ref!.many }));
  if (catalog !== undefined && optionFields.length > 0 && fields.some((f) => f.key === 'term' && f.ref?.refersTo === 'term')) allOf(json, ...optionsPerTerm(optionFields, catalog));
  if (shape.occurred === commonFields.occurred) allOf(json, ...eventDateRules);
  if (logLines.has(zodSchema)) {
    json.required = [...new Set([...((json.required as string[] | undefined) ?? []), ...REQUIRED_WHEN_REPORTED])];
    const properties = json.properties as Record<string, JsonSchema>;
    properties.hypothetical = { type: 'boolean', const: false, default: false, description: reportedEventNote };
  }
  const type = (shape.type?._zod.def as { values?: unknown[] } | undefined)?.values?.[0];
  if (type === 'position.stated') {
    // A position states what the party accepts, rejects or both.
    allOf(json, { anyOf: [{ required: ['accepts'], properties: { accepts: { type: 'array', minItems: 1 } } }, { required: ['rejects'], properties: { rejects: { type: 'array', minItems: 1 } } }] });
  }
}

/**
 * The JSON Schema (draft 2020-12) of one kind of file, from the zod schema
 * parley validates it with; with a catalog, its ids and ladders as enums and
 * the deal spec's number of phases as a bound. Pure: the same input gives the
 * same schema.
 */
export function editorSchema(name: SchemaName, catalog?: Catalog): JsonSchema {
  return z.toJSONSchema(sources[name], {
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => refine(zodSchema, jsonSchema as JsonSchema, catalog),
  }) as JsonSchema;
}
