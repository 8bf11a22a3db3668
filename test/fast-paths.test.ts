// The fast paths against their references: the checkpointed, list-backed
// replay against immer + pure transition() on long random logs, and the
// validation fast path against zod.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventSchema, referenceStateAt, stateAt } from '../src/index.js';
import { fastEvent } from '../src/domain/parse-log.js';
import { eventArbitrary, isoDateArbitrary, logArbitrary, sampleCatalog } from '../src/testing/index.js';

const catalog = sampleCatalog;

describe('fast paths', () => {
  it('the checkpointed replay deep-equals the reference fold on large random logs', () => {
    fc.assert(
      fc.property(
        logArbitrary(catalog, { minLength: 500, maxLength: 1500, hypotheticalWeight: 0.2, idPool: 2 }),
        fc.array(isoDateArbitrary(), { minLength: 1, maxLength: 3 }),
        (log, dates) => {
          for (const d of dates) expect(stateAt(log, d)).toEqual(referenceStateAt(log, d));
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);

  it('fastEvent gives exactly what zod gives (same fields, same order) or leaves the value to zod', () => {
    const mutated = fc.tuple(eventArbitrary(catalog, { hypotheticalWeight: 0.3 }), fc.string(), fc.jsonValue()).map(([e, k, v]) => ({ ...e, [k]: v }) as Record<string, unknown>);
    const field = fc
      .tuple(eventArbitrary(catalog), fc.constantFrom('type', 'occurred', 'reported', 'term', 'party', 'accepts', 'attribution', 'id', 'source', 'conditions', 'terms', 'count', 'phase', 'as', 'quote', 'hypothetical'), fc.jsonValue())
      .map(([e, k, v]) => ({ ...e, [k]: v }) as Record<string, unknown>);
    const valid = eventArbitrary(catalog, { hypotheticalWeight: 0.3 }).map((e) => JSON.parse(JSON.stringify(e)) as Record<string, unknown>);
    fc.assert(
      fc.property(fc.oneof(valid, mutated, field), (value) => {
        const json = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
        const fast = fastEvent(json);
        const zod = eventSchema.safeParse(json);
        if (fast !== undefined) {
          expect(zod.success).toBe(true);
          if (zod.success) expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
        }
      }),
      { numRuns: 3000 },
    );
    // Valid events do take the fast path.
    fc.assert(
      fc.property(valid, (value) => {
        expect(fastEvent(value)).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});
