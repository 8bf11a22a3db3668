// A fast path for a zod schema: its definition walked once into the source of
// one plain function that accepts what zod accepts and builds the same output. On a
// million-event load zod's general machinery (a payload object and an issues
// array per field, issue bookkeeping) costs more than JSON.parse; these do the
// same checks and nothing else, and where the input already is zod's output
// (a file parley wrote: keys in order, defaults written) it is kept, not
// copied. It only ever says yes: a value it does not accept, or a schema part
// it does not know, goes to zod, so every problem is still worded by zod. A property test holds the two to the same answers.
import type { z } from 'zod';
import { type CheckFactory, precompiledChecks } from './precompiled-checks.js';

/** A compiled check's answer for a value it does not accept; zod then decides, and says why. */
export const REJECTED: unique symbol = Symbol('rejected');

/** The output zod would give for `input`, or REJECTED. */
export type CompiledCheck<T> = (input: unknown) => T | typeof REJECTED;

interface CheckDef {
  readonly check: string;
  readonly [key: string]: unknown;
}

interface Def {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly [key: string]: unknown;
}

const defOf = (schema: unknown): Def => (schema as z.core.$ZodType)._zod.def as unknown as Def;

/** Writes one function's source: constants it refers to by index, fresh variable names. */
class Emitter {
  readonly constants: unknown[] = [];
  readonly lines: string[] = [];
  private names = 0;
  constant(value: unknown): string {
    this.constants.push(value);
    return `k[${this.constants.length - 1}]`;
  }
  name(): string {
    return `v${this.names++}`;
  }
  line(text: string): void {
    this.lines.push(text);
  }
}

/** A JavaScript condition for one zod check on `x` (already of the right type), or undefined for a check not known here. */
function condition(e: Emitter, def: CheckDef, x: string): string | undefined {
  const test = bareCondition(e, def, x);
  // zod gives length checks a `when` (the value has a length); one that would skip the check leaves the value to zod.
  if (test === undefined || def.when === undefined) return test;
  return `${e.constant(def.when)}({ value: ${x}, issues: [] }) === true && ${test}`;
}

function bareCondition(e: Emitter, def: CheckDef, x: string): string | undefined {
  switch (def.check) {
    case 'min_length':
      return `${x}.length >= ${Number(def.minimum)}`;
    case 'max_length':
      return `${x}.length <= ${Number(def.maximum)}`;
    case 'string_format': {
      if (def.format !== 'regex' || !(def.pattern instanceof RegExp)) return undefined;
      const pattern = e.constant(def.pattern);
      return `(${pattern}.lastIndex = 0, ${pattern}.test(${x}))`;
    }
    case 'number_format':
      return def.format === 'safeint' ? `Number.isSafeInteger(${x})` : undefined;
    case 'greater_than':
      return `${x} ${def.inclusive ? '>=' : '>'} ${e.constant(def.value)}`;
    case 'less_than':
      return `${x} ${def.inclusive ? '<=' : '<'} ${e.constant(def.value)}`;
    case 'custom':
      // Only a plain true passes: a promise (an async refinement) is zod's to wait for.
      return `${e.constant(def.fn)}(${x}) === true`;
    default:
      return undefined;
  }
}

/** Emits the checks of a definition on `x`; false if one is not known here. */
function emitChecks(e: Emitter, def: Def, x: string): boolean {
  for (const c of def.checks ?? []) {
    const test = condition(e, c._zod.def, x);
    if (test === undefined) return false;
    e.line(`if (!(${test})) return R;`);
  }
  return true;
}

const key = (k: string) => JSON.stringify(k);

