// The fields of an event type, read from its zod schema: what kind of value
// each takes, so prompts and `--set FIELD=VALUE` follow the schema without a
// list of fields of their own (a field added to a schema appears by itself).
import { z } from 'zod';

export type FieldKind =
  | { readonly kind: 'text' }
  | { readonly kind: 'choice'; readonly options: readonly string[] }
  | { readonly kind: 'fixed'; readonly value: unknown }
  | { readonly kind: 'yes-no' }
  | { readonly kind: 'number' }
  /** A list of short texts or ids. */
  | { readonly kind: 'list' }
  | { readonly kind: 'group'; readonly fields: readonly FieldSpec[] }
  /** Anything else (a list of objects, a map): written as JSON. */
  | { readonly kind: 'json' };

export type FieldSpec = FieldKind & {
  /** Dotted path from the event ("attribution.speaker"). */
  readonly path: string;
  readonly name: string;
  /** False when the schema lets it be left out (optional, or with a default). */
  readonly required: boolean;
  /** The field's own schema, to validate one answer. */
  readonly schema: z.ZodType;
};

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; values?: unknown[]; entries?: Record<string, string> };
const defOf = (s: z.ZodType) => (s as unknown as { def: Def }).def;

function kindOf(schema: z.ZodType, path: string): FieldKind {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return { kind: 'text' };
    case 'enum':
      return { kind: 'choice', options: Object.values(def.entries ?? {}) };
    case 'literal':
      return def.values?.length === 1 ? { kind: 'fixed', value: def.values[0] } : { kind: 'choice', options: (def.values ?? []).map(String) };
    case 'boolean':
      return { kind: 'yes-no' };
    case 'number':
      return { kind: 'number' };
    case 'array':
      return def.element !== undefined && ['string', 'enum'].includes(defOf(def.element).type) ? { kind: 'list' } : { kind: 'json' };
    case 'object':
      return { kind: 'group', fields: fieldsOf(schema as z.ZodObject, `${path}.`) };
    default:
      return { kind: 'json' };
  }
}

/** Strips optional and default wrappers: the value's schema, and whether it may be left out. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; required: boolean } {
  let inner = schema;
  let required = true;
  for (let def = defOf(inner); (def.type === 'optional' || def.type === 'default') && def.innerType !== undefined; def = defOf(inner)) {
    required = false;
    inner = def.innerType;
  }
  return { inner, required };
}

/** The fields of an object schema, in schema order. Pure. */
export function fieldsOf(schema: z.ZodObject, prefix = ''): FieldSpec[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const { inner, required } = unwrap(field);
    return { ...kindOf(inner, `${prefix}${name}`), path: `${prefix}${name}`, name, required, schema: inner };
  });
}

/** The field at a dotted path, or undefined. Pure. */
export function fieldAt(fields: readonly FieldSpec[], path: string): FieldSpec | undefined {
  for (const f of fields) {
    if (f.path === path) return f;
    if (f.kind === 'group' && path.startsWith(`${f.path}.`)) return fieldAt(f.fields, path);
  }
  return undefined;
}

/** Every leaf path (groups expanded), for "did you mean" on a mistyped field. Pure. */
export function leafPaths(fields: readonly FieldSpec[]): string[] {
  return fields.flatMap((f) => (f.kind === 'group' ? leafPaths(f.fields) : [f.path]));
}
