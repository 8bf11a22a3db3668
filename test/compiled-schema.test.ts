// The compiled event checks against zod, the source of truth: on valid events
// and on events with one field deleted, replaced or added, a compiled check
// either answers REJECTED (zod decides) or gives exactly zod's output: the same
// values, keys in the same order, the same prototypes. On valid events it must
// answer, or loading gains nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { syntheticEvents } from '../src/bench/synthetic-log.js';
import { REJECTED, checkFactorySource, compileSchema, precompiledChecksModule } from '../src/domain/compiled-schema.js';
import type { CheckFactory } from '../src/domain/precompiled-checks.js';
import { eventSchemas } from '../src/domain/event-schema.js';
import { loadCatalog, bundledEventsDir } from '../src/io/read-log.js';
import { eventArbitrary, sampleCatalog } from '../src/testing/index.js';

const compiled = new Map(eventSchemas.map((s) => [s.shape.type.value as string, { schema: s as z.ZodType, fast: compileSchema(s as z.ZodType) }]));

/** A value as data that also tells prototypes and key order apart. */
function described(value: unknown): unknown {
  if (Array.isArray(value)) return ['array', value.map(described)];
  if (typeof value === 'object' && value !== null) {
    const proto = Object.getPrototypeOf(value) === null ? 'null-prototype' : 'object';
    return [proto, Object.keys(value).map((k) => [k, described((value as Record<string, unknown>)[k])])];
  }
  return value;
}

/** Both answers for one input: the compiled one must be REJECTED or zod's own output. */
function expectAgreement(input: unknown): 'fast' | 'rejected' {
  // Only a string type names a schema; String() of a mutated object may throw (an own toString that is not a function).
  const type = (input as { type?: unknown }).type;
  const entry = typeof type === 'string' ? compiled.get(type) : undefined;
  if (entry === undefined) return 'rejected';
  const fast = entry.fast!(structuredClone(input));
  const zod = entry.schema.safeParse(structuredClone(input));
  if (fast === REJECTED) return 'rejected';
  expect(zod.success, `zod refused what the compiled check accepted: ${JSON.stringify(input)}`).toBe(true);
  expect(described(fast)).toEqual(described(zod.data));
  return 'fast';
}

const tricky = fc.constantFrom<unknown>('', 'x', 'A', 'a-b', '-a', 'x'.repeat(401), '2024-02-30', '2024-02-29', '2023-02-29', '2024-13', '2024-05', 0, -1, 1.5, 2 ** 53, null, true, false, [], {}, ['x'], { a: 1 });
const mutation = fc.record({
  kind: fc.constantFrom('delete', 'replace', 'add'),
  at: fc.nat(),
  value: fc.oneof(tricky, fc.jsonValue({ maxDepth: 2 })),
  key: fc.oneof(fc.constantFrom('extra', 'constructor', 'toString', '__proto__', 'type'), fc.string({ maxLength: 4 })),
});

/** Every object and array in a JSON value, with the keys it holds. */
function containers(value: unknown, out: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = []): typeof out {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push({ holder: value, key: i }), containers(v, out)));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) (out.push({ holder: value as Record<string, unknown>, key: k }), containers(v, out));
  return out;
}

function mutated(event: unknown, m: { kind: string; at: number; value: unknown; key: string }): unknown {
  const copy = JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
  const places = containers(copy);
  if (places.length === 0) return copy;
  const place = places[m.at % places.length]!;
  if (m.kind === 'delete') {
    if (Array.isArray(place.holder)) place.holder.splice(place.key as number, 1);
    else delete place.holder[place.key as string];
  } else if (m.kind === 'replace') {
    (place.holder as Record<string, unknown>)[place.key as string] = structuredClone(m.value);
  } else {
    const holder = Array.isArray(place.holder) ? copy : place.holder;
    // Defined as an own property, as JSON.parse would make it (an assignment to __proto__ would set the prototype).
    Object.defineProperty(holder, m.key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

describe('compiled event schemas', () => {
  it('compile for every event type', () => {
    for (const [type, { fast }] of compiled) expect(fast, type).toBeTypeOf('function');
  });

  it('give zod’s output on every synthetic event (ten types, mixed as in real logs)', async () => {
    const catalog = await loadCatalog(bundledEventsDir);
    if (!catalog.ok) throw new Error('bundled catalog');
    const events = syntheticEvents(catalog.value, 3000, 7).map((e) => JSON.parse(JSON.stringify(e)) as unknown);
    const types = new Set<string>();
    for (const e of events) {
      expect(expectAgreement(e)).toBe('fast');
      types.add((e as { type: string }).type);
    }
    expect(types.size).toBeGreaterThanOrEqual(10);
  });

  it('accept what zod accepts on random valid events, written without their defaults too', () => {
    fc.assert(
      fc.property(eventArbitrary(sampleCatalog, { hypotheticalWeight: 0.2 }), fc.boolean(), (event, bare) => {
        const input = JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
        if (bare && input.hypothetical === false) delete input.hypothetical;
        expect(expectAgreement(input)).toBe('fast');
      }),
      { numRuns: 500 },
    );
  });

  it('are REJECTED or agree with zod on events with a field deleted, replaced or added', () => {
    fc.assert(
      fc.property(eventArbitrary(sampleCatalog, { hypotheticalWeight: 0.2 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (event, ms) => {
        let input: unknown = event;
        for (const m of ms) input = mutated(input, m);
        expectAgreement(input);
      }),
      { numRuns: 3000 },
    );
  });

  it('made at build time (the CLI bundle’s module) cover every event type, and give the same answers as compiled at run time', async () => {
    const text = precompiledChecksModule(eventSchemas as unknown as z.ZodType[]);
    const { precompiledChecks } = (await import(`data:text/javascript,${encodeURIComponent(text)}`)) as { precompiledChecks: Map<string, CheckFactory> };
    const used = new Set<string>();
    const counting = { get: (source: string) => (used.add(source), precompiledChecks.get(source)) } as ReadonlyMap<string, CheckFactory>;
    const catalog = await loadCatalog(bundledEventsDir);
    if (!catalog.ok) throw new Error('bundled catalog');
    const events = syntheticEvents(catalog.value, 2000, 9).map((e) => JSON.parse(JSON.stringify(e)) as { type: string });
    for (const s of eventSchemas) {
      const source = checkFactorySource(s as z.ZodType)!;
      expect(precompiledChecks.has(source), s.shape.type.value).toBe(true);
      const built = compileSchema(s as z.ZodType, counting)!;
      const runtime = compiled.get(s.shape.type.value)!.fast!;
      for (const e of events.filter((x) => x.type === s.shape.type.value)) expect(described(built(structuredClone(e)))).toEqual(described(runtime(structuredClone(e))));
      expect(used.has(source)).toBe(true);
    }
  });
});
