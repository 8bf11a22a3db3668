// The fast replay against its reference: the checkpointed, list-backed replay
// against immer + pure transition() on long random logs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventSchema, referenceStateAt, stateAt } from '../src/index.js';
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
});
