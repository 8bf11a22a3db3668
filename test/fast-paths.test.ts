// The fast replay against its reference: the checkpointed, list-backed replay
// against immer + pure transition() on long random logs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventSchema, referenceStateAt, stateAt, stateOnce } from '../src/index.js';
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

  it('a one-shot replay (stateOnce) gives what the checkpointed stateAt gives, on any date, filter and policy', () => {
    const sources = catalog.sources.map((x) => x.id);
    fc.assert(
      fc.property(
        logArbitrary(catalog, { minLength: 50, maxLength: 700, hypotheticalWeight: 0.2, idPool: 2 }),
        isoDateArbitrary(),
        fc.option(isoDateArbitrary(), { nil: undefined }),
        fc.option(fc.subarray(sources, { minLength: 1 }), { nil: undefined }),
        fc.constantFrom(...policies),
        (log, date, knownAt, only, policy) => {
          const query = { policy, ...(knownAt ? { knownAt } : {}), ...(only ? { sources: only } : {}) };
          expect(stateOnce(log, date, query)).toEqual(stateAt(log, date, query));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
