// The fast replay against its reference: the checkpointed, list-backed replay
// against immer + pure transition() on long random logs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventSchema, referenceStateAt, stateAt } from '../src/index.js';
import { policies } from '../src/model/claims.js';
import { isoDateArbitrary, logArbitrary, sampleCatalog } from '../src/testing/index.js';

const catalog = sampleCatalog;

describe('fast paths', () => {
  it('the checkpointed replay deep-equals the reference fold on large random logs, under every policy', () => {
    fc.assert(
      fc.property(
        logArbitrary(catalog, { minLength: 500, maxLength: 1500, hypotheticalWeight: 0.2, idPool: 2 }),
        fc.array(isoDateArbitrary(), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...policies),
        (log, dates, policy) => {
          for (const d of dates) expect(stateAt(log, d, { policy })).toEqual(referenceStateAt(log, d, { policy }));
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);
});