function emitObject(e: Emitter, def: Def, x: string): string | undefined {
  const catchall = def.catchall === undefined ? undefined : defOf(def.catchall).type;
  // Strict (catchall never) refuses unknown keys, plain objects drop them; any other catchall is zod's.
  if (catchall !== undefined && catchall !== 'never') return undefined;
  if (def.checks?.length) return undefined;
  const shape = Object.entries(def.shape as Record<string, unknown>);
  e.line(`if (typeof ${x} !== 'object' || ${x} === null || Array.isArray(${x})) return R;`);
  // The input itself is zod's output when it is a plain object whose keys come in the shape's order, each
  // value its own output, with no default to fill in and no key to drop: then nothing is copied.
  const left = e.name();
  const same = e.name();
  const next = e.name();
  const k = e.name();
  const keys = e.constant(shape.map(([name]) => name));
  e.line(`let ${left} = 0, ${same} = Object.getPrototypeOf(${x}) === Object.prototype, ${next} = 0;`);
  e.line(`for (const ${k} in ${x}) { ${left}++; while (${next} < ${shape.length} && ${keys}[${next}] !== ${k}) ${next}++; if (${next} === ${shape.length}) ${same} = false; else ${next}++; }`);
  const fields: { name: string; present: string; result: string }[] = [];
  for (const [name, schema] of shape) {
    const present = e.name();
    const value = e.name();
    const result = e.name();
    e.line(`const ${present} = ${key(name)} in ${x};`);
    e.line(`if (${present}) ${left}--;`);
    e.line(`let ${result};`);
    // An absent optional field stays absent; any other absent field is its check of undefined (a default, or a refusal).
    e.line(`${defOf(schema).type === 'optional' ? `if (${present})` : ''} {`);
    e.line(`const ${value} = ${present} ? ${x}[${key(name)}] : undefined;`);
    const checked = emitNode(e, schema, value);
    if (checked === undefined) return undefined;
    e.line(`${result} = ${checked};`);
    e.line(`if (${present} ? ${result} !== ${value} : ${result} !== undefined) ${same} = false;`);
    e.line('}');
    fields.push({ name, present, result });
  }
  // Keys of the input not in the shape: refused (strict) or dropped (so the input is not the output).
  e.line(catchall === 'never' ? `if (${left} !== 0) return R;` : `if (${left} !== 0) ${same} = false;`);
  const out = e.name();
  e.line(`let ${out} = ${x};`);
  e.line(`if (!${same}) {`);
  e.line(`${out} = {};`);
  // As zod: an absent key whose check gave undefined stays absent.
  for (const f of fields) e.line(`if (${f.result} !== undefined || ${f.present}) ${out}[${key(f.name)}] = ${f.result};`);
  e.line('}');
  return out;
}

function emitRecord(e: Emitter, def: Def, x: string): string | undefined {
  // Keys from an enum make a record of fixed keys, which zod checks otherwise.
  if (def.checks?.length || (def.keyType as z.core.$ZodType)._zod.values !== undefined || def.mode === 'loose') return undefined;
  e.line(`if (typeof ${x} !== 'object' || ${x} === null || Object.getPrototypeOf(${x}) !== Object.prototype) return R;`);
  const out = e.name();
  const k = e.name();
  e.line(`const ${out} = {};`);
  e.line(`for (const ${k} of Object.keys(${x})) {`);
  e.line(`if (${k} === '__proto__') return R;`);
  const outKey = emitNode(e, def.keyType, k);
  if (outKey === undefined) return undefined;
  e.line(`if (typeof ${outKey} !== 'string' || ${outKey} === '__proto__') return R;`);
  const value = e.name();
  e.line(`const ${value} = ${x}[${k}];`);
  const result = emitNode(e, def.valueType, value);
  if (result === undefined) return undefined;
  e.line(`${out}[${outKey}] = ${result};`);
  e.line('}');
  return out;
}

function emitArray(e: Emitter, def: Def, x: string): string | undefined {
  e.line(`if (!Array.isArray(${x})) return R;`);
  if (!emitChecks(e, def, x)) return undefined;
  const out = e.name();
  const i = e.name();
  const item = e.name();
  const same = e.name();
  // The input itself is the output when every element is its own output (no copy of a list of ids).
  e.line(`let ${out} = ${x}, ${same} = Object.getPrototypeOf(${x}) === Array.prototype;`);
  e.line(`for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {`);
  e.line(`const ${item} = ${x}[${i}];`);
  const result = emitNode(e, def.element, item);
  if (result === undefined) return undefined;
  e.line(`if (${same} && ${result} !== ${item}) { ${same} = false; ${out} = ${x}.slice(0, ${i}); }`);
  e.line(`if (!${same}) ${out}[${i}] = ${result};`);
  e.line('}');
  return out;
}

