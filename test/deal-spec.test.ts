// The deal spec schema: the bundled spec and the documented default are valid
// and share their phases; a bad spec gets one precise problem per fault.
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledEventsDir, dealSpecSchema, defaultDealSpec, parseDealFile, phasesOf } from '../src/index.js';
import { sampleCatalog } from '../src/testing/index.js';

const issues = (value: unknown) => {
  const r = dealSpecSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const phase = (extra: Record<string, unknown> = {}) => ({ label: 'P', days: 10, requires: 'agreement', ...extra });

describe('the deal spec', () => {
  it('bundled and default specs are valid, and the default has the bundled phases without term references', async () => {
    const bundled = dealSpecSchema.parse(JSON.parse(await readFile(`${bundledEventsDir}/deal.json`, 'utf8')));
    expect(dealSpecSchema.parse(defaultDealSpec)).toEqual(defaultDealSpec);
    expect(defaultDealSpec.phases.map(({ label: _, ...p }) => p)).toEqual(bundled.phases.map(({ label: _, ...p }) => p));
    expect(defaultDealSpec.agreement).toEqual({ mustSettle: 'all-but-deferrable', mayDefer: [] });
    expect(phasesOf(bundled)).toEqual(['negotiating', 'agreed', 'phase1', 'phase2', 'phase3', 'concluded', 'collapsed']);
  });

  it('names each fault: the first phase needs the agreement, due days fall within the phase and before a next one, deferrals go to a phase that exists', () => {
    expect(
      issues({
        id: 'x',
        label: 'x',
        phases: [phase({ requires: 'phase-agreement', nextPhaseTalksDueDay: 11 }), phase({ nextPhaseTalksDueDay: 2 })],
        agreement: { mayDefer: [{ term: 'corridor', to: 3 }] },
      }),
    ).toEqual([
      'phases.0.requires: the first phase starts upon the agreement: expected "agreement"',
      "phases.0.nextPhaseTalksDueDay: expected a day within the phase's 10 days",
      'phases.1.nextPhaseTalksDueDay: the last phase has no next phase to talk about; expected null',
      'agreement.mayDefer.0.to: expected a phase from 2 to 2',
    ]);
    expect(issues({ id: 'x', label: 'x', phases: [] })).toHaveLength(1);
  });

  it('checks the terms it names against the catalog, one problem per term', () => {
    const text = JSON.stringify({ id: 'x', label: 'x', phases: [phase(), phase({ requires: 'phase-agreement' })], agreement: { mustSettle: ['corridor', 'airspace'], mayDefer: [{ term: 'corridor', to: 2 }] } });
    const r = parseDealFile({ name: 'deal.json', text }, sampleCatalog);
    expect(r.ok ? [] : r.problems).toEqual([
      { file: 'deal.json', code: 'unknown-term', field: 'agreement.mustSettle[1]', message: 'unknown term "airspace"; expected one of corridor, crossing, ceasefire' },
      { file: 'deal.json', code: 'bad-field', field: 'agreement.mayDefer[0].term', message: '"corridor" is also in mustSettle; a term is either deferrable or not' },
    ]);
  });

  it('never throws on any JSON, nor on near-valid specs: a bad file is problems, not a crash', () => {
    const nearlyValid = fc.record({
      id: fc.constantFrom('ok', 'Not A Slug'),
      label: fc.string(),
      phases: fc.array(
        fc.record({
          label: fc.string(),
          days: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constant(null)),
          nextPhaseTalksDueDay: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constant(null)),
          requires: fc.constantFrom('agreement', 'phase-agreement', 'other'),
        }),
        { maxLength: 12 },
      ),
      agreement: fc.record({
        mustSettle: fc.oneof(fc.constant('all-but-deferrable'), fc.array(fc.constantFrom('corridor', 'airspace'))),
        mayDefer: fc.array(fc.record({ term: fc.constantFrom('corridor', 'ceasefire', 'airspace'), to: fc.integer({ min: -1, max: 12 }) })),
      }),
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearlyValid), (value) => {
        const r = parseDealFile({ name: 'deal.json', text: JSON.stringify(value) ?? 'null' }, sampleCatalog);
        if (!r.ok) for (const p of r.problems) expect(p.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
