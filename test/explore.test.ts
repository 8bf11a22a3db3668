import { describe, expect, it } from 'vitest';
import { createCatalog, logFromEvents, stateAt, type Term } from '../src/index.js';
import { explore } from '../src/scenario/explore.js';
import { sampleCatalog } from '../src/testing/index.js';
import { position, reported, sampleLog } from './helpers/events.js';

describe('explore', () => {
  it('lists every split of the steps on independent terms, all equally cheap', () => {
    const log = sampleLog([
      reported('2024-08-01', position('north', 'corridor', ['control'])),
      reported('2024-08-01', position('south', 'corridor', ['phased'])),
      reported('2024-08-01', position('north', 'ceasefire', ['resume'])),
      reported('2024-08-01', position('south', 'ceasefire', ['permanent'])),
    ]);
    const r = explore(stateAt(log, '2024-08-01'), sampleCatalog);
    expect(r.openTerms).toEqual(['corridor', 'ceasefire']);
    expect(r.unknownTerms).toEqual([{ term: 'crossing', missing: ['north', 'south'] }]);
    // corridor: 2 steps split 3 ways; ceasefire: 1 step split 2 ways.
    expect(r.solutionCount).toBe(6);
    expect(r.solutions.every((s) => s.steps === 3)).toBe(true);
    // The evenly shared sets come first: neither side is listed as conceding first by default.
    const first = r.solutions[0]!;
    const byParty = (p: string) => first.concessions.filter((c) => c.party === p).reduce((n, c) => n + c.steps, 0);
    expect(Math.abs(byParty('north') - byParty('south'))).toBe(1);
  });

  it('respects a linked position: the overlap on the other term must meet the condition', () => {
    const log = sampleLog([
      reported('2024-08-01', { ...position('north', 'corridor', ['control', 'reduced']), conditions: [{ term: 'crossing', accepts: ['mission'] }] }),
      reported('2024-08-01', position('south', 'corridor', ['reduced', 'phased'])),
      reported('2024-08-01', position('north', 'crossing', ['control'])),
      reported('2024-08-01', position('south', 'crossing', ['local'])),
    ]);
    const r = explore(stateAt(log, '2024-08-01'), sampleCatalog);
    expect(r.conditions).toEqual([{ party: 'north', term: 'corridor', requires: { term: 'crossing', accepts: ['mission'] }, checkable: true }]);
    // Only one step each on the crossing lands on the mission; one side taking both steps lands elsewhere.
    expect(r.solutionCount).toBe(1);
    expect(r.solutions[0]!.concessions).toEqual([
      { party: 'north', term: 'crossing', steps: 1, from: ['control'], to: ['control', 'mission'] },
      { party: 'south', term: 'crossing', steps: 1, from: ['local'], to: ['mission', 'local'] },
    ]);
    expect(r.solutions[0]!.overlaps).toMatchObject({ crossing: ['mission'], corridor: ['reduced'] });
  });

  it('reports when no set fits within the step budget', () => {
    const log = sampleLog([
      reported('2024-08-01', position('north', 'corridor', ['control'])),
      reported('2024-08-01', position('south', 'corridor', ['withdrawal'])),
    ]);
    const r = explore(stateAt(log, '2024-08-01'), sampleCatalog, { maxSteps: 2 });
    expect(r).toMatchObject({ solutionCount: 0, cheapest: null, lowerBound: 3 });
  });

  it('searches 16 independent open terms: 65,536 minimal sets of 16 steps', () => {
    const terms: Term[] = Array.from({ length: 16 }, (_, i) => ({ id: `term-${i}`, label: `T${i}`, axis: 'a', ladder: [{ id: 'low', label: 'l' }, { id: 'high', label: 'h' }] }));
    const catalog = createCatalog(terms, sampleCatalog.parties, sampleCatalog.sources);
    const events = terms.flatMap((t) => [
      reported('2024-08-01', position('north', t.id, ['low'], catalog)),
      reported('2024-08-01', position('south', t.id, ['high'], catalog)),
    ]);
    const r = explore(stateAt(logFromEvents(catalog, events), '2024-08-01'), catalog, { limit: 3 });
    expect(r.combinations).toBe(65_536);
    expect(r.solutionCount).toBe(65_536);
    expect(r.cheapest).toBe(16);
    expect(r.solutions).toHaveLength(3);
  });
});