/** Emits code that checks `x` against `schema` (a `return R` on refusal); the expression holding zod's output, or undefined for a part not known here. */
function emitNode(e: Emitter, schema: unknown, x: string): string | undefined {
  const def = defOf(schema);
  if (def.coerce === true) return undefined;
  const primitive = (typeTest: string): string | undefined => {
    e.line(`if (${typeTest}) return R;`);
    return emitChecks(e, def, x) ? x : undefined;
  };
  switch (def.type) {
    case 'string':
      return primitive(`typeof ${x} !== 'string'`);
    case 'number':
      return primitive(`typeof ${x} !== 'number' || !Number.isFinite(${x})`);
    case 'boolean':
      return primitive(`typeof ${x} !== 'boolean'`);
    case 'literal': {
      const values = def.values as readonly unknown[];
      const simple = values.every((v) => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)));
      return primitive(simple ? values.map((v) => `${x} !== ${JSON.stringify(v)}`).join(' && ') || 'true' : `!${e.constant(values)}.includes(${x})`);
    }
    case 'enum':
      return primitive(`!${e.constant(new Set(Object.values(def.entries as Record<string, unknown>)))}.has(${x})`);
    case 'object':
      return emitObject(e, def, x);
    case 'record':
      return emitRecord(e, def, x);
    case 'array':
      return emitArray(e, def, x);
    case 'optional': {
      const out = e.name();
      e.line(`let ${out}; if (${x} !== undefined) {`);
      const inner = emitNode(e, def.innerType, x);
      if (inner === undefined) return undefined;
      e.line(`${out} = ${inner}; }`);
      return out;
    }
    case 'default': {
      const out = e.name();
      const self = e.constant(def);
      e.line(`let ${out}; if (${x} === undefined) ${out} = ${self}.defaultValue; else {`);
      const inner = emitNode(e, def.innerType, x);
      if (inner === undefined) return undefined;
      e.line(`${out} = ${inner} === undefined ? ${self}.defaultValue : ${inner}; }`);
      return out;
    }
    case 'pipe': {
      const first = emitNode(e, def.in, x);
      return first === undefined ? undefined : emitNode(e, def.out, first);
    }
    case 'transform': {
      const out = e.name();
      const ctx = e.name();
      e.line(`const ${ctx} = { value: ${x}, issues: [], addIssue(issue) { ${ctx}.issues.push(issue); } };`);
      e.line(`const ${out} = ${e.constant(def.transform)}(${x}, ${ctx});`);
      e.line(`if (${out} instanceof Promise || ${ctx}.issues.length > 0) return R;`);
      return out;
    }
    default:
      return undefined;
  }
}

/**
 * The body of the function that makes a schema's check from its constants
 * (`k`) and REJECTED (`R`), or undefined when the schema uses something this
 * compiler does not know. The same schema always gives the same text. Pure.
 */
export function checkFactorySource(schema: z.ZodType): string | undefined {
  return emitted(schema)?.source;
}

function emitted(schema: z.ZodType): { readonly source: string; readonly constants: unknown[] } | undefined {
  const e = new Emitter();
  const out = emitNode(e, schema, 'input');
  if (out === undefined) return undefined;
  // One function per schema, so V8 sees one shape at each check and can inline it (closures shared across fields could not).
  return { source: `return function compiledCheck(input) {\n${e.lines.join('\n')}\nreturn ${out};\n};`, constants: e.constants };
}

/**
 * A JavaScript module that exports `precompiledChecks`, the factories of
 * these schemas' checks as code, keyed by their source (checkFactorySource).
 * The CLI bundle is built with it (scripts/bundle-cli.mjs), so its checks
 * are compiled with the bundle and come from its code cache, not from
 * `new Function` on every run. Pure.
 */
export function precompiledChecksModule(schemas: readonly z.ZodType[]): string {
  const entries = [...new Set(schemas.map(checkFactorySource).filter((s) => s !== undefined))].map((source) => `  [${JSON.stringify(source)}, function (k, R) {\n${source}\n}],`);
  return `export const precompiledChecks = new Map([\n${entries.join('\n')}\n]);\n`;
}

/**
 * The schema as a plain function that gives zod's output for every value it
 * accepts, and REJECTED for the rest (which zod may still accept: ask it).
 * Undefined when the schema uses something this compiler does not know.
 * Compiling reads the schema only, and takes the factory made at build time
 * (`factories`, the bundle's by default) when there is one for exactly this
 * source; the function is pure as long as the schema's own refinements and
 * transforms are.
 */
export function compileSchema<T>(schema: z.ZodType<T>, factories: ReadonlyMap<string, CheckFactory> = precompiledChecks): CompiledCheck<T> | undefined {
  const made = emitted(schema);
  if (made === undefined) return undefined;
  const make = (factories.get(made.source) ?? new Function('k', 'R', made.source)) as CheckFactory;
  return make(made.constants, REJECTED) as CompiledCheck<T>;
}
